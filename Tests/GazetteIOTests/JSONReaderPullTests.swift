import GazetteIO
import Testing

/// The pull API: callers walk a document and read only what they need.
@Suite("JSONReader, pull API")
struct JSONReaderPullTests {
    /// Reads `{"name": string, "tags": [string], "score": number}` with the pull API.
    private func read(_ json: String, strings: JSONReader.StringPolicy = .strict) throws(JSONSyntaxError) -> (String?, [String]?, Double?) {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var reader = JSONReader(bytes: buffer, strings: strings)
            var name: String?, tags: [String]?, score: Double?
            reader.skipSpace()
            try reader.object { reader, key throws(JSONSyntaxError) in
                switch key {
                case "name": name = try reader.optionalString()
                case "tags": tags = try reader.optionalArray { reader throws(JSONSyntaxError) in try reader.string() }
                case "score": score = try reader.optionalNumber()
                default: try reader.skipValue()
                }
            }
            reader.skipSpace()
            guard reader.isAtEnd else { throw reader.failure("trailing text") }
            return (name, tags, score)
        }
    }

    @Test func readsWantedFieldsAndSkipsTheRest() throws {
        let (name, tags, score) = try read(#" {"skip": {"deep": [1, {"x": null}], "t": true}, "name": "Kyïv \u2014 \ud83d\udcf0", "tags": ["a", "b"], "score": -1.5e2} "#)
        #expect(name == "Kyïv — 📰")
        #expect(tags == ["a", "b"])
        #expect(score == -150)
    }

    @Test func aRepeatedKeyKeepsItsFirstValue() throws {
        #expect(try read(#"{"name": "first", "name": "second"}"#).0 == "first")
    }

    @Test(arguments: [
        "{\"name\": \"tab\tinside\"}",                 // raw control character
        #"{"name": "\ud800 alone"}"#,                  // unpaired surrogate
        #"{"name": .quote missing"}"#,                 // a value that is not a string
        #"{"tags": ["a" "b"]}"#,                       // missing comma
        #"{"score": 1.}"#,                             // bad number
    ])
    func strictStringsRejectWhatJSONDecoderRejects(json: String) {
        #expect(throws: JSONSyntaxError.self) { try read(json) }
    }

    @Test func invalidUTF8IsAnErrorWhenStrictAndReplacedWhenLenient() throws {
        var bytes = Array(#"{"name": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let strict = bytes.withUnsafeBufferPointer { buffer -> JSONSyntaxError? in
            var reader = JSONReader(bytes: buffer, strings: .strict)
            do throws(JSONSyntaxError) {
                try reader.object { reader, _ throws(JSONSyntaxError) in _ = try reader.string() }
                return nil
            } catch {
                return error
            }
        }
        #expect(strict?.reason == "a string is not valid UTF-8")
        bytes = Array(#"{"name": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(try read(String(decoding: bytes, as: UTF8.self), strings: .lenient).0 == "x\u{FFFD}(")
    }

    @Test func errorsSayWhatAndWhere() {
        do {
            _ = try read(#"{"name": "ok", "tags": ["a",]}"#)
            Issue.record("a trailing comma was accepted")
        } catch {
            #expect(error.reason == "expected a string")
            #expect(error.offset == 28)
        }
    }
}

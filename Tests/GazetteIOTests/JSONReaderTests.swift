import Testing
import GazetteIO

@Suite("JSONReader, validating API")
struct JSONReaderTests {
    private func members(_ line: String) throws -> [String: JSONField]? {
        try JSONReader.members(of: Array(line.utf8), wanted: ["id", "url", "html", "text"])
    }

    @Test func readsWantedMembersAndSkipsOthers() throws {
        let fields = try #require(try members(#"{"id":"reuters-1","meta":{"tags":["a",{"b":[1,2.5e3,-0.1]}],"ok":true},"text":"Kyiv \u00e9 \"q\"\n","n":null}"#))
        #expect(fields["id"] == .string(Array("reuters-1".utf8)))
        #expect(fields["text"] == .string(Array("Kyiv é \"q\"\n".utf8)))
        #expect(fields["meta"] == nil)
        #expect(fields["url"] == nil)
    }

    @Test func decodesSurrogatePairsAndReplacesLoneSurrogates() throws {
        let fields = try #require(try members(#"{"text":"\ud83d\udcf0 news \ud800 end"}"#))
        #expect(fields["text"] == .string(Array("📰 news \u{FFFD} end".utf8)))
    }

    @Test func reportsTypesOfWantedMembers() throws {
        let fields = try #require(try members(#"  {"id": 42, "url": null, "html": ["x"], "text": false}  "#))
        #expect(fields["id"] == .number("42"))
        #expect(fields["url"] == .null)
        #expect(fields["html"] == .composite)
        #expect(fields["text"] == .bool(false))
    }

    @Test func nonObjectValuesAreValidButNotObjects() throws {
        #expect(try members("null") == nil)
        #expect(try members(#"["id","x"]"#) == nil)
        #expect(try members("12.5") == nil)
    }

    @Test(arguments: [
        #"{"id":"a","text":"unterminated}"#,
        #"{"id":"a" "text":"x"}"#,
        #"{"id":"a",}"#,
        #"{"id":'a'}"#,
        #"{"id":"a"} trailing"#,
        #"{"text":"bad escape \x"}"#,
        #"{"text":"\u12"}"#,
        "{\"id\":tru}",
        "{\"n\":01}",
        "{\"n\":-}",
        "{\"a\":[1,2}",
        "",
        "{",
    ])
    func rejectsInvalidJSON(_ line: String) {
        #expect(throws: JSONSyntaxError.self) { try members(line) }
    }

    @Test func rejectsNestingPastTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try members(#"{"x":"# + deep + "}") }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try members(#"{"x":"# + fine + "}") }
    }
}

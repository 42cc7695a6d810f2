import Foundation
import Testing
@testable import GazetteCore

@Suite struct TagRecordTests {
    private func parse(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func keysComeInContractOrder() throws {
        var article = Article(id: "a1", url: "https://example.org/x", text: "Putin met NATO.")
        article.title = "Talks"
        article.entities = [Entity(id: "Q7747", type: .person, name: "Vladimir Putin", wikidata: "Q7747", salience: 0.9,
                                   mentions: [Mention(range: TextRange(start: 0, end: 5), surface: "Putin", type: .person, source: "gazetteer")])]
        article.topics = [TopicScore(id: "medtop:11000000", label: "politics", score: 0.8123456)]
        let line = TagRecord.encode(article, options: .init(includeText: true))
        let order = ["\"id\"", "\"url\"", "\"title\"", "\"published\"", "\"language\"", "\"text\"", "\"entities\"", "\"topics\"", "\"error\""]
        var position = line.startIndex
        for key in order {
            let found = try #require(line.range(of: key, range: position..<line.endIndex), "missing \(key) in \(line)")
            position = found.upperBound
        }
        let object = try parse(line)
        #expect(object["error"] is NSNull)
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(topics.first?["score"] as? Double == 0.8123)
        #expect(object["token_limit"] == nil)

        // A text cut at the token limit says so, between the text and the entities.
        article.tokenLimit = 250_000
        let cut = TagRecord.encode(article, options: .init(includeText: true))
        let text = try #require(cut.range(of: "\"text\""))
        let limit = try #require(cut.range(of: "\"token_limit\":250000"))
        let entities = try #require(cut.range(of: "\"entities\""))
        #expect(text.upperBound <= limit.lowerBound && limit.upperBound <= entities.lowerBound)
    }

    @Test func entityKnowledgeKeysAreAddedOnlyWhenKnown() throws {
        var article = Article(id: "k", text: "Kyiv and Anna Petrenko.")
        article.entities = [
            Entity(id: "Q1899", type: .place, name: "Kyiv", wikidata: "Q1899", country: "UA",
                   coordinates: Coordinates(latitude: 50.450_01, longitude: 30.523_99), salience: 0.8, confidence: 0.9256,
                   mentions: [Mention(range: TextRange(start: 0, end: 4), surface: "Kyiv", type: .place, source: "gazetteer")]),
            Entity(id: "new:person:anna-petrenko", type: .person, name: "Anna Petrenko", salience: 0.5,
                   mentions: [Mention(range: TextRange(start: 9, end: 22), surface: "Anna Petrenko", type: .person, source: "model")]),
        ]
        let line = TagRecord.encode(article)
        #expect(line.contains(#""wikidata":"Q1899","country":"UA","coordinates":[50.45,30.524],"salience":0.8,"confidence":0.926,"mentions""#))
        let entities = try #require(try parse(line)["entities"] as? [[String: Any]])
        #expect(entities[1]["country"] == nil && entities[1]["coordinates"] == nil && entities[1]["confidence"] == nil)
        #expect(Coordinates(latitude: 91, longitude: 0) == nil && Coordinates(parsing: "50.45, 30.52") == Coordinates(latitude: 50.45, longitude: 30.52))
    }

    @Test func offsetsAreUnicodeScalars() throws {
        // "İstanbul" starts with a 2-byte scalar, "ß" is 2 bytes: scalar offsets must not shift.
        let text = "İstanbul: Straße nach Kyiv 🇺🇦 und NATO"
        var article = Article(id: "u", text: text)
        let bytes = Array(text.utf8)
        func byteRange(of word: String) -> TextRange {
            let w = Array(word.utf8)
            for i in 0...(bytes.count - w.count) where Array(bytes[i..<i + w.count]) == w {
                return TextRange(start: i, end: i + w.count)
            }
            return TextRange(start: 0, end: 0)
        }
        article.entities = ["Kyiv", "NATO"].map { word in
            Entity(id: word, type: .place, name: word, mentions: [Mention(range: byteRange(of: word), surface: word, type: .place, source: "gazetteer")])
        }
        let object = try parse(TagRecord.encode(article))
        let scalars = Array(text.unicodeScalars)
        for entity in try #require(object["entities"] as? [[String: Any]]) {
            let mention = try #require((entity["mentions"] as? [[String: Any]])?.first)
            let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
            var view = String.UnicodeScalarView(); view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == mention["surface"] as? String)
        }
    }

    @Test func errorRecordNamesCodeAndMessage() throws {
        let line = TagRecord.encodeError(id: "bad", url: nil, error: GazetteError(.invalidJSON, "line 3 is not JSON", cause: "unexpected end"))
        let object = try parse(line)
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_json")
        #expect((error["message"] as? String)?.contains("line 3") == true)
        #expect((object["entities"] as? [Any])?.isEmpty == true)
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        var json = JSONWriter()
        json.beginObject(); json.key("s"); json.string("a\"b\\c\n\u{01}é"); json.key("n"); json.number(1.5); json.endObject()
        let object = try parse(json.output)
        #expect(object["s"] as? String == "a\"b\\c\n\u{01}é")
        #expect(object["n"] as? Double == 1.5)
        #expect(json.output == #"{"s":"a\"b\\c\n\u0001é","n":1.5}"#)
    }

    @Test func writesTheSameBytesAsItsStringForm() {
        var json = JSONWriter()
        json.beginArray(); json.string("Kyiv\tКиїв\u{1F}"); json.null(); json.bool(true); json.int(-3); json.endArray()
        #expect(json.output == #"["Kyiv\tКиїв\u001f",null,true,-3]"#)
        #expect(json.bytes == Array(json.output.utf8))
    }

    @Test(arguments: [(0.5, "0.5"), (1.0, "1"), (0.12345, "0.1235"), (0.0, "0"), (-2.25, "-2.25"), (0.00001, "0")])
    func numbersAreShortAndRounded(value: Double, expected: String) {
        #expect(JSONWriter.format(value) == expected)
        var json = JSONWriter()
        json.number(value)
        #expect(json.output == expected)
    }

    /// The writer appends numbers as bytes; they are the digits ``JSONWriter/format(_:digits:)`` gives.
    @Test func writtenNumbersMatchTheirStringForm() {
        let values = [0.0012, -0.00004, 12345.678912, 3.0e15, 1.0e20, -1.0e20, .nan, .infinity, 0.1 + 0.2, 49.99995, -7.000001, 52.52, 13.405]
        for value in values {
            for digits in [0, 1, 3, 4, 6] {
                var json = JSONWriter()
                json.number(value, digits: digits)
                #expect(json.output == JSONWriter.format(value, digits: digits), "\(value) with \(digits) digits")
            }
        }
    }

    @Test func pipelineRunsStagesInOrderAndStopsAtError() throws {
        struct Append: PipelineStage {
            let name: String
            var reads: ArticleLayers { .text }
            var writes: ArticleLayers { .text }
            func process(_ a: inout Article) throws(GazetteError) { a.text += name }
        }
        struct Fail: PipelineStage {
            let name = "fail"
            var reads: ArticleLayers { .input }
            var writes: ArticleLayers { [] }
            func process(_ a: inout Article) throws(GazetteError) { throw GazetteError(.parse, "boom") }
        }
        let ok = try Pipeline(given: [.input, .text]) { Append(name: "1"); Append(name: "2") }.tag(Article(id: "x", text: ">"))
        #expect(ok.text == ">12")
        #expect(throws: GazetteError.self) { try Pipeline(given: [.input, .text]) { Append(name: "1"); Fail() }.tag(Article(id: "x", text: "")) }
        var profile = StageProfile()
        _ = try Pipeline(given: [.input, .text]) { Append(name: "a"); Append(name: "b") }.tag(Article(id: "x", text: ""), profile: &profile)
        #expect(profile.names == ["a", "b"])
    }

    @Test func scalarOffsetsAreRightInAnyOrderOnALongText() {
        // Mentions come grouped by entity, so offsets jump back and forth across the text.
        var text = ""
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Kyiv ", "Zürich ", "İstanbul ", "Straße ", "東京 ", "NATO ", "😀 ", "\n"]
        while text.utf8.count < 20_000 { text += pieces.randomElement(using: &generator) ?? "" }
        let bytes = Array(text.utf8)
        let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        var map = ScalarOffsetMap(text)
        for _ in 0..<2_000 {
            let target = boundaries.randomElement(using: &generator) ?? 0
            let expected = String(decoding: bytes[..<target], as: UTF8.self).unicodeScalars.count
            #expect(map.scalarOffset(ofByte: target) == expected)
        }
        #expect(map.scalarOffset(ofByte: bytes.count + 10) == text.unicodeScalars.count)
    }
}

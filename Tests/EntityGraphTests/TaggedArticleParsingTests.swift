import Foundation
import GazetteCore
import Testing
@testable import EntityGraph

/// The tag-record reader (on the shared JSONReader) against `JSONDecoder` (the reference) on the same lines.
@Suite struct TaggedArticleParsingTests {
    private static func reference(_ line: String) -> TaggedArticle? {
        try? JSONDecoder().decode(TaggedArticle.self, from: Data(line.utf8))
    }

    private static func scanned(_ line: String) -> TaggedArticle? {
        TaggedArticle.parse(bytes: Array(line.utf8))
    }

    /// Lines written by the real writer, `TagRecord.encode`, with names that need escaping.
    static let writtenLines: [String] = {
        let text = "Der \"Kanzler\" Olaf Scholz traf in Kyiv 🇺🇦 den Präsidenten.\tZeile\\zwei\u{1}"
        var article = Article(id: "de/scholz \"kyiv\"", url: "https://news.example/a?b=1&c=2", text: text)
        article.title = "Scholz in Kyiv — \u{2028}Besuch"
        article.language = "de"
        article.metadata.authors = ["Anna Müller", "Jo \\ Smith"]
        article.metadata.description = "Ein Besuch.\nMit Zeilenumbruch."
        article.entities = [
            Entity(id: "Q61053", type: .person, name: "Olaf Scholz", wikidata: "Q61053", salience: 0.91,
                   mentions: [Mention(range: TextRange(start: 17, end: 28), surface: "Olaf Scholz", type: .person, source: "gazetteer")]),
            Entity(id: "new:o:\"acme\"\\gmbh", type: .organization, name: "ACME \"GmbH\"", salience: 0.000123,
                   mentions: [Mention(range: TextRange(start: 0, end: 3), surface: "Der", type: .organization, source: "model", reason: "context: \"traf\"")]),
        ]
        article.topics = [TopicScore(id: "medtop:11000000", label: "politics", score: 0.8)]
        return [
            TagRecord.encode(article, options: .init(includeText: true)),
            TagRecord.encode(article, options: .init(includeText: false, includeProvenance: false)),
            TagRecord.encodeError(id: "broken", url: nil, error: GazetteError(.parse, "no \"html\"", cause: "libxml2")),
        ]
    }()

    static let handLines: [String] = [
        #"{"id":"a","entities":[],"topics":[],"error":null}"#,
        #" { "id" : "b" , "extra" : {"nested": [1, 2.5e-3, true, false, null, {"x": "y"}]}, "entities": null } "#,
        #"{"id":"c","title":"\u00e9t\u00E9 \ud83d\ude00 \/ \b\f","entities":[{"id":"Q1","salience":1E2,"mentions":[{"start":0,"end":-0}]}]}"#,
        #"{"id":"d","topics":[{"id":"medtop:1","label":null,"score":-0.5}],"error":{"code":"x","message":"y","more":[]}}"#,
        #"{"id":"e","id":"second wins"}"#,
    ]

    static let badLines: [String] = [
        "not json", "[1,2]", #"{"id":"x""#, #"{"id":"x"} trailing"#, #"{"id":5}"#, #"{"id":"\ud800"}"#,
        #"{"id":"x","entities":[{"salience":"high"}]}"#, #"{"id":"x","error":"boom"}"#, "{\"id\":\"tab\tinside\"}",
        #"{"id":"x","entities":[{"mentions":[{"start":1.5}]}]}"#, "", "{}",
    ]

    @Test(arguments: writtenLines + handLines)
    func scannerReadsWhatJSONDecoderReads(line: String) throws {
        let expected = try #require(Self.reference(line))
        #expect(Self.scanned(line) == expected)
    }

    @Test(arguments: badLines)
    func scannerRejectsWhatJSONDecoderRejects(line: String) {
        // `{}` decodes (every field is optional); the reader then skips it for having no id.
        if let expected = Self.reference(line) {
            #expect(Self.scanned(line) == expected)
        } else {
            #expect(Self.scanned(line) == nil)
        }
    }

    @Test func invalidUTF8IsRejectedLikeTheReference() {
        var bytes = Array(#"{"id":"x"#.utf8)
        bytes += [0xC3, 0x28] // broken two-byte sequence
        bytes += Array(#""}"#.utf8)
        #expect(TaggedArticle.parse(bytes: bytes) == nil)
        #expect((try? JSONDecoder().decode(TaggedArticle.self, from: Data(bytes))) == nil)
    }

    @Test func mutatedLinesNeverDisagreeWithTheReference() {
        // Deterministic single-byte mutations and truncations of real lines: whatever the scanner
        // accepts, JSONDecoder must read the same way (and nothing may crash).
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let alphabet = Array(#"{}[]",:\0123456789.eE-+ntrufalsx"#.utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var disagreements: [String] = []
        for line in Self.writtenLines + Self.handLines {
            let bytes = Array(line.utf8)
            for round in 0..<300 {
                var mutated = bytes
                if round % 10 == 0 {
                    mutated.removeLast(next(mutated.count))
                } else {
                    mutated[next(mutated.count)] = alphabet[next(alphabet.count)]
                }
                guard let scanned = TaggedArticle.parse(bytes: mutated) else { continue }
                let reference = try? JSONDecoder().decode(TaggedArticle.self, from: Data(mutated))
                if reference != scanned { disagreements.append(String(decoding: mutated, as: UTF8.self)) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
    }
}

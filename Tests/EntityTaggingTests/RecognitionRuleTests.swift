import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// The explicit rules, each on its own: a model with all weights zero labels every token `O`, so
/// every mention below comes from a rule (or from nothing).
@Suite struct RecognitionRuleTests {
    static let gazetteer = GazetteerTestData.gazetteer(extra: """

    Q649\tPlace\tMoscow\t\tRU\tcity\t12506468\t\ttest
    """)
    static let lexicons = Lexicons(
        lists: ["given-names": ["timur", "anna"], "person-titles": ["president", "foreign minister", "spokesman"]],
        demonyms: ["russian": (id: "Q159", name: "Russia"), "ukrainian": (id: "Q212", name: "Ukraine")])

    /// Tags `text` with the zero model plus rules.
    static func mentions(_ text: String, rules: Bool = true) throws -> [Mention] {
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        let recognizer = EntityRecognizer(model: PerceptronModel(bits: 8), lexicons: RecognizerLexicons(lexicons), rules: rules)
        try recognizer.process(&article)
        return article.mentions
    }

    /// (surface, type, source, byte start, byte end) of each mention.
    static func summary(_ text: String) throws -> [String] {
        try mentions(text).map { "\($0.surface)|\($0.type.rawValue)|\($0.source)|\($0.range.start)-\($0.range.end)" }
    }

    @Test func titleWordBeforeUntaggedName() throws {
        #expect(try Self.summary("Officials said President Emmanuel Macron arrived late.")
            == ["Emmanuel Macron|Person|rule:title-person|25-40"])
        #expect(try Self.summary("Russia's Foreign Minister Sergei Lavrov spoke.").contains("Sergei Lavrov|Person|rule:title-person|26-39"))
        // A title followed by another title word names no one yet.
        #expect(try Self.summary("The Deputy Foreign Minister resigned.").isEmpty)
    }

    @Test func givenNameBeforeSurname() throws {
        #expect(try Self.summary("Timur Ivanov was detained in April.") == ["Timur Ivanov|Person|rule:given-name|0-12"])
    }

    @Test func organisationPatterns() throws {
        #expect(try Self.summary("The Kherson City Court ruled on Tuesday.") == ["Kherson City Court|Organization|rule:org-suffix|4-22"])
        #expect(try Self.summary("Shares of Acme Widgets Inc. fell.") == ["Acme Widgets Inc.|Organization|rule:org-suffix|10-27"])
        #expect(try Self.summary("a statement from the Ministry of Trade and Industry said")
            == ["Ministry of Trade and Industry|Organization|rule:org-of|21-51"])
        #expect(try Self.summary("the Russian Foreign Ministry said") == ["Russian Foreign Ministry|Organization|rule:nationality-body|4-28"])
        // A lone organisation word is not a name.
        #expect(try Self.summary("the ministry said the Ministry would reply").isEmpty)
    }

    @Test func placePatterns() throws {
        #expect(try Self.summary("Shelling hit the Zaporizhzhia Oblast overnight.")
            == ["Zaporizhzhia Oblast|Place|rule:place-suffix|17-36"])
        #expect(try Self.summary("Floods closed roads in Orange County.") == ["Orange County|Place|rule:place-suffix|23-36"])
    }

    @Test func datelineNeedsAListedPlace() throws {
        #expect(try Self.summary("MOSCOW — The talks ended.") == ["MOSCOW|Place|rule:dateline|0-6"])
        #expect(try Self.summary("PRESS DIGEST - The papers said.").isEmpty)
    }

    @Test func hyphenatedPlacesAreTwoPlaces() throws {
        #expect(try Self.summary("the Russia-Ukraine war")
            == ["Russia|Place|rule:hyphen-compound|4-10", "Ukraine|Place|rule:hyphen-compound|11-18"])
        #expect(try Self.summary("US-Ukraine talks") == ["US|Place|rule:hyphen-compound|0-2", "Ukraine|Place|rule:hyphen-compound|3-10"])
    }

    @Test func possessiveIsOutsideTheMention() throws {
        // Straight and typographic apostrophes; byte offsets exclude the possessive.
        #expect(try Self.summary("He met President Lukashenko's envoy.") == ["Lukashenko|Person|rule:title-person|17-27"])
        #expect(try Self.summary("He met President Lukashenko’s envoy.") == ["Lukashenko|Person|rule:title-person|17-27"])
    }

    @Test func rulesOffLeavesTheModelAlone() throws {
        #expect(try Self.mentions("Officials said President Emmanuel Macron arrived.", rules: false).isEmpty)
    }

    @Test func possessiveEndings() {
        let text = "Putin's"
        var bytes = Array(text.utf8)
        let end = bytes.withUnsafeMutableBufferPointer { EntityRecognizer.endWithoutPossessive(UnsafeBufferPointer($0), start: 0, end: 7) }
        #expect(end == 5)
        bytes = Array("Putin’s".utf8)
        let end2 = bytes.withUnsafeMutableBufferPointer { EntityRecognizer.endWithoutPossessive(UnsafeBufferPointer($0), start: 0, end: $0.count) }
        #expect(end2 == 5)
    }
}

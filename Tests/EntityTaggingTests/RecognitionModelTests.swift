import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// The shipped model on news text we wrote, with the shipped gazetteers and lexicons.
@Suite struct RecognitionModelTests {
    /// Shipped lists and model, loaded once for the suite.
    static let shipped: (EntityResources, EntityRecognizer)? = {
        guard let resources = try? EntityResources.load(),
              let recognizer = try? EntityRecognizer(lexicons: resources.lexicons) else { return nil }
        return (resources, recognizer)
    }()

    static func tag(_ text: String) throws -> [Mention] {
        let (resources, recognizer) = try #require(shipped)
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: resources.gazetteer).process(&article)
        try recognizer.process(&article)
        // Mentions are in text order and never overlap.
        for (a, b) in zip(article.mentions, article.mentions.dropFirst()) { #expect(a.range.end <= b.range.start) }
        return article.mentions
    }

    static func pairs(_ mentions: [Mention]) -> [String] { mentions.map { "\($0.surface)/\($0.type.rawValue)" } }

    @Test func findsPeoplePlacesAndOrganisationsInAParagraph() throws {
        let text = """
        Ukrainian President Volodymyr Zelenskyy met NATO Secretary General Mark Rutte in Brussels on Thursday. \
        Vladimir Putin would not attend the summit in Istanbul, a Kremlin spokesman said. Shares of Siemens fell \
        after its chief executive, Roland Busch, warned about weak demand in China.
        """
        let found = Self.pairs(try Self.tag(text))
        for expected in ["Volodymyr Zelenskyy/Person", "NATO/Organization", "Mark Rutte/Person", "Brussels/Place",
                         "Vladimir Putin/Person", "Istanbul/Place", "Siemens/Organization", "Roland Busch/Person", "China/Place"] {
            #expect(found.contains(expected), "missing \(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("Thursday") || $0.hasPrefix("Shares") || $0.hasPrefix("Ukrainian/") })
    }

    @Test func namesNoListHolds() throws {
        // Invented names: only context and shape can find them.
        let found = Self.pairs(try Self.tag("Police in Vandoria said Marek Oblonsky, a lawyer for Trelgar Holdings, was arrested on Friday."))
        #expect(found.contains("Marek Oblonsky/Person"), "\(found)")
        #expect(found.contains("Trelgar Holdings/Organization"), "\(found)")
    }

    @Test func commonWordIsNotACompany() throws {
        let mentions = try Self.tag("She ate an apple before Apple Inc. reported results.")
        #expect(!mentions.contains { $0.surface.lowercased() == "apple" && $0.range.start == 11 })
        #expect(Self.pairs(mentions).contains("Apple Inc./Organization"))
    }

    @Test func dottedAbbreviationsAndAcronyms() throws {
        let mentions = try Self.tag("The U.S. and the U.K. urged NATO to act.")
        let summary = mentions.map { "\($0.surface)|\($0.type.rawValue)|\($0.range.start)-\($0.range.end)" }
        #expect(summary == ["U.S.|Place|4-8", "U.K.|Place|17-21", "NATO|Organization|28-32"])
    }

    @Test func possessivesKeepExactOffsets() throws {
        let straight = try Self.tag("Putin's spokesman spoke to Erdoğan's aides.")
        #expect(straight.map { "\($0.surface)|\($0.range.start)-\($0.range.end)" } == ["Putin|0-5", "Erdoğan|27-35"])
        let curly = try Self.tag("Putin’s spokesman spoke.")
        #expect(curly.map { "\($0.surface)|\($0.range.start)-\($0.range.end)" } == ["Putin|0-5"])
        #expect(curly.first?.entityID == "Q7747")
    }

    @Test func allCapsHeadline() throws {
        let found = Self.pairs(try Self.tag("RUSSIA AND UKRAINE RESUME TALKS IN ISTANBUL"))
        #expect(found == ["RUSSIA/Place", "UKRAINE/Place", "ISTANBUL/Place"])
    }

    @Test func sourcesExplainEachMention() throws {
        let mentions = try Self.tag("A spokesman for the Kherson City Court said Vladimir Putin was not informed.")
        let putin = try #require(mentions.first { $0.surface == "Vladimir Putin" })
        #expect(putin.source == "gazetteer")
        #expect(putin.entityID == "Q7747")
        let court = try #require(mentions.first { $0.surface == "Kherson City Court" })
        #expect(court.type == .organization)
        #expect(court.source == "model" || court.source.hasPrefix("rule:"))
    }

    @Test func typographicPunctuationTagsLikeASCII() throws {
        // Same scalar offsets: each typographic character replaces one ASCII character.
        let curly = try Self.tag("“We will not negotiate,” Zelenskyy’s aide Andriy Yermak said in Kyiv — hours after Moscow’s envoy left.")
        let straight = try Self.tag("\"We will not negotiate,\" Zelenskyy's aide Andriy Yermak said in Kyiv - hours after Moscow's envoy left.")
        #expect(Self.pairs(curly) == Self.pairs(straight))
        #expect(Self.pairs(curly) == ["Zelenskyy/Person", "Andriy Yermak/Person", "Kyiv/Place", "Moscow/Place"])
    }
}

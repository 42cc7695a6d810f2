import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// The rules that correct the model's spans, one error class of held-out news each. The model's
/// labels are given by hand (what a model that makes the mistake would say), or left empty (a model
/// that missed the name), so each test shows the rule alone.
@Suite struct RecognitionSpanRuleTests {
    static let gazetteer = GazetteerTestData.gazetteer(extra: """

    gz:p:barack-obama\tPerson\tBarack Obama\tObama\tUS\tpolitician\t\tPresident of the United States\ttest
    geonames:1854979\tPlace\tObama\t\tJP\tcity\t30000\t\ttest
    gz:p:donald-trump\tPerson\tDonald Trump\tTrump\tUS\tpolitician\t\tPresident of the United States\ttest
    gz:p:theresa-may\tPerson\tTheresa May\t\tGB\tpolitician\t\t\ttest
    gz:o:airbus\tOrganization\tAirbus\t\tFR\tcompany\t\t\ttest
    gz:o:reuters\tOrganization\tReuters\t\tGB\tmedia\t\t\ttest
    gz:o:kremlin\tOrganization\tKremlin\t\tRU\tgovernment\t\t\ttest
    Q7880\tPlace\tToulouse\t\tFR\tcity\t471941\t\ttest
    Q84\tPlace\tLondon\t\tGB\tcity\t8961989\t\ttest
    Q612\tPlace\tDubai\t\tAE\tcity\t3331420\t\ttest
    Q60\tPlace\tNew York\t\tUS\tcity\t8804190\t\ttest
    Q36312\tPlace\tThe Hague\t\tNL\tcity\t545838\t\ttest
    Q1649\tPlace\tOklahoma\t\tUS\tregion\t3959353\t\ttest
    Q1439\tPlace\tTexas\t\tUS\tregion\t29145505\t\ttest
    Q183\tPlace\tGermany\t\tDE\tcountry\t\t\ttest
    Q142\tPlace\tFrance\t\tFR\tcountry\t\t\ttest
    """)
    static let lexicons = Lexicons(lists: [
        "holidays": ["christmas"], "contest-verbs": ["beat", "lost"], "person-attributes": ["administration", "era"],
        "attributive-suffixes": ["era", "backed"],
    ], demonyms: [:])

    /// Mentions of `text` when the model labels exactly `model` (surface, span class 1 PER, 2 LOC,
    /// 3 ORG, 4 MISC; the `n`-th occurrence of the surface when given) and the rules run.
    static func corrected(_ text: String, model: [(String, Int)] = [], occurrence: [String: Int] = [:]) throws -> [String] {
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        let recognizer = EntityRecognizer(model: PerceptronModel(bits: 8), lexicons: RecognizerLexicons(lexicons))
        var tags = [NERTag](repeating: .outside, count: article.tokens.count)
        let bytes = Array(text.utf8)
        for (surface, spanClass) in model {
            let needle = Array(surface.utf8)
            var seen = 0
            var start = -1
            for i in 0...(bytes.count - needle.count) where Array(bytes[i..<i + needle.count]) == needle {
                if seen == occurrence[surface, default: 0] { start = i; break }
                seen += 1
            }
            try #require(start >= 0, "\(surface) is not in the text")
            let covered = article.tokens.indices.filter { article.tokens[$0].range.start >= start && article.tokens[$0].range.end <= start + needle.count }
            for (n, k) in covered.enumerated() { tags[k] = n == 0 ? .begin(spanClass) : .inside(spanClass) }
        }
        let margins = [Float](repeating: 1, count: tags.count)
        var copy = text
        let mentions = copy.withUTF8 { buffer in
            let features = recognizer.extractor.extract(buffer, tokens: article.tokens, candidates: article.candidates)
            return recognizer.mentions(buffer, tokens: article.tokens, candidates: article.candidates, features: features, tags: tags, margins: margins)
        }
        return mentions.map { "\($0.surface)/\($0.type.rawValue)/\($0.source)" }
    }

    @Test func surnameThatIsAlsoATownIsThePersonInPoliticalContext() throws {
        // A possessive before a word of office.
        #expect(try Self.corrected("Obama's administration pressed Congress on the budget.", model: [("Obama", 2)])
            == ["Obama/Person/rule:person-context"])
        // Named in full earlier in the article.
        #expect(try Self.corrected("Barack Obama spoke on Monday. Later Obama left for Hawaii.", model: [("Barack Obama", 1), ("Obama", 2)], occurrence: ["Obama": 1])
            == ["Barack Obama/Person/gazetteer", "Obama/Person/rule:person-context"])
        // Without such context the town stays a town.
        #expect(try Self.corrected("Fishing boats returned to Obama on Monday.", model: [("Obama", 2)]) == ["Obama/Place/gazetteer"])
    }

    @Test func attributiveNames() throws {
        #expect(try Self.corrected("Critics of the Obama administration said little.") == ["Obama/Person/rule:attributive"])
        #expect(try Self.corrected("Lawmakers kept the Trump-era tariffs.") == ["Trump/Person/rule:attributive"])
        #expect(try Self.corrected("Kremlin-backed groups held the town.") == ["Kremlin/Organization/rule:attributive"])
        // A model span that ran on into the hyphen ends before it.
        #expect(try Self.corrected("Obama-era rules were dropped.", model: [("Obama-era", 1)]) == ["Obama/Person/rule:attributive"])
    }

    @Test func listedOrganisationAfterADatelineIsKept() throws {
        // The model found nothing: the dateline, the country, the agency and the listed company all
        // come back.
        #expect(try Self.corrected("TOULOUSE, France (Reuters) - Airbus delivered 64 aircraft in May.")
            == ["TOULOUSE/Place/rule:dateline", "France/Place/rule:gazetteer-prior", "Reuters/Organization/rule:gazetteer-prior",
                "Airbus/Organization/rule:gazetteer-prior"])
        // The model's MISC span over the company and plain words does not hide it.
        #expect(try Self.corrected("Airbus delivered 64 aircraft in May.", model: [("Airbus delivered 64", 4)])
            == ["Airbus/Organization/rule:gazetteer-prior"])
        // A small town listed under a common-looking name is left to the model.
        #expect(try Self.corrected("Boats returned to Obama on Monday.").isEmpty)
        // A listed name the article also writes in lower case is a common word at a sentence start.
        #expect(try Self.corrected("Reuters said so. Later reuters was the word.").isEmpty)
    }

    @Test func leadingDeterminerIsNotPartOfTheName() throws {
        #expect(try Self.corrected("An Airbus spokesman declined to comment.", model: [("An Airbus", 3)]) == ["Airbus/Organization/rule:determiner"])
        #expect(try Self.corrected("Delegates met in The Hague.", model: [("The Hague", 2)]) == ["The Hague/Place/gazetteer"])
    }

    @Test func modelNumberAfterTheMakerIsNotPartOfTheOrganisation() throws {
        #expect(try Self.corrected("The Airbus A350 landed safely.", model: [("Airbus A350", 3)]) == ["Airbus/Organization/rule:product-model"])
    }

    @Test func agencyInADatelineIsNotJoinedToTheCity() throws {
        #expect(try Self.corrected("LONDON (Reuters) - Shares fell.", model: [("LONDON (Reuters", 3)])
            == ["LONDON/Place/rule:bracket-split", "Reuters/Organization/rule:bracket-split"])
    }

    @Test func allCapsDatelines() throws {
        #expect(try Self.corrected("DUBAI (Reuters) - Oil prices rose.", model: [("Reuters", 3)])
            == ["DUBAI/Place/rule:dateline", "Reuters/Organization/gazetteer"])
        // Mistyped by the model.
        #expect(try Self.corrected("NEW YORK - Stocks fell on Friday.", model: [("NEW YORK", 3)]) == ["NEW YORK/Place/rule:dateline"])
    }

    @Test func holidaysAndMonthsAreNotNames() throws {
        #expect(try Self.corrected("Sales rose before Christmas, the company said on Dec 3.", model: [("Christmas", 3), ("Dec", 1)]).isEmpty)
        // A month that is also the surname of someone named in full stays a person.
        #expect(try Self.corrected("Theresa May resigned. May said she would stay on.", model: [("Theresa May", 1), ("May", 1)], occurrence: ["May": 1])
            == ["Theresa May/Person/gazetteer", "May/Person/model"])
    }

    @Test func teamsNamedByTheirState() throws {
        #expect(try Self.corrected("Oklahoma beat Texas 31-24 on Saturday.", model: [("Oklahoma", 2), ("Texas", 2)])
            == ["Oklahoma/Organization/rule:team", "Texas/Organization/rule:team"])
        #expect(try Self.corrected("Texas lost to Oklahoma on Saturday.", model: [("Texas", 2), ("Oklahoma", 2)])
            == ["Texas/Organization/rule:team", "Oklahoma/Organization/rule:team"])
        // National sides named by their country stay places.
        #expect(try Self.corrected("Germany beat France 2-1.", model: [("Germany", 2), ("France", 2)])
            == ["Germany/Place/gazetteer", "France/Place/gazetteer"])
        // Places in other sentences are not teams.
        #expect(try Self.corrected("Oklahoma said wildfires reached Texas.", model: [("Oklahoma", 2), ("Texas", 2)])
            == ["Oklahoma/Place/gazetteer", "Texas/Place/gazetteer"])
    }
}

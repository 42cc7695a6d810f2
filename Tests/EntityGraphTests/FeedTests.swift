import EntityGraph
import Foundation
import Testing

@Suite struct FeedTests {
    private static let article = TaggedArticle(
        id: "story\t42",
        url: "https://news.example/putin-nato",
        title: "Putin warns NATO over Ukraine\taid",
        description: "Vladimir Putin said on Friday that NATO\nsupplies to Ukraine would prolong the war.",
        entities: [
            TagFixtures.putin, TagFixtures.nato, TagFixtures.ukraine,
            TagFixtures.kyiv, // not in title or abstract
        ],
        topics: [
            .init(id: "medtop:16000000", label: "conflict, war and peace", score: 0.62),
            .init(id: "medtop:11000000", label: "politics", score: 0.81),
        ]
    )

    private func entities(_ column: Substring) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(column.utf8)) as? [[String: Any]])
    }

    @Test func mindRowHasEightColumnsAndTopicCategories() throws {
        let row = MINDNewsRow.row(for: Self.article)
        #expect(!row.contains("\n"))
        let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(columns.count == 8)
        #expect(columns[0] == "story 42")
        #expect(columns[1] == "politics")
        #expect(columns[2] == "conflict, war and peace")
        #expect(columns[3] == "Putin warns NATO over Ukraine aid")
        #expect(columns[4] == "Vladimir Putin said on Friday that NATO supplies to Ukraine would prolong the war.")
        #expect(columns[5] == "https://news.example/putin-nato")
    }

    @Test func mindEntityColumnsUseOffsetsIntoTitleAndAbstract() throws {
        let columns = MINDNewsRow.row(for: Self.article).split(separator: "\t", omittingEmptySubsequences: false)
        let title = try entities(columns[6])
        #expect(title.count == 3)
        for entity in title {
            #expect(Set(entity.keys) == ["Label", "Type", "WikidataId", "Confidence", "OccurrenceOffsets", "SurfaceForms"])
        }
        #expect(title.map { $0["Type"] as? String } == ["P", "O", "G"])
        #expect(title.map { $0["OccurrenceOffsets"] as? [Int] } == [[0], [12], [22]])
        #expect(title[0]["SurfaceForms"] as? [String] == ["Putin"])
        #expect(title[0]["WikidataId"] as? String == "Q7747")
        #expect(title[0]["Confidence"] as? Double == 0.9)
        let abstract = try entities(columns[7])
        // "Vladimir Putin" is the longer form and wins over the "Putin" inside it.
        #expect(abstract.first?["SurfaceForms"] as? [String] == ["Vladimir Putin"])
        #expect(abstract.map { $0["OccurrenceOffsets"] as? [Int] } == [[0], [35], [52]])
        #expect(!abstract.contains { $0["Label"] as? String == "Kyiv" })
    }

    @Test func mindOffsetsAreUnicodeScalarsAndWholeWords() throws {
        let article = TaggedArticle(
            id: "x", title: "Über-Gipfel: Zelensky in Kyiv, not Kyivstar 🇺🇦 Kyiv",
            entities: [TagFixtures.zelensky, TagFixtures.kyiv]
        )
        let columns = MINDNewsRow.row(for: article).split(separator: "\t", omittingEmptySubsequences: false)
        let title = try entities(columns[6])
        #expect(title.map { $0["OccurrenceOffsets"] as? [Int] } == [[13], [25, 47]])
        #expect(columns[4] == "") // no description and no text
        #expect(columns[1] == "" && columns[2] == "")
    }

    @Test func abstractFallsBackToTheFirstSentenceOfTheText() {
        let article = TaggedArticle(id: "y", text: "Mr. Smith met Dr. Jones in Kyiv on Monday. They talked.\n\nMore later.")
        #expect(MINDNewsRow.abstract(of: article) == "Mr. Smith met Dr. Jones in Kyiv on Monday.")
        #expect(MINDNewsRow.firstSentence(of: "A headline without a stop\nBody.") == "A headline without a stop")
    }

    @Test func jsonlTagsPrefixEntitiesByTypeAndWeightBySalienceAndScore() throws {
        let line = RecommenderTags.jsonLine(for: Self.article)
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "story\t42")
        let tags = try #require(object["tags"] as? [[String: Any]])
        #expect(tags.map { $0["tag"] as? String } == [
            "person:Q7747", "organization:Q7184", "place:Q212", "place:Q1899", "medtop:16000000", "medtop:11000000",
        ])
        #expect(tags.map { $0["weight"] as? Double } == [0.9, 0.6, 0.7, 0.4, 0.62, 0.81])
    }

    @Test func csvTriplesHaveAHeaderAndQuoteWhenNeeded() {
        #expect(FeedFormat.csv.header == "item,tag,weight\n")
        let odd = TaggedArticle(id: "a,\"b\"", entities: [TagFixtures.nato])
        #expect(RecommenderTags.csvRows(for: odd) == "\"a,\"\"b\"\"\",organization:Q7184,0.6\n")
        #expect(RecommenderTags.csvRows(for: Self.article).split(separator: "\n").count == 6)
    }
}

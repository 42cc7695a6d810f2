import EntityGraph
import Foundation
import Testing

@Suite struct CooccurrenceGraphTests {
    @Test func countsArticlesMentionsAndSharedArticles() throws {
        let graph = TagFixtures.graph([
            TaggedArticle(id: "a", entities: [TagFixtures.putin, TagFixtures.ukraine, TagFixtures.nato]),
            TaggedArticle(id: "b", entities: [TagFixtures.ukraine, TagFixtures.nato]),
            TaggedArticle(id: "c", entities: [TagFixtures.kyiv]),
        ])
        let snapshot = graph.snapshot()
        #expect(snapshot.articleCount == 3)
        #expect(snapshot.nodes.map(\.id) == ["Q1899", "Q212", "Q7184", "Q7747"])
        let putin = try #require(snapshot.nodes.first { $0.id == "Q7747" })
        #expect(putin.articles == 1)
        #expect(putin.mentions == 2)
        #expect(putin.name == "Vladimir Putin" && putin.type == "Person" && putin.wikidata == "Q7747")
        let ukraine = try #require(snapshot.nodes.first { $0.id == "Q212" })
        #expect(ukraine.articles == 2)
        let pairs = snapshot.edges.map { "\($0.source)-\($0.target):\($0.articles)" }
        #expect(pairs == ["Q212-Q7184:2", "Q212-Q7747:1", "Q7184-Q7747:1"])
    }

    @Test func entityListedTwiceInOneArticleCountsOnce() throws {
        var graph = CooccurrenceGraph()
        graph.add(article: [
            .init(id: "Q212", type: "Place", name: "Ukraine", mentions: 2),
            .init(id: "Q7184", type: "Organization", name: "NATO", mentions: 1),
            .init(id: "Q212", type: "Place", name: "Ukraine", mentions: 3),
            .init(id: "", type: "Place", name: "Nowhere", mentions: 1),
        ])
        let snapshot = graph.snapshot()
        #expect(snapshot.nodes.count == 2)
        let ukraine = try #require(snapshot.nodes.first { $0.id == "Q212" })
        #expect(ukraine.articles == 1)
        #expect(ukraine.mentions == 5)
        #expect(snapshot.edges.count == 1)
        #expect(snapshot.edges.first?.articles == 1)
    }

    @Test(arguments: [
        // (shared, x, y, total, expected) computed by hand from the definition.
        (1, 2, 2, 4, 0.0),                       // independent: log(0.25 / 0.25) = 0
        (2, 2, 2, 4, 1.0),                       // always together: log 2 / log 2
        (1, 3, 2, 4, log(2.0 / 3.0) / log(4.0)), // log(0.25/0.375) / -log(0.25) = -0.29248
        (5, 5, 5, 5, 1.0),                       // p(xy) = 1
        (1, 1, 1, 1, 1.0),                       // one article only
    ])
    func npmiMatchesHandComputedValues(shared: Int, x: Int, y: Int, total: Int, expected: Double) {
        let value = CooccurrenceGraph.npmi(pairArticles: shared, articlesX: x, articlesY: y, total: total)
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func edgeNPMIComesFromArticleCounts() throws {
        // Ukraine in 3 of 4 articles, NATO in 2, both in 1: npmi = log(2/3) / log 4.
        let graph = TagFixtures.graph([
            TaggedArticle(id: "1", entities: [TagFixtures.ukraine, TagFixtures.nato]),
            TaggedArticle(id: "2", entities: [TagFixtures.ukraine]),
            TaggedArticle(id: "3", entities: [TagFixtures.ukraine]),
            TaggedArticle(id: "4", entities: [TagFixtures.nato]),
        ])
        let edge = try #require(graph.snapshot().edges.first)
        #expect(edge.articles == 1)
        #expect(abs(edge.npmi - (-0.2924812503605781)) < 1e-12)
    }

    @Test func filterKeepsFrequentNodesOfChosenTypes() {
        let graph = TagFixtures.graph(TagFixtures.corpus(count: 40))
        let whole = graph.snapshot()
        let threshold = 12
        let pruned = graph.snapshot(GraphFilter(minArticles: threshold))
        #expect(pruned.isPruned || whole.nodes.allSatisfy { $0.articles >= threshold })
        #expect(pruned.nodes.allSatisfy { $0.articles >= threshold })
        #expect(pruned.edges.allSatisfy { $0.articles >= threshold })
        #expect(pruned.nodes.count == whole.nodes.filter { $0.articles >= threshold }.count)

        let people = graph.snapshot(GraphFilter(types: ["Person"]))
        #expect(Set(people.nodes.map(\.id)) == ["Q7747", "Q3881270"])
        #expect(people.edges.map { "\($0.source)-\($0.target)" } == ["Q3881270-Q7747"])
    }

    @Test func topKeepsHighestDegreeWithDeterministicTies() {
        // A star around Ukraine plus an isolated pair: Ukraine has degree 3, its neighbours 1,
        // the pair's members 1; ties go to more edge weight, then more articles, then id order.
        let graph = TagFixtures.graph([
            TaggedArticle(id: "1", entities: [TagFixtures.ukraine, TagFixtures.putin]),
            TaggedArticle(id: "2", entities: [TagFixtures.ukraine, TagFixtures.nato]),
            TaggedArticle(id: "3", entities: [TagFixtures.ukraine, TagFixtures.kyiv]),
            TaggedArticle(id: "4", entities: [TagFixtures.ukraine, TagFixtures.kyiv]),
            TaggedArticle(id: "5", entities: [TagFixtures.zelensky, TagFixtures.un]),
        ])
        let top = graph.snapshot(GraphFilter(top: 3))
        // Ukraine (degree 3), Kyiv (degree 1, weight 2), then the id-first of the weight-1 nodes
        // with most articles (all 1): "Q1065" sorts before the others.
        #expect(top.nodes.map(\.id) == ["Q1065", "Q1899", "Q212"])
        #expect(top.edges.map { "\($0.source)-\($0.target)" } == ["Q1899-Q212"])
    }
}

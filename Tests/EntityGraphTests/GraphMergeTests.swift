import EntityGraph
import Foundation
import Testing
import GazetteCore

@Suite struct GraphMergeTests {
    private func json(_ graph: CooccurrenceGraph) -> String {
        PartialGraphFormat.encode(graph.snapshot())
    }

    @Test func halvesInEitherOrderEqualTheWhole() {
        let articles = TagFixtures.corpus(count: 60)
        let whole = json(TagFixtures.graph(articles))
        let first = TagFixtures.graph(articles[..<25])
        let second = TagFixtures.graph(articles[25...])
        #expect(json(first.merged(with: second)) == whole)
        #expect(json(second.merged(with: first)) == whole)
    }

    @Test func anyGroupingOfThreeShardsEqualsTheWhole() {
        let articles = TagFixtures.corpus(count: 45)
        let whole = json(TagFixtures.graph(articles))
        let a = TagFixtures.graph(articles[..<10])
        let b = TagFixtures.graph(articles[10..<31])
        let c = TagFixtures.graph(articles[31...])
        #expect(json(a.merged(with: b).merged(with: c)) == whole)
        #expect(json(a.merged(with: b.merged(with: c))) == whole)
        #expect(json(c.merged(with: a).merged(with: b)) == whole)
        #expect(json(CooccurrenceGraph().merged(with: b).merged(with: CooccurrenceGraph()).merged(with: c).merged(with: a)) == whole)
    }

    @Test func partialJSONRoundTripsAndMergesExactly() throws {
        let articles = TagFixtures.corpus(count: 30)
        let whole = json(TagFixtures.graph(articles))
        let left = PartialGraphFormat.encode(TagFixtures.graph(articles[..<13]).snapshot())
        let right = PartialGraphFormat.encode(TagFixtures.graph(articles[13...]).snapshot())
        let decodedLeft = try PartialGraphFormat.decode(Array(left.utf8), name: "left.json")
        let decodedRight = try PartialGraphFormat.decode(Array(right.utf8), name: "right.json")
        #expect(json(decodedLeft) == left)
        #expect(json(decodedRight.merged(with: decodedLeft)) == whole)
        #expect(json(decodedLeft.merged(with: decodedRight)) == whole)
    }

    @Test func disagreeingNamesResolveToTheMostFrequentThenByteOrder() throws {
        func article(_ id: String, name: String) -> TaggedArticle {
            TaggedArticle(id: id, entities: [TagFixtures.person("Q7747", name)])
        }
        // Shard one says "Putin" twice; shard two says "Vladimir Putin" three times.
        let one = TagFixtures.graph([article("1", name: "Putin"), article("2", name: "Putin")])
        let two = TagFixtures.graph([article("3", name: "Vladimir Putin"), article("4", name: "Vladimir Putin"), article("5", name: "Vladimir Putin")])
        #expect(one.merged(with: two).snapshot().nodes.first?.name == "Vladimir Putin")
        #expect(two.merged(with: one).snapshot().nodes.first?.name == "Vladimir Putin")
        // A tie goes to the name whose UTF-8 bytes sort first, whatever the merge order.
        let three = TagFixtures.graph([article("6", name: "Putin")])
        let tied = one.merged(with: three)
        #expect(two.merged(with: tied).snapshot().nodes.first?.name == "Putin")
        #expect(tied.merged(with: two).snapshot().nodes.first?.name == "Putin")
    }

    @Test func malformedPartialIsATypedError() {
        #expect(throws: GazetteError.self) {
            _ = try PartialGraphFormat.decode(Array("{\"articles\": 3}".utf8), name: "broken.json")
        }
        let danglingEdge = """
        {"format":"gazette-cooccurrence-graph","version":1,"articles":1,"nodes":[{"id":"Q1","articles":1,"mentions":1}],"edges":[{"source":"Q1","target":"Q2","articles":1}]}
        """
        #expect(throws: GazetteError.self) {
            _ = try PartialGraphFormat.decode(Array(danglingEdge.utf8), name: "dangling.json")
        }
    }

    @Test func prunedPartialIsMarkedAndStaysMarkedAfterMerge() throws {
        let articles = TagFixtures.corpus(count: 20)
        let graph = TagFixtures.graph(articles)
        let pruned = graph.snapshot(GraphFilter(minArticles: 100))
        #expect(pruned.isPruned)
        let decoded = try PartialGraphFormat.decode(Array(PartialGraphFormat.encode(pruned).utf8), name: "pruned.json")
        #expect(decoded.includesPrunedInput)
        #expect(graph.merged(with: decoded).snapshot().isPruned)
        #expect(!graph.snapshot().isPruned)
    }
}

/// The partial-graph reader streams nodes into the graph whatever the key order.
@Suite struct PartialGraphReadingTests {
    @Test func keyOrderDoesNotChangeTheGraph() throws {
        let snapshot = TagFixtures.graph(TagFixtures.corpus(count: 25)).snapshot()
        let written = PartialGraphFormat.encode(snapshot)
        let streamed = try PartialGraphFormat.decode(Array(written.utf8), name: "a.json")
        #expect(PartialGraphFormat.encode(streamed.snapshot()) == written)

        // Same content, edges first and extra whitespace: the edges wait for their nodes.
        let nodesStart = try #require(written.range(of: "\"nodes\":"))
        let edgesStart = try #require(written.range(of: ",\"edges\":"))
        let nodes = String(written[nodesStart.lowerBound..<edgesStart.lowerBound])
        let edges = String(written[edgesStart.upperBound...].dropLast(2)) // drop "}\n"
        let reordered = "{ \"edges\": \(edges), \(nodes), \"articles\": \(snapshot.articleCount), \"format\": \"\(PartialGraphFormat.formatName)\" }"
        let decoded = try PartialGraphFormat.decode(Array(reordered.utf8), name: "b.json")
        #expect(PartialGraphFormat.encode(decoded.snapshot()) == written)
    }

    @Test func duplicateNodeAndWrongFormatAreErrors() {
        let duplicate = """
        {"format":"gazette-cooccurrence-graph","version":1,"articles":1,"pruned":false,"nodes":[
        {"id":"Q1","articles":1,"mentions":1},
        {"id":"Q1","articles":1,"mentions":1}],"edges":[]}
        """
        #expect(throws: GazetteError.self) { _ = try PartialGraphFormat.decode(Array(duplicate.utf8), name: "dup.json") }
        let otherFormat = #"{"format":"something-else","articles":1,"nodes":[],"edges":[]}"#
        #expect(throws: GazetteError.self) { _ = try PartialGraphFormat.decode(Array(otherFormat.utf8), name: "other.json") }
        let future = #"{"format":"gazette-cooccurrence-graph","version":99,"articles":1,"nodes":[],"edges":[]}"#
        #expect(throws: GazetteError.self) { _ = try PartialGraphFormat.decode(Array(future.utf8), name: "future.json") }
    }
}

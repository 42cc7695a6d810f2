import Foundation
import GazetteCore
import Testing
@testable import EntityGraph

@Suite struct SVGRendererTests {
    @Test func pictureKeepsEachNodesStrongestEdges() {
        // Ukraine co-occurs with everyone; with one edge per node only the strongest survive.
        let graph = TagFixtures.graph([
            TaggedArticle(id: "1", entities: [TagFixtures.ukraine, TagFixtures.kyiv, TagFixtures.putin]),
            TaggedArticle(id: "2", entities: [TagFixtures.ukraine, TagFixtures.kyiv]),
            TaggedArticle(id: "3", entities: [TagFixtures.ukraine, TagFixtures.kyiv, TagFixtures.nato]),
            TaggedArticle(id: "4", entities: [TagFixtures.putin, TagFixtures.nato]),
            TaggedArticle(id: "5", entities: [TagFixtures.putin, TagFixtures.nato]),
        ]).snapshot()
        let thinned = SVGRenderer.strongestEdges(of: graph, perNode: 1)
        // Kyiv–Ukraine (3 articles) is the strongest edge of both; Putin–NATO (2) of both.
        #expect(thinned.edges.map { "\($0.source)-\($0.target):\($0.articles)" } == ["Q1899-Q212:3", "Q7184-Q7747:2"])
        #expect(thinned.nodes == graph.nodes)
        #expect(thinned.isPruned)
    }

    @Test func rendersWithGraphvizOrNamesThePackage() throws {
        let graph = TagFixtures.graph(TagFixtures.corpus(count: 12)).snapshot()
        if SVGRenderer.findExecutable("dot") != nil {
            let svg = try SVGRenderer.render(graph)
            #expect(svg.contains("<svg"))
            #expect(svg.contains("Vladimir Putin"))
        } else {
            do {
                _ = try SVGRenderer.render(graph)
                Issue.record("rendering without Graphviz should fail")
            } catch {
                #expect(error.message.contains("apt-get install graphviz"))
            }
        }
    }
}

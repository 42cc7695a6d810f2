import EntityGraph
import Foundation
import Testing

@Suite struct GraphExporterTests {
    /// Three articles with names that need escaping in every format.
    private static let graph = TagFixtures.graph([
        TaggedArticle(id: "1", entities: [
            TagFixtures.organization("gz:o:att", "AT&T <Labs> \"Bell\", 'Murray Hill'"),
            TagFixtures.place("Q212", "Ukraine"),
            TagFixtures.person("Q7747", "Vladimir Putin"),
        ]),
        TaggedArticle(id: "2", entities: [TagFixtures.place("Q212", "Ukraine"), TagFixtures.person("Q7747", "Vladimir Putin")]),
        TaggedArticle(id: "3", entities: [TagFixtures.place("Q212", "Ukraine"), TagFixtures.organization("gz:o:bad", "Control\u{1}Char\nCo")]),
    ]).snapshot()

    @Test func graphMLParsesBackWithNodesEdgesAndWeights() throws {
        let outline = XMLOutline.parse(GraphMLExporter.export(Self.graph))
        #expect(outline.failure == nil)
        let nodes = outline.named("node")
        #expect(nodes.map { $0.attributes["id"] } == ["Q212", "Q7747", "gz:o:att", "gz:o:bad"])
        #expect(outline.named("graph").first?.attributes["edgedefault"] == "undirected")
        let edges = outline.named("edge")
        #expect(edges.count == 4)
        // Each edge's data follows it: find the weight of Ukraine–Putin.
        let index = try #require(outline.elements.firstIndex { $0.name == "edge" && $0.attributes["source"] == "Q212" && $0.attributes["target"] == "Q7747" })
        let weight = outline.elements[(index + 1)...].first { $0.name == "data" && $0.attributes["key"] == "weight" }
        #expect(weight?.text == "2")
        let labels = outline.named("data").filter { $0.attributes["key"] == "label" }.map(\.text)
        #expect(labels.contains("AT&T <Labs> \"Bell\", 'Murray Hill'"))
        #expect(labels.contains("Control\u{FFFD}Char\nCo"))
        let keys = outline.named("key").map { "\($0.attributes["for"] ?? ""):\($0.attributes["attr.name"] ?? ""):\($0.attributes["attr.type"] ?? "")" }
        #expect(keys.contains("edge:weight:double") && keys.contains("node:articles:int") && keys.contains("edge:npmi:double"))
    }

    @Test func gexfParsesBackWithLabelsAndEdgeWeights() {
        let outline = XMLOutline.parse(GEXFExporter.export(Self.graph))
        #expect(outline.failure == nil)
        #expect(outline.named("gexf").first?.attributes["version"] == "1.3")
        #expect(outline.named("gexf").first?.attributes["xmlns"] == "http://gexf.net/1.3")
        let nodes = outline.named("node")
        #expect(nodes.count == 4)
        #expect(nodes.contains { $0.attributes["label"] == "AT&T <Labs> \"Bell\", 'Murray Hill'" })
        let weights = outline.named("edge").map { "\($0.attributes["source"] ?? "")-\($0.attributes["target"] ?? ""):\($0.attributes["weight"] ?? "")" }
        #expect(weights == ["Q212-Q7747:2", "Q212-gz:o:att:1", "Q212-gz:o:bad:1", "Q7747-gz:o:att:1"])
    }

    @Test func cytoscapeJSONHasElementsNodesAndEdges() throws {
        let text = CytoscapeExporter.export(Self.graph)
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let elements = try #require(object["elements"] as? [String: Any])
        let nodes = try #require(elements["nodes"] as? [[String: [String: Any]]])
        let edges = try #require(elements["edges"] as? [[String: [String: Any]]])
        #expect(nodes.count == 4 && edges.count == 4)
        let labels = nodes.compactMap { $0["data"]?["label"] as? String }
        #expect(labels.contains("Vladimir Putin"))
        let first = try #require(edges.first?["data"])
        #expect(first["source"] as? String == "Q212" && first["target"] as? String == "Q7747")
        #expect(first["articles"] as? Int == 2 && first["weight"] as? Int == 2)
        #expect(Set(edges.compactMap { $0["data"]?["id"] as? String }).count == 4)
    }

    @Test func neo4jCSVHasImportHeadersAndQuotedFields() throws {
        let files = Neo4jExporter.export(Self.graph)
        #expect(files.map(\.name) == ["nodes.csv", "relationships.csv"])
        let nodeLines = files[0].contents.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(nodeLines.first == "entityId:ID,name,type,wikidata,articles:int,mentions:int,:LABEL")
        #expect(nodeLines.count == 1 + 4 + 1) // header, four nodes, final empty line
        #expect(nodeLines.contains("gz:o:att,\"AT&T <Labs> \"\"Bell\"\", 'Murray Hill'\",Organization,,1,1,Entity;Organization"))
        #expect(nodeLines.contains("gz:o:bad,Control\u{1}Char Co,Organization,,1,1,Entity;Organization"))
        #expect(nodeLines.contains("Q7747,Vladimir Putin,Person,Q7747,2,2,Entity;Person"))
        let relationshipLines = files[1].contents.split(separator: "\n")
        #expect(relationshipLines.first == ":START_ID,:END_ID,articles:int,npmi:float,:TYPE")
        #expect(relationshipLines.count == 5)
        #expect(relationshipLines.dropFirst().allSatisfy { $0.hasSuffix(",CO_OCCURS_WITH") && $0.split(separator: ",").count == 5 })
    }

    @Test func dotIsAnUndirectedGraphWithEscapedLabels() {
        let text = DOTExporter.export(Self.graph)
        #expect(text.hasPrefix("graph cooccurrence {\n") && text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.contains(" -- ") }.count == 4)
        #expect(!text.contains("->"))
        #expect(text.contains("label=\"AT&T <Labs> \\\"Bell\\\", 'Murray Hill'\""))
        #expect(text.contains("\"Q212\" -- \"Q7747\" [weight=2, articles=2"))
        // Every quote outside an escape pairs up on each line.
        for line in lines {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes in \(line)")
        }
    }

    @Test func everyFormatIsTheSameBytesWhateverTheArticleOrder() throws {
        let articles = TagFixtures.corpus(count: 50)
        let forward = TagFixtures.graph(articles).snapshot()
        let backward = TagFixtures.graph(articles.reversed()).snapshot()
        #expect(forward == backward)
        for format in GraphFormat.allCases where format != .svg {
            let a = try format.render(forward).map(\.contents)
            let b = try format.render(backward).map(\.contents)
            #expect(a == b, "format \(format) differs")
        }
    }
}

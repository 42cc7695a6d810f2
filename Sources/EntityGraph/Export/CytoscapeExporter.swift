import GazetteCore

/// Writes a graph as Cytoscape.js JSON: `{"elements": {"nodes": [{"data": {…}}], "edges": [{"data": {…}}]}}`.
///
/// Node data: `id`, `label`, `type`, `wikidata` (when known), `articles`, `mentions`; edge data:
/// `id` (`e0`, `e1`, …), `source`, `target`, `articles`, `weight`, `npmi`.
public enum CytoscapeExporter {
    /// The JSON document, one element per line.
    public static func export(_ graph: GraphSnapshot) -> String {
        var out = "{\"elements\":{\"nodes\":["
        for (position, node) in graph.nodes.enumerated() {
            var json = JSONWriter()
            json.beginObject()
            json.key("data"); json.beginObject()
            json.key("id"); json.string(node.id)
            json.key("label"); json.string(node.name)
            json.key("type"); json.string(node.type)
            if let wikidata = node.wikidata { json.key("wikidata"); json.string(wikidata) }
            json.key("articles"); json.int(node.articles)
            json.key("mentions"); json.int(node.mentions)
            json.endObject()
            json.endObject()
            out += (position == 0 ? "\n" : ",\n") + json.output
        }
        out += "],\"edges\":["
        for (index, edge) in graph.edges.enumerated() {
            var json = JSONWriter()
            json.beginObject()
            json.key("data"); json.beginObject()
            json.key("id"); json.string("e\(index)")
            json.key("source"); json.string(edge.source)
            json.key("target"); json.string(edge.target)
            json.key("articles"); json.int(edge.articles)
            json.key("weight"); json.int(edge.articles)
            json.key("npmi"); json.number(edge.npmi, digits: 6)
            json.endObject()
            json.endObject()
            out += (index == 0 ? "\n" : ",\n") + json.output
        }
        out += "]}}\n"
        return out
    }
}

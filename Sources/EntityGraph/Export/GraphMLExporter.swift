import GazetteCore

/// Writes a graph as GraphML (`http://graphml.graphdrawing.org/xmlns`), which networkx
/// (`read_graphml`), Gephi, Cytoscape and yEd read.
///
/// Node data: `label` and `name` (display name), `type`, `wikidata` (when known), `articles`,
/// `mentions`; edge data: `weight` (= `articles`, for tools that look for a weight), `articles`,
/// `npmi`.
public enum GraphMLExporter {
    /// The GraphML document.
    public static func export(_ graph: GraphSnapshot) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="wikidata" for="node" attr.name="wikidata" attr.type="string"/>
          <key id="n_articles" for="node" attr.name="articles" attr.type="int"/>
          <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="e_articles" for="edge" attr.name="articles" attr.type="int"/>
          <key id="npmi" for="edge" attr.name="npmi" attr.type="double"/>
          <graph id="cooccurrence" edgedefault="undirected">

        """
        out.reserveCapacity(out.utf8.count + 300 * graph.nodes.count + 220 * graph.edges.count)
        for node in graph.nodes {
            let name = MarkupEscaping.xml(node.name)
            out += "    <node id=\"\(MarkupEscaping.xml(node.id))\">\n"
            out += "      <data key=\"label\">\(name)</data>\n"
            out += "      <data key=\"name\">\(name)</data>\n"
            out += "      <data key=\"type\">\(MarkupEscaping.xml(node.type))</data>\n"
            if let wikidata = node.wikidata {
                out += "      <data key=\"wikidata\">\(MarkupEscaping.xml(wikidata))</data>\n"
            }
            out += "      <data key=\"n_articles\">\(node.articles)</data>\n"
            out += "      <data key=\"mentions\">\(node.mentions)</data>\n"
            out += "    </node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"\(MarkupEscaping.xml(edge.source))\" target=\"\(MarkupEscaping.xml(edge.target))\">\n"
            out += "      <data key=\"weight\">\(edge.articles)</data>\n"
            out += "      <data key=\"e_articles\">\(edge.articles)</data>\n"
            out += "      <data key=\"npmi\">\(JSONWriter.format(edge.npmi, digits: 6))</data>\n"
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

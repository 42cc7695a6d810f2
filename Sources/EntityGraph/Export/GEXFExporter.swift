import GazetteCore

/// Writes a graph as GEXF 1.3 (`http://gexf.net/1.3`), which Gephi and networkx (`read_gexf`)
/// read: node `label` is the display name, edge `weight` the shared-article count; attributes
/// `type`, `wikidata`, `articles`, `mentions` on nodes and `articles`, `npmi` on edges.
public enum GEXFExporter {
    /// The GEXF document (no timestamp, so the same graph gives the same bytes).
    public static func export(_ graph: GraphSnapshot) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
          <meta>
            <creator>gazette</creator>
            <description>Entity co-occurrence graph of \(graph.articleCount) articles</description>
          </meta>
          <graph defaultedgetype="undirected" mode="static">
            <attributes class="node" mode="static">
              <attribute id="type" title="type" type="string"/>
              <attribute id="wikidata" title="wikidata" type="string"/>
              <attribute id="articles" title="articles" type="integer"/>
              <attribute id="mentions" title="mentions" type="integer"/>
            </attributes>
            <attributes class="edge" mode="static">
              <attribute id="articles" title="articles" type="integer"/>
              <attribute id="npmi" title="npmi" type="double"/>
            </attributes>
            <nodes>

        """
        out.reserveCapacity(out.utf8.count + 360 * graph.nodes.count + 240 * graph.edges.count)
        for node in graph.nodes {
            out += "      <node id=\"\(MarkupEscaping.xml(node.id))\" label=\"\(MarkupEscaping.xml(node.name))\">\n"
            out += "        <attvalues>\n"
            out += "          <attvalue for=\"type\" value=\"\(MarkupEscaping.xml(node.type))\"/>\n"
            if let wikidata = node.wikidata {
                out += "          <attvalue for=\"wikidata\" value=\"\(MarkupEscaping.xml(wikidata))\"/>\n"
            }
            out += "          <attvalue for=\"articles\" value=\"\(node.articles)\"/>\n"
            out += "          <attvalue for=\"mentions\" value=\"\(node.mentions)\"/>\n"
            out += "        </attvalues>\n"
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, edge) in graph.edges.enumerated() {
            out += "      <edge id=\"\(index)\" source=\"\(MarkupEscaping.xml(edge.source))\" target=\"\(MarkupEscaping.xml(edge.target))\" weight=\"\(edge.articles)\">\n"
            out += "        <attvalues>\n"
            out += "          <attvalue for=\"articles\" value=\"\(edge.articles)\"/>\n"
            out += "          <attvalue for=\"npmi\" value=\"\(JSONWriter.format(edge.npmi, digits: 6))\"/>\n"
            out += "        </attvalues>\n"
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}

import GazetteCore

/// Writes a graph in Graphviz DOT: an undirected `graph` whose nodes carry `label`, `type`,
/// `wikidata`, `articles`, `mentions` and whose edges carry `weight`, `articles`, `npmi`.
///
/// The `.picture` style adds layout and drawing attributes (sfdp layout, colour by type, size by
/// articles, pen width by shared articles) for ``SVGRenderer``.
public enum DOTExporter {
    /// What the DOT file is for.
    public enum Style: Sendable {
        /// Data attributes only.
        case data
        /// Data plus layout and drawing attributes for a readable picture.
        case picture
    }

    /// The DOT document.
    public static func export(_ graph: GraphSnapshot, style: Style = .data) -> String {
        var out = "graph cooccurrence {\n"
        let maxArticles = max(1, graph.nodes.map(\.articles).max() ?? 1)
        let maxEdge = max(1, graph.edges.map(\.articles).max() ?? 1)
        if style == .picture {
            out += "  graph [layout=sfdp, overlap=prism, overlap_scaling=2, sep=\"+6\", splines=true, outputorder=edgesfirst, "
            out += "bgcolor=\"white\", fontname=\"Helvetica\", label=\(MarkupEscaping.dot("Entities appearing together in \(graph.articleCount) articles\nnode: orange person, blue place, green organisation; size: articles; edge width: shared articles")), labelloc=t, fontsize=18];\n"
            out += "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", color=\"#444444\", penwidth=0.6];\n"
            out += "  edge [color=\"#8899aa80\"];\n"
        }
        for node in graph.nodes {
            var attributes = [
                "label=\(MarkupEscaping.dot(node.name))",
                "type=\(MarkupEscaping.dot(node.type))",
            ]
            if let wikidata = node.wikidata { attributes.append("wikidata=\(MarkupEscaping.dot(wikidata))") }
            attributes.append("articles=\(node.articles)")
            attributes.append("mentions=\(node.mentions)")
            if style == .picture {
                let scale = (Double(node.articles) / Double(maxArticles)).squareRoot()
                attributes.append("fillcolor=\"\(fillColor(node.type))\"")
                attributes.append("fontsize=\(JSONWriter.format(10 + 14 * scale, digits: 1))")
            }
            out += "  \(MarkupEscaping.dot(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in graph.edges {
            var attributes = [
                "weight=\(edge.articles)",
                "articles=\(edge.articles)",
                "npmi=\(JSONWriter.format(edge.npmi, digits: 6))",
            ]
            if style == .picture {
                let scale = Double(edge.articles) / Double(maxEdge)
                attributes.append("penwidth=\(JSONWriter.format(0.5 + 5.5 * scale, digits: 2))")
            }
            out += "  \(MarkupEscaping.dot(edge.source)) -- \(MarkupEscaping.dot(edge.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    static func fillColor(_ type: String) -> String {
        switch type {
        case "Person": "#f4b183"
        case "Place": "#9dc3e6"
        case "Organization": "#a9d18e"
        default: "#d9d9d9"
        }
    }
}

public import GazetteCore
/// The output formats of `gazette graph`.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// GraphML (networkx, Gephi, yEd, Cytoscape).
    case graphml
    /// GEXF 1.3 (Gephi, networkx).
    case gexf
    /// The partial-graph JSON that `gazette graph merge` reads.
    case json
    /// Cytoscape.js JSON elements.
    case cytoscape
    /// `neo4j-admin database import` CSV files, written into a folder.
    case neo4j
    /// Graphviz DOT with drawing attributes (sfdp layout, colour by type): `dot -Tpng graph.dot`.
    case dot
    /// An SVG picture drawn by Graphviz.
    case svg
    /// GeoJSON: the entities with coordinates (places) as points with their counts, for maps
    /// (QGIS, geopandas, Leaflet, `ogrinfo`).
    case geojson

    /// The format names, comma-separated, for usage messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Whether the format is a folder of files rather than one file.
    public var writesFolder: Bool { self == .neo4j }

    /// The text of a one-file format (everything but `neo4j`), or the files of `neo4j`.
    public func render(_ graph: GraphSnapshot) throws(GazetteError) -> [(name: String, contents: String)] {
        switch self {
        case .graphml: [("graph.graphml", GraphMLExporter.export(graph))]
        case .gexf: [("graph.gexf", GEXFExporter.export(graph))]
        case .json: [("graph.json", PartialGraphFormat.encode(graph))]
        case .cytoscape: [("graph.cyjs", CytoscapeExporter.export(graph))]
        case .neo4j: Neo4jExporter.export(graph)
        case .dot: [("graph.dot", DOTExporter.export(graph, style: .picture))]
        case .svg: [("graph.svg", try SVGRenderer.render(graph))]
        case .geojson: [("graph.geojson", GeoJSONExporter.export(graph))]
        }
    }
}

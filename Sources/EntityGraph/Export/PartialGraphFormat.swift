public import Foundation
public import GazetteCore

/// The `json` graph format, which is also the partial-graph format `gazette graph merge` reads:
/// everything an exact merge needs (article total, per-node article and mention counts, the
/// per-article counts of each name, type and Wikidata id, per-edge shared-article counts) plus the
/// resolved labels and NPMI for readers that just want the graph.
///
/// One node or edge per line, sorted, so equal graphs give equal bytes and diffs stay readable.
public enum PartialGraphFormat {
    /// The value of the `format` key.
    public static let formatName = "gazette-cooccurrence-graph"
    /// The version written.
    public static let version = 1

    /// Encodes a snapshot.
    public static func encode(_ graph: GraphSnapshot) -> String {
        var out = ""
        out.reserveCapacity(128 * (graph.nodes.count + graph.edges.count) + 256)
        out += "{\"format\":\"\(formatName)\",\"version\":\(version),\"articles\":\(graph.articleCount),"
        out += "\"pruned\":\(graph.isPruned),\"nodes\":["
        for (position, node) in graph.nodes.enumerated() {
            var json = JSONWriter()
            json.beginObject()
            json.key("id"); json.string(node.id)
            json.key("type"); json.string(node.type)
            json.key("name"); json.string(node.name)
            json.key("wikidata"); json.string(node.wikidata)
            json.key("articles"); json.int(node.articles)
            json.key("mentions"); json.int(node.mentions)
            writeCounts("types", node.typeCounts, to: &json)
            writeCounts("names", node.nameCounts, to: &json)
            writeCounts("wikidata_ids", node.wikidataCounts, to: &json)
            json.endObject()
            out += position == 0 ? "\n" : ",\n"
            out += json.output
        }
        out += "],\"edges\":["
        for (position, edge) in graph.edges.enumerated() {
            var json = JSONWriter()
            json.beginObject()
            json.key("source"); json.string(edge.source)
            json.key("target"); json.string(edge.target)
            json.key("articles"); json.int(edge.articles)
            json.key("npmi"); json.number(edge.npmi, digits: 6)
            json.endObject()
            out += position == 0 ? "\n" : ",\n"
            out += json.output
        }
        out += "]}\n"
        return out
    }

    private static func writeCounts(_ key: String, _ counts: VariantCounts, to json: inout JSONWriter) {
        json.key(key)
        json.beginObject()
        for entry in counts.sorted {
            json.key(entry.value); json.int(entry.count)
        }
        json.endObject()
    }

    private struct Document: Decodable {
        struct Node: Decodable {
            var id: String
            var articles: Int
            var mentions: Int
            var types: [String: Int]?
            var names: [String: Int]?
            var wikidata_ids: [String: Int]?
        }
        struct Edge: Decodable {
            var source: String
            var target: String
            var articles: Int
        }
        var format: String?
        var version: Int?
        var articles: Int
        var pruned: Bool?
        var nodes: [Node]
        var edges: [Edge]
    }

    /// Decodes a partial graph written by ``encode(_:)``; `name` is used in error messages.
    public static func decode(_ data: Data, name: String) throws(GazetteError) -> CooccurrenceGraph {
        let scanned: Result<CooccurrenceGraph, JSONByteScanner.Rejection> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(JSONByteScanner.Rejection) {
                return .success(try JSONByteScanner.scanPartialGraph(bytes))
            } catch {
                return .failure(error)
            }
        }
        switch scanned {
        case .success(let graph):
            return graph
        case .failure(let rejection):
            if let content = rejection.content {
                throw GazetteError(content.code, "'\(name)': \(content.message)")
            }
        }
        return try decodeWithJSONDecoder(data, name: name)
    }

    private static func decodeWithJSONDecoder(_ data: Data, name: String) throws(GazetteError) -> CooccurrenceGraph {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw GazetteError(
                .invalidRecord, "'\(name)' is not a partial graph (write one with `gazette graph --format json`)",
                cause: String(describing: error)
            )
        }
        if let format = document.format, format != formatName {
            throw GazetteError(.invalidRecord, "'\(name)' has format '\(format)', expected '\(formatName)'")
        }
        if let version = document.version, version > Self.version {
            throw GazetteError(.unsupported, "'\(name)' is partial graph version \(version); this build reads up to \(Self.version)")
        }
        func counts(_ dictionary: [String: Int]?) -> VariantCounts {
            var counts = VariantCounts()
            for (value, count) in (dictionary ?? [:]).sorted(by: { $0.key.utf8Precedes($1.key) }) {
                counts.add(value, count: count)
            }
            return counts
        }
        let nodes = document.nodes.map { node in
            GraphSnapshot.Node(
                id: node.id, type: "", name: "", wikidata: nil, articles: node.articles, mentions: node.mentions,
                typeCounts: counts(node.types), nameCounts: counts(node.names), wikidataCounts: counts(node.wikidata_ids)
            )
        }
        let edges = document.edges.map {
            GraphSnapshot.Edge(source: $0.source, target: $0.target, articles: $0.articles, npmi: 0)
        }
        let snapshot = GraphSnapshot(
            articleCount: document.articles, nodes: nodes, edges: edges, isPruned: document.pruned ?? false
        )
        do {
            return try CooccurrenceGraph(snapshot: snapshot)
        } catch {
            throw GazetteError(error.code, "\(name): \(error.message)")
        }
    }
}

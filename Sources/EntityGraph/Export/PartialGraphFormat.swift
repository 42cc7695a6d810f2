public import GazetteCore
import GazetteIO

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

    /// Reads a partial graph file (plain or gzip; `-` is standard input) and decodes it.
    public static func read(path: String) throws(GazetteError) -> CooccurrenceGraph {
        var bytes: [UInt8] = []
        do {
            let source = try InputFile.open(path)
            while try source.read(into: &bytes, maxCount: 1 << 20) > 0 {}
        } catch {
            throw GazetteError(error.code, "cannot read partial graph '\(path)'", cause: error.cause ?? error.message)
        }
        return try decode(bytes, name: path)
    }

    /// Decodes a partial graph written by ``encode(_:)`` (any key order; edges may come before the
    /// nodes); `name` is used in error messages.
    public static func decode(_ bytes: [UInt8], name: String) throws(GazetteError) -> CooccurrenceGraph {
        var state = DecodeState()
        do {
            try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                var reader = JSONReader(bytes: buffer, strings: .strict)
                reader.skipSpace()
                try state.document(&reader)
                reader.skipSpace()
                guard reader.isAtEnd else { throw reader.failure("unexpected text after the document") }
            }
        } catch {
            if let content = state.content { throw GazetteError(content.code, "'\(name)': \(content.message)") }
            throw GazetteError(
                .invalidRecord, "'\(name)' is not a partial graph (write one with `gazette graph --format json`)",
                cause: "\(error.reason) at byte \(error.offset + 1)")
        }
        do {
            return try state.finish()
        } catch {
            throw GazetteError(error.code, "'\(name)': \(error.message)")
        }
    }

    /// What a partial-graph document has said so far; nodes go straight into the graph, so merging
    /// large partials needs little more memory than the graph.
    private struct DecodeState {
        var graph = CooccurrenceGraph()
        var format: String?
        var version: Int?
        var articles: Int?
        var pruned = false
        var sawNodes = false, sawEdges = false
        /// Edges read before the nodes, added once the nodes are in.
        var pendingEdges: [(source: String, target: String, articles: Int)] = []
        /// A document that reads as JSON but says something wrong (a node twice, a dangling edge).
        var content: GazetteError?

        mutating func document(_ reader: inout JSONReader) throws(JSONSyntaxError) {
            try reader.object { reader, key throws(JSONSyntaxError) in
                switch key {
                case "format": format = try reader.optionalString()
                case "version": version = try reader.optionalInt()
                case "articles": articles = try reader.optionalInt()
                case "pruned": pruned = try reader.optionalBool() ?? false
                case "nodes":
                    sawNodes = true
                    try reader.array { reader throws(JSONSyntaxError) in try node(&reader) }
                    try addPendingEdges(reader)
                case "edges":
                    sawEdges = true
                    try reader.array { reader throws(JSONSyntaxError) in try edge(&reader) }
                default: try reader.skipValue()
                }
            }
            guard articles != nil, sawNodes, sawEdges else {
                throw reader.failure("the document lacks \(articles == nil ? "\"articles\"" : sawNodes ? "\"edges\"" : "\"nodes\"")")
            }
        }

        func finish() throws(GazetteError) -> CooccurrenceGraph {
            if let format, format != PartialGraphFormat.formatName {
                throw GazetteError(.invalidRecord, "the document has format '\(format)', expected '\(PartialGraphFormat.formatName)'")
            }
            if let version, version > PartialGraphFormat.version {
                throw GazetteError(.unsupported, "the document is partial graph version \(version); this build reads up to \(PartialGraphFormat.version)")
            }
            var graph = graph
            graph.restorePartialHeader(articleCount: articles ?? 0, pruned: pruned)
            return graph
        }

        private mutating func node(_ reader: inout JSONReader) throws(JSONSyntaxError) {
            var id: String?
            var articles: Int?, mentions: Int?
            var types = VariantCounts(), names = VariantCounts(), wikidata = VariantCounts()
            try reader.object { reader, key throws(JSONSyntaxError) in
                switch key {
                case "id": id = try reader.optionalString()
                case "articles": articles = try reader.optionalInt()
                case "mentions": mentions = try reader.optionalInt()
                case "types": types = try Self.variantCounts(&reader)
                case "names": names = try Self.variantCounts(&reader)
                case "wikidata_ids": wikidata = try Self.variantCounts(&reader)
                default: try reader.skipValue()
                }
            }
            guard let id, let articles, let mentions else { throw reader.failure("a node lacks its id, articles or mentions") }
            do {
                try graph.restorePartialNode(id: id, articles: articles, mentions: mentions, types: types, names: names, wikidata: wikidata)
            } catch {
                content = error
                throw reader.failure(error.message)
            }
        }

        private mutating func edge(_ reader: inout JSONReader) throws(JSONSyntaxError) {
            var source: String?, target: String?
            var articles: Int?
            try reader.object { reader, key throws(JSONSyntaxError) in
                switch key {
                case "source": source = try reader.optionalString()
                case "target": target = try reader.optionalString()
                case "articles": articles = try reader.optionalInt()
                default: try reader.skipValue()
                }
            }
            guard let source, let target, let articles else { throw reader.failure("an edge lacks its source, target or articles") }
            if sawNodes {
                try add(source: source, target: target, articles: articles, reader)
            } else {
                pendingEdges.append((source, target, articles))
            }
        }

        private mutating func addPendingEdges(_ reader: JSONReader) throws(JSONSyntaxError) {
            for edge in pendingEdges { try add(source: edge.source, target: edge.target, articles: edge.articles, reader) }
            pendingEdges = []
        }

        private mutating func add(source: String, target: String, articles: Int, _ reader: JSONReader) throws(JSONSyntaxError) {
            do {
                try graph.restorePartialEdge(source: source, target: target, articles: articles)
            } catch {
                content = error
                throw reader.failure(error.message)
            }
        }

        /// `{"value": count, …}`, added in the document's key order.
        private static func variantCounts(_ reader: inout JSONReader) throws(JSONSyntaxError) -> VariantCounts {
            var counts = VariantCounts()
            if reader.takeNull() { return counts }
            try reader.object { reader, key throws(JSONSyntaxError) in
                guard let count = try reader.optionalInt() else { throw reader.failure("a count is null") }
                counts.add(key, count: count)
            }
            return counts
        }
    }
}

import GazetteCore

/// Partial graphs (the `json` graph format) read straight into a ``CooccurrenceGraph``, without an
/// intermediate document: merging large partials then needs little more memory than the graph.
extension JSONByteScanner {
    /// The graph a partial-graph document describes. Throws a rejection with `content` set for a
    /// document that is read but wrong (wrong format, duplicate node, dangling edge), and a plain
    /// rejection for one this reader does not take (the caller then tries `JSONDecoder`).
    static func scanPartialGraph(_ bytes: UnsafeBufferPointer<UInt8>) throws(Rejection) -> CooccurrenceGraph {
        var scanner = JSONByteScanner(bytes: bytes)
        var graph = CooccurrenceGraph()
        var format: String?
        var version: Int?
        var articles: Int?
        var pruned = false
        var sawNodes = false, sawEdges = false
        scanner.skipSpace()
        try scanner.object { scanner, key throws(Rejection) in
            switch key {
            case "format": format = try scanner.optionalString()
            case "version": version = try scanner.optionalInt()
            case "articles": articles = try scanner.optionalInt()
            case "pruned": pruned = try scanner.optionalBool() ?? false
            case "nodes":
                guard !sawEdges else { throw Rejection() } // nodes must come first to stream
                sawNodes = true
                _ = try scanner.optionalArray { scanner throws(Rejection) in try scanner.partialNode(into: &graph) }
            case "edges":
                guard sawNodes else { throw Rejection() }
                sawEdges = true
                _ = try scanner.optionalArray { scanner throws(Rejection) in try scanner.partialEdge(into: &graph) }
            default: try scanner.skipValue()
            }
        }
        scanner.skipSpace()
        guard scanner.isAtEnd, let articles, sawNodes, sawEdges else { throw Rejection() }
        if let format, format != PartialGraphFormat.formatName {
            throw Rejection(GazetteError(.invalidRecord, "the document has format '\(format)', expected '\(PartialGraphFormat.formatName)'"))
        }
        if let version, version > PartialGraphFormat.version {
            throw Rejection(GazetteError(.unsupported, "the document is partial graph version \(version); this build reads up to \(PartialGraphFormat.version)"))
        }
        graph.restorePartialHeader(articleCount: articles, pruned: pruned)
        return graph
    }

    private mutating func partialNode(into graph: inout CooccurrenceGraph) throws(Rejection) {
        var id: String?
        var articles: Int?, mentions: Int?
        var types = VariantCounts(), names = VariantCounts(), wikidata = VariantCounts()
        try object { scanner, key throws(Rejection) in
            switch key {
            case "id": id = try scanner.optionalString()
            case "articles": articles = try scanner.optionalInt()
            case "mentions": mentions = try scanner.optionalInt()
            case "types": types = try scanner.variantCounts()
            case "names": names = try scanner.variantCounts()
            case "wikidata_ids": wikidata = try scanner.variantCounts()
            default: try scanner.skipValue()
            }
        }
        guard let id, let articles, let mentions else { throw Rejection() }
        do {
            try graph.restorePartialNode(id: id, articles: articles, mentions: mentions, types: types, names: names, wikidata: wikidata)
        } catch {
            throw Rejection(error)
        }
    }

    private mutating func partialEdge(into graph: inout CooccurrenceGraph) throws(Rejection) {
        var source: String?, target: String?
        var articles: Int?
        try object { scanner, key throws(Rejection) in
            switch key {
            case "source": source = try scanner.optionalString()
            case "target": target = try scanner.optionalString()
            case "articles": articles = try scanner.optionalInt()
            default: try scanner.skipValue()
            }
        }
        guard let source, let target, let articles else { throw Rejection() }
        do {
            try graph.restorePartialEdge(source: source, target: target, articles: articles)
        } catch {
            throw Rejection(error)
        }
    }

    /// `{"value": count, …}`, added in the document's key order.
    private mutating func variantCounts() throws(Rejection) -> VariantCounts {
        var counts = VariantCounts()
        if takeNull() { return counts }
        try object { scanner, key throws(Rejection) in
            guard let count = try scanner.optionalInt() else { throw Rejection() }
            counts.add(key, count: count)
        }
        return counts
    }
}

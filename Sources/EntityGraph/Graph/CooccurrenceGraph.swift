public import GazetteCore

/// Who and what appears together in the news: entity nodes with article and mention counts, and
/// undirected edges counting the articles two entities share.
///
/// Accumulation streams: memory grows with distinct entities and pairs, never with articles.
/// ``merge(_:)`` is exact, commutative and associative, so graphs of shards combine into the graph
/// of all their articles (see ``GraphSnapshot`` and the partial JSON format).
public struct CooccurrenceGraph: Sendable {
    /// Counts kept for one entity.
    struct NodeTally: Sendable {
        var articles = 0
        var mentions = 0
        var types = VariantCounts()
        var names = VariantCounts()
        var wikidata = VariantCounts()
        /// A place's point and country: the first an article gave (the lists give one per entity).
        var coordinates: Coordinates?
        var country: String?
    }

    /// Number of articles added.
    public private(set) var articleCount = 0
    /// Whether some input was a pruned partial graph, so counts are no longer exact.
    public private(set) var includesPrunedInput = false
    /// Entity ids by dense index.
    private(set) var ids: [String] = []
    private(set) var indexByID: [String: UInt32] = [:]
    private(set) var tallies: [NodeTally] = []
    /// Shared-article counts keyed by the two node indexes (smaller index in the high half).
    private(set) var pairCounts: [UInt64: Int] = [:]

    /// An empty graph.
    public init() {}

    /// Number of distinct entities.
    public var nodeCount: Int { ids.count }
    /// Number of distinct co-occurring pairs.
    public var edgeCount: Int { pairCounts.count }

    /// One entity occurrence in an article, as the accumulator needs it.
    public struct Occurrence: Sendable, Hashable {
        /// Canonical entity id.
        public var id: String
        /// Entity type name.
        public var type: String
        /// Display name.
        public var name: String
        /// Wikidata QID, if known.
        public var wikidata: String?
        /// Mentions of the entity in this article.
        public var mentions: Int
        /// A place's point, if known.
        public var coordinates: Coordinates?
        /// A place's country code, if known.
        public var country: String?

        /// Creates an occurrence.
        public init(id: String, type: String, name: String, wikidata: String? = nil, mentions: Int = 1,
                    coordinates: Coordinates? = nil, country: String? = nil) {
            self.id = id
            self.type = type
            self.name = name
            self.wikidata = wikidata
            self.mentions = mentions
            self.coordinates = coordinates
            self.country = country
        }
    }

    /// Adds one article given its entities; an entity listed twice counts once (mentions add up).
    public mutating func add(article occurrences: [Occurrence]) {
        articleCount += 1
        var seen: [UInt32: Int] = [:]
        var indexes: [UInt32] = []
        indexes.reserveCapacity(occurrences.count)
        for occurrence in occurrences where !occurrence.id.isEmpty {
            let index = intern(occurrence.id)
            if seen[index] != nil {
                tallies[Int(index)].mentions += occurrence.mentions
                continue
            }
            seen[index] = 1
            indexes.append(index)
            var tally = tallies[Int(index)]
            tally.articles += 1
            tally.mentions += occurrence.mentions
            if !occurrence.type.isEmpty { tally.types.add(occurrence.type) }
            if !occurrence.name.isEmpty { tally.names.add(occurrence.name) }
            if let wikidata = occurrence.wikidata, !wikidata.isEmpty { tally.wikidata.add(wikidata) }
            tally.coordinates = tally.coordinates ?? occurrence.coordinates
            if tally.country == nil, let country = occurrence.country, !country.isEmpty { tally.country = country }
            tallies[Int(index)] = tally
        }
        indexes.sort()
        guard indexes.count > 1 else { return }
        for i in 0..<(indexes.count - 1) {
            for j in (i + 1)..<indexes.count {
                pairCounts[Self.pairKey(indexes[i], indexes[j]), default: 0] += 1
            }
        }
    }

    /// Adds one tagged article read from `gazette tag` output.
    public mutating func add(_ article: TaggedArticle) {
        let occurrences = (article.entities ?? []).compactMap { entity -> Occurrence? in
            guard let id = entity.id, !id.isEmpty else { return nil }
            var point: Coordinates? = nil
            if let pair = entity.coordinates, pair.count == 2 { point = Coordinates(latitude: pair[0], longitude: pair[1]) }
            return Occurrence(
                id: id, type: entity.type ?? "", name: entity.name ?? "", wikidata: entity.wikidata,
                mentions: entity.mentions?.count ?? 0, coordinates: point, country: entity.country
            )
        }
        add(article: occurrences)
    }

    /// Adds every article and pair count of `other`: the result is the graph of both article sets.
    public mutating func merge(_ other: CooccurrenceGraph) {
        articleCount += other.articleCount
        includesPrunedInput = includesPrunedInput || other.includesPrunedInput
        var mapping = [UInt32](repeating: 0, count: other.ids.count)
        for (otherIndex, id) in other.ids.enumerated() {
            let index = intern(id)
            mapping[otherIndex] = index
            let incoming = other.tallies[otherIndex]
            var tally = tallies[Int(index)]
            tally.articles += incoming.articles
            tally.mentions += incoming.mentions
            tally.types.add(incoming.types)
            tally.names.add(incoming.names)
            tally.wikidata.add(incoming.wikidata)
            tally.coordinates = tally.coordinates ?? incoming.coordinates
            tally.country = tally.country ?? incoming.country
            tallies[Int(index)] = tally
        }
        pairCounts.reserveCapacity(pairCounts.count + other.pairCounts.count)
        for (key, count) in other.pairCounts {
            let (a, b) = Self.pairIndexes(key)
            pairCounts[Self.pairKey(mapping[Int(a)], mapping[Int(b)]), default: 0] += count
        }
    }

    /// The graph of both article sets.
    public func merged(with other: CooccurrenceGraph) -> CooccurrenceGraph {
        var result = self
        result.merge(other)
        return result
    }

    /// Restores the accumulator state a partial graph describes; `isPruned` partials merge
    /// only approximately (what the filter removed is gone).
    public init(snapshot: GraphSnapshot) throws(GazetteError) {
        restorePartialHeader(articleCount: snapshot.articleCount, pruned: snapshot.isPruned)
        for node in snapshot.nodes {
            try restorePartialNode(
                id: node.id, articles: node.articles, mentions: node.mentions,
                types: node.typeCounts, names: node.nameCounts, wikidata: node.wikidataCounts
            )
        }
        for edge in snapshot.edges {
            try restorePartialEdge(source: edge.source, target: edge.target, articles: edge.articles)
        }
    }

    /// Sets the article total and pruned flag of a graph being restored from a partial graph.
    mutating func restorePartialHeader(articleCount: Int, pruned: Bool) {
        self.articleCount = articleCount
        includesPrunedInput = pruned
    }

    /// Adds one node of a partial graph; a node listed twice is an error.
    mutating func restorePartialNode(
        id: String, articles: Int, mentions: Int, types: VariantCounts, names: VariantCounts, wikidata: VariantCounts
    ) throws(GazetteError) {
        guard indexByID[id] == nil else {
            throw GazetteError(.invalidRecord, "partial graph lists node '\(id)' twice")
        }
        let index = intern(id)
        tallies[Int(index)] = NodeTally(articles: articles, mentions: mentions, types: types, names: names, wikidata: wikidata)
    }

    /// Adds one edge of a partial graph; both endpoints must be listed nodes.
    mutating func restorePartialEdge(source: String, target: String, articles: Int) throws(GazetteError) {
        guard let a = indexByID[source], let b = indexByID[target], a != b else {
            throw GazetteError(
                .invalidRecord,
                "partial graph has an edge '\(source)' – '\(target)' whose endpoints are not two listed nodes"
            )
        }
        pairCounts[Self.pairKey(a, b), default: 0] += articles
    }

    private mutating func intern(_ id: String) -> UInt32 {
        if let index = indexByID[id] { return index }
        let index = UInt32(ids.count)
        ids.append(id)
        indexByID[id] = index
        tallies.append(NodeTally())
        return index
    }

    static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt64 {
        a < b ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
    }

    static func pairIndexes(_ key: UInt64) -> (UInt32, UInt32) {
        (UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
    }
}

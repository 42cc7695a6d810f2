public import GazetteCore

/// A co-occurrence graph resolved for output: nodes sorted by id and edges sorted by endpoint ids
/// (UTF-8 byte order), so the same articles always give the same bytes.
public struct GraphSnapshot: Sendable, Hashable {
    /// One entity.
    public struct Node: Sendable, Hashable {
        /// Canonical entity id.
        public var id: String
        /// Type (the most frequent one the articles gave).
        public var type: String
        /// Display name (the most frequent one the articles gave).
        public var name: String
        /// Wikidata QID, when any article gave one.
        public var wikidata: String?
        /// Number of articles mentioning the entity.
        public var articles: Int
        /// Total number of mentions over all articles.
        public var mentions: Int
        /// Per-article counts of each type seen, for exact merging.
        public var typeCounts: VariantCounts
        /// Per-article counts of each name seen, for exact merging.
        public var nameCounts: VariantCounts
        /// Per-article counts of each Wikidata id seen, for exact merging.
        public var wikidataCounts: VariantCounts
        /// A place's point, when the tag records gave one (partial graphs do not carry it).
        public var coordinates: Coordinates? = nil
        /// A place's country code, when the tag records gave one.
        public var country: String? = nil
    }

    /// Two entities that appear in the same articles.
    public struct Edge: Sendable, Hashable {
        /// The endpoint id that sorts first.
        public var source: String
        /// The endpoint id that sorts second.
        public var target: String
        /// Number of articles where both occur; this is the edge weight.
        public var articles: Int
        /// Normalised pointwise mutual information over articles, in [-1, 1].
        public var npmi: Double
    }

    /// Number of articles aggregated (before any filter).
    public var articleCount: Int
    /// Nodes sorted by id.
    public var nodes: [Node]
    /// Edges sorted by (source, target).
    public var edges: [Edge]
    /// Whether a filter removed nodes or edges (the snapshot then no longer merges exactly).
    public var isPruned: Bool
}

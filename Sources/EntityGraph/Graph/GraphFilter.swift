/// Which part of a co-occurrence graph to export: thresholds for large graphs and a top slice for
/// pictures.
public struct GraphFilter: Sendable, Hashable {
    /// Keep nodes and edges seen in at least this many articles (1 keeps everything).
    public var minArticles: Int
    /// Keep only nodes of these types (`Person`, `Place`, `Organization`); `nil` keeps all.
    public var types: Set<String>?
    /// Keep only the this many nodes of highest degree (after the other filters); `nil` keeps all.
    public var top: Int?

    /// Creates a filter; the default keeps the whole graph.
    public init(minArticles: Int = 1, types: Set<String>? = nil, top: Int? = nil) {
        self.minArticles = minArticles
        self.types = types
        self.top = top
    }

    /// Whether this filter removes anything at all (a pruned graph no longer merges exactly).
    public var isIdentity: Bool { minArticles <= 1 && types == nil && top == nil }
}

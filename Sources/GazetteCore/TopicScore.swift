/// A topic assigned to an article: an IPTC Media Topics code (or a user model's label) and a score.
public struct TopicScore: Hashable, Sendable {
    /// Topic id, e.g. `medtop:11000000`, or a custom model's label.
    public var id: String
    /// Human-readable label, e.g. `politics`.
    public var label: String
    /// Calibrated score in [0, 1].
    public var score: Double

    /// Creates a topic score.
    public init(id: String, label: String, score: Double) {
        self.id = id
        self.label = label
        self.score = score
    }
}

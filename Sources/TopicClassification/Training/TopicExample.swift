/// One labelled training or evaluation document.
public struct TopicExample: Sendable, Hashable {
    /// The document's text parts (e.g. title and body), featurised together.
    public var parts: [String]
    /// Its labels: one for single-label data, several for multi-label data (each gets an equal share).
    public var labels: [String]
    /// Where it came from (`file:line`), for messages.
    public var origin: String?
    /// How much it counts in training relative to other examples (default 1): the shipped model's
    /// recipe uses it to balance topics and sources.
    public var weight: Float

    /// Creates an example.
    public init(parts: [String], labels: [String], origin: String? = nil, weight: Float = 1) {
        self.parts = parts
        self.labels = labels
        self.origin = origin
        self.weight = weight
    }

    /// Creates a single-text, single-label example.
    public init(text: String, label: String) {
        self.init(parts: [text], labels: [label])
    }
}

/// One labelled training or evaluation document.
public struct TopicExample: Sendable, Hashable {
    /// The document's text parts (e.g. title and body), featurised together.
    public var parts: [String]
    /// Its labels: one for single-label data, several for multi-label data (each gets an equal share).
    public var labels: [String]
    /// Where it came from (`file:line`), for messages.
    public var origin: String?

    /// Creates an example.
    public init(parts: [String], labels: [String], origin: String? = nil) {
        self.parts = parts
        self.labels = labels
        self.origin = origin
    }

    /// Creates a single-text, single-label example.
    public init(text: String, label: String) {
        self.init(parts: [text], labels: [label])
    }
}

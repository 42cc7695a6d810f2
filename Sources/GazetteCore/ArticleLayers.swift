/// Layers of an ``Article``: what a ``PipelineStage`` declares it reads and writes, so that
/// ``Pipeline`` can reject an impossible order when it is built instead of tagging silently wrong.
///
/// | layer | fields | written by (standard pipeline) |
/// |---|---|---|
/// | `input` | `id`, `url`, `input`, `origin` | the reader that made the article |
/// | `text` | `text`, `title`, `published`, `metadata`, canonical `url` | `HTMLCleaner` (`html`) |
/// | `language` | `language` | `HTMLCleaner` (`html`) |
/// | `tokens` | `sentences`, `tokens`, `tokenLimit` | `Segmenter` (`segment`) |
/// | `candidates` | `candidates` | `GazetteerMatcher` (`gazetteer`) |
/// | `mentions` | `mentions` | `LanguageRoutedRecognizer` (`recognize`) |
/// | `entities` | `entities`, the ids of `mentions` | `EntityResolver` (`resolve`) |
/// | `topics` | `topics` | `TopicClassifier` (`topics`) |
public struct ArticleLayers: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16

    /// Creates a set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The record as read: id, URL, raw bytes or text, origin. Every article has it.
    public static let input = ArticleLayers(rawValue: 1 << 0)
    /// The body text and what the page says about itself (title, date, authors, site, description).
    public static let text = ArticleLayers(rawValue: 1 << 1)
    /// The language code.
    public static let language = ArticleLayers(rawValue: 1 << 2)
    /// Sentences and tokens.
    public static let tokens = ArticleLayers(rawValue: 1 << 3)
    /// Gazetteer matches.
    public static let candidates = ArticleLayers(rawValue: 1 << 4)
    /// Typed mention spans.
    public static let mentions = ArticleLayers(rawValue: 1 << 5)
    /// Canonical entities (and the entity ids of the mentions).
    public static let entities = ArticleLayers(rawValue: 1 << 6)
    /// Topics.
    public static let topics = ArticleLayers(rawValue: 1 << 7)

    /// Every layer with its name, in pipeline order.
    public static let named: [(layer: ArticleLayers, name: String)] = [
        (.input, "input"), (.text, "text"), (.language, "language"), (.tokens, "tokens"),
        (.candidates, "candidates"), (.mentions, "mentions"), (.entities, "entities"), (.topics, "topics"),
    ]

    /// The layer names, comma-separated (`tokens, candidates`).
    public var description: String {
        Self.named.filter { contains($0.layer) }.map(\.name).joined(separator: ", ")
    }
}

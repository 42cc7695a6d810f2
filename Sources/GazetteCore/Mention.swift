/// One occurrence of an entity in an article's text.
public struct Mention: Hashable, Sendable {
    /// Where it lies in `Article.text` (UTF-8 bytes).
    public var range: TextRange
    /// The text as it appears (`Putin’s` gives `Putin`).
    public var surface: String
    /// The entity type this mention was tagged as.
    public var type: EntityType
    /// Canonical id of the entity, filled by resolution (empty before).
    public var entityID: String
    /// How the mention was found: `gazetteer`, `rule:<name>` or `model` (explainability).
    public var source: String
    /// Confidence in [0, 1].
    public var confidence: Double
    /// Why an ambiguous name was decided the way it was, if it was ambiguous.
    public var reason: String?

    /// Creates a mention.
    public init(
        range: TextRange, surface: String, type: EntityType, entityID: String = "",
        source: String, confidence: Double = 1, reason: String? = nil
    ) {
        self.range = range
        self.surface = surface
        self.type = type
        self.entityID = entityID
        self.source = source
        self.confidence = confidence
        self.reason = reason
    }
}

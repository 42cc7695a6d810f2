/// One canonical entity of an article with all its mentions, as written to output.
public struct Entity: Hashable, Sendable {
    /// Stable canonical id: the Wikidata QID when a list knows it, else `geonames:<id>`, a
    /// gazetteer-local id (`gz:o:hamas`), or a generated id for names no list holds (same name and
    /// type → same id).
    public var id: String
    /// Person, Place or Organization.
    public var type: EntityType
    /// Canonical display name.
    public var name: String
    /// Wikidata QID when known.
    public var wikidata: String?
    /// ISO 3166-1 alpha-2 code of the country a place lies in (or is), when the lists know it.
    public var country: String?
    /// A place's representative point, when the lists know it.
    public var coordinates: Coordinates?
    /// Importance in the article, in [0, 1].
    public var salience: Double
    /// Probability in [0, 1] that the type and the link (id) are right; nil when not estimated.
    public var confidence: Double?
    /// Every mention, in text order.
    public var mentions: [Mention]

    /// Creates an entity.
    public init(
        id: String, type: EntityType, name: String, wikidata: String? = nil, country: String? = nil,
        coordinates: Coordinates? = nil, salience: Double = 0, confidence: Double? = nil, mentions: [Mention] = []
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.wikidata = wikidata
        self.country = country
        self.coordinates = coordinates
        self.salience = salience
        self.confidence = confidence
        self.mentions = mentions
    }
}

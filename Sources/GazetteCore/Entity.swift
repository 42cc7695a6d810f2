/// One canonical entity of an article with all its mentions, as written to output.
public struct Entity: Hashable, Sendable {
    /// Stable canonical id: a Wikidata QID, `geonames:<id>`, a gazetteer-local id (`gz:o:hamas`),
    /// or a generated id for names no list holds (same name and type → same id).
    public var id: String
    /// Person, Place or Organization.
    public var type: EntityType
    /// Canonical display name.
    public var name: String
    /// Wikidata QID when known.
    public var wikidata: String?
    /// Importance in the article, in [0, 1].
    public var salience: Double
    /// Every mention, in text order.
    public var mentions: [Mention]

    /// Creates an entity.
    public init(id: String, type: EntityType, name: String, wikidata: String? = nil, salience: Double = 0, mentions: [Mention] = []) {
        self.id = id
        self.type = type
        self.name = name
        self.wikidata = wikidata
        self.salience = salience
        self.mentions = mentions
    }
}

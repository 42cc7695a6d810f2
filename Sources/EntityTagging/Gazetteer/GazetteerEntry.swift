public import GazetteCore
import Foundation

/// One entity of a gazetteer: a row of a `gazetteers/*.tsv` file (format in `gazetteers/README.md`),
/// or several rows merged by id or Wikidata QID.
public struct GazetteerEntry: Hashable, Sendable {
    /// Canonical id: the Wikidata QID when known, else the row id (`geonames:<id>`, `gz:<letter>:<slug>`).
    public var id: String
    /// The other ids its rows have in the lists (`gz:o:nato` for `Q7184`), so links written
    /// against them (demonyms, user lists) still find it.
    public var listIDs: [String]
    /// Person, Place or Organization.
    public var type: EntityType
    /// Canonical display name.
    public var name: String
    /// Other names; see ``ambiguousAliases`` for those that need context.
    public var aliases: [String]
    /// Aliases written with a leading `~` in the file (without the `~`).
    public var ambiguousAliases: Set<String>
    /// ISO 3166-1 alpha-2 country code, or empty.
    public var country: String
    /// Subtype (`city`, `country`, `ministry`, `politician`, …), or empty.
    public var subtype: String
    /// Population for places, else nil.
    public var population: Int?
    /// Role (`President of Russia`), or empty.
    public var role: String
    /// Source name (`geonames`, `curated`, …), several joined by `+` after a merge.
    public var source: String
    /// The Wikidata QID, when a source gives it.
    public var wikidata: String?
    /// Which source gave the QID (`rigour`, `naturalearth`, `fb15k237`, …), empty if none or unknown.
    public var wikidataSource: String
    /// A place's representative point.
    public var coordinates: Coordinates?
    /// How well known the entity is, in [0, 1], before any context (sources that list it, office,
    /// sitelinks); nil when the lists do not say.
    public var popularity: Double?

    /// Creates an entry. A `wikidata` of nil takes the id when the id is itself a QID.
    public init(
        id: String, type: EntityType, name: String, aliases: [String] = [], ambiguousAliases: Set<String> = [],
        country: String = "", subtype: String = "", population: Int? = nil, role: String = "", source: String = "",
        wikidata: String? = nil, wikidataSource: String = "", coordinates: Coordinates? = nil, popularity: Double? = nil,
        listIDs: [String] = []
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.ambiguousAliases = ambiguousAliases
        self.country = country
        self.subtype = subtype
        self.population = population
        self.role = role
        self.source = source
        self.wikidata = wikidata ?? (GazetteerEntry.isQID(id) ? id : nil)
        self.wikidataSource = wikidataSource
        self.coordinates = coordinates
        self.popularity = popularity
        self.listIDs = listIDs
    }

    /// True for a Wikidata item id: `Q` and digits (`Q7747`).
    public static func isQID(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.count >= 2 && bytes.first == UInt8(ascii: "Q") && bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A prior in [0, 1] for choosing between entries that share a name, before context.
    ///
    /// Countries and well-known organisations beat cities; bigger cities beat smaller ones; where
    /// the lists give a popularity (how many sources know the entity, office, sitelinks) it counts
    /// for half.
    public var prior: Double {
        let base: Double
        switch type {
        case .place:
            switch subtype {
            case "country": base = 0.95
            case "continent": base = 0.9
            case "region", "territory", "geo": base = 0.6 + populationBonus * 0.3
            default: base = 0.3 + populationBonus * 0.6
            }
        case .person: base = 0.7
        case .organization: base = subtype == "company" ? 0.6 : 0.75
        }
        guard let popularity else { return base }
        return 0.5 * base + 0.5 * popularity
    }

    private var populationBonus: Double {
        guard let population, population > 0 else { return 0 }
        // 15,000 → 0, 10 million → ~1.
        let value = (log10(Double(population)) - 4.2) / 2.8
        return min(1, max(0, value))
    }
}

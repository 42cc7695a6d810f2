public import GazetteCore
import Foundation

/// One entity of a gazetteer: a row of a `gazetteers/*.tsv` file (format in `gazetteers/README.md`).
public struct GazetteerEntry: Hashable, Sendable {
    /// Canonical id (QID, `geonames:<id>`, or `gz:<letter>:<slug>`).
    public var id: String
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
    /// Source name (`geonames`, `curated`, …).
    public var source: String

    /// Creates an entry.
    public init(
        id: String, type: EntityType, name: String, aliases: [String] = [], ambiguousAliases: Set<String> = [],
        country: String = "", subtype: String = "", population: Int? = nil, role: String = "", source: String = ""
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
    }

    /// The Wikidata QID when the id is one (`Q7747`), else nil.
    public var wikidata: String? {
        let bytes = id.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "Q"), bytes.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return id
    }

    /// A prior in [0, 1] for choosing between entries that share a name, before context.
    ///
    /// Countries and well-known organisations beat cities; bigger cities beat smaller ones.
    public var prior: Double {
        switch type {
        case .place:
            switch subtype {
            case "country": return 0.95
            case "continent": return 0.9
            case "region", "territory", "geo": return 0.6 + populationBonus * 0.3
            default: return 0.3 + populationBonus * 0.6
            }
        case .person: return 0.7
        case .organization: return subtype == "company" ? 0.6 : 0.75
        }
    }

    private var populationBonus: Double {
        guard let population, population > 0 else { return 0 }
        // 15,000 → 0, 10 million → ~1.
        let value = (log10(Double(population)) - 4.2) / 2.8
        return min(1, max(0, value))
    }
}


/// The three kinds of entity Gazette tags, with their schema.org names.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A human being: `Person`.
    case person = "Person"
    /// A geographic place: `Place`.
    case place = "Place"
    /// A company, government body, party, club, group: `Organization`.
    case organization = "Organization"

    /// Parses a schema.org name or a CoNLL-style short tag (`PER`, `LOC`, `ORG`), case-insensitively.
    public init?(name: String) {
        switch name.lowercased() {
        case "person", "per", "p": self = .person
        case "place", "loc", "location", "l", "g": self = .place
        case "organization", "organisation", "org", "o": self = .organization
        default: return nil
        }
    }

    /// One lowercase letter used in generated ids (`p`, `l`, `o`).
    public var letter: String {
        switch self {
        case .person: "p"
        case .place: "l"
        case .organization: "o"
        }
    }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }
}

public import GazetteCore

/// One BIO label of the entity tagger: outside, or the beginning or inside of a PER, LOC, ORG or
/// MISC span (MISC is learned so the model can tell it apart, but never output as a mention).
public enum NERTag: UInt8, Sendable, CaseIterable, Hashable {
    case outside = 0
    case beginPerson, insidePerson
    case beginPlace, insidePlace
    case beginOrganization, insideOrganization
    case beginMisc, insideMisc

    /// Number of labels (the width of a weight row).
    public static let count = 9

    /// The span class of the label: 0 none, 1 PER, 2 LOC, 3 ORG, 4 MISC.
    @inline(__always)
    public var spanClass: Int { (Int(rawValue) + 1) / 2 }

    /// True for a `B-` label.
    @inline(__always)
    public var isBegin: Bool { rawValue != 0 && rawValue & 1 == 1 }

    /// True for an `I-` label.
    @inline(__always)
    public var isInside: Bool { rawValue != 0 && rawValue & 1 == 0 }

    /// The entity type a span with this label gets; nil for `O` and MISC.
    public var entityType: EntityType? {
        switch spanClass {
        case 1: .person
        case 2: .place
        case 3: .organization
        default: nil
        }
    }

    /// The `B-` label of span class `c` (1…4).
    @inline(__always)
    public static func begin(_ c: Int) -> NERTag { NERTag(rawValue: UInt8(2 * c - 1)) ?? .outside }
    /// The `I-` label of span class `c` (1…4).
    @inline(__always)
    public static func inside(_ c: Int) -> NERTag { NERTag(rawValue: UInt8(2 * c)) ?? .outside }

    /// True when this label may follow `previous` (an `I-X` needs a `B-X` or `I-X` before it).
    @inline(__always)
    public func canFollow(_ previous: NERTag) -> Bool {
        !isInside || (previous != .outside && previous.spanClass == spanClass)
    }

    /// Parses a CoNLL label (`O`, `B-PER`, `I-LOC`, IOB1 `I-ORG` too); unknown labels are `O`.
    public init(conll label: Substring) {
        guard label.count >= 5 else { self = .outside; return }
        let begin = label.hasPrefix("B-")
        let c: Int
        switch label.dropFirst(2) {
        case "PER": c = 1
        case "LOC": c = 2
        case "ORG": c = 3
        case "MISC": c = 4
        default: self = .outside; return
        }
        self = begin ? .begin(c) : .inside(c)
    }
}

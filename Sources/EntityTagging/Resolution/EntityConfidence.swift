public import GazetteCore
import Foundation

/// The probability that an output entity's type and link are right, from what the output itself
/// shows: how its mentions were found, how its link was decided, how often it is named.
///
/// `confidence = P(type right) × P(link right)`: a logistic model of the type being right, fitted
/// on CoNLL-2003 dev (an entity counts as right when most of its mentions are gold spans of its
/// type), times the precision of its kind of link, measured on audited links
/// (`Scripts/calibrate-confidence.py` writes both into `models/ner/confidence.tsv`). An entity
/// with a generated id makes no link, so only its type counts.
public struct EntityConfidence: Sendable, Hashable {
    /// Logistic weights by feature name (``features(of:isListed:)``), plus `bias`.
    public let weights: [String: Double]
    /// Precision of each kind of link (``linkKind(of:isListed:)``): `unique`, `context`, `prior`, `partial-name`.
    public let linkPrecision: [String: Double]
    /// `bias`, then the weight of each of ``featureNames`` in order (0 for a name without one):
    /// scoring reads these, not the dictionaries (ten string look-ups an entity were a seventh of
    /// the resolver's time).
    private let orderedWeights: [Double]
    /// The precision of each ``LinkKind`` (1 where the calibration has none).
    private let kindPrecision: [Double]

    /// The feature names, in the order ``featureValues(of:kind:)`` computes them.
    static let featureNames = ["gazetteer", "rule_only", "listed", "wikidata", "mentions", "person", "organization",
                               "decided_by_context", "decided_by_prior"]

    /// How an entity's link was decided (``linkKind(of:isListed:)``).
    enum LinkKind: Int, CaseIterable {
        case none, partialName, context, prior, unique
        /// The name the calibration file and the script use.
        var name: String {
            switch self {
            case .none: "none"
            case .partialName: "partial-name"
            case .context: "context"
            case .prior: "prior"
            case .unique: "unique"
            }
        }
    }

    /// Creates a calibration.
    public init(weights: [String: Double], linkPrecision: [String: Double]) {
        self.weights = weights
        self.linkPrecision = linkPrecision
        orderedWeights = [weights["bias"] ?? 0] + Self.featureNames.map { weights[$0] ?? 0 }
        kindPrecision = LinkKind.allCases.map { $0 == .none ? 1 : linkPrecision[$0.name] ?? 1 }
    }

    /// Where the shipped calibration lives, relative to the data root.
    public static let defaultPath = "models/ner/confidence.tsv"

    /// Reads `kind<TAB>name<TAB>value` lines (`weight` or `link`; `#` comments).
    public static func load(path: String) throws(GazetteError) -> EntityConfidence {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw GazetteError(.io, "cannot read the confidence calibration \(path)")
        }
        var weights: [String: Double] = [:]
        var links: [String: Double] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t").map(String.init)
            guard columns.count == 3, let value = Double(columns[2]), value.isFinite else {
                throw GazetteError(.model, "\(path):\(number + 1): expected kind<TAB>name<TAB>number")
            }
            switch columns[0] {
            case "weight": weights[columns[1]] = value
            case "link":
                guard (0...1).contains(value) else { throw GazetteError(.model, "\(path):\(number + 1): a link precision is between 0 and 1") }
                links[columns[1]] = value
            default: throw GazetteError(.model, "\(path):\(number + 1): unknown kind '\(columns[0])' (weight or link)")
            }
        }
        return EntityConfidence(weights: weights, linkPrecision: links)
    }

    /// The features of an entity, as the calibration script computes them from the output.
    public static func features(of entity: Entity, isListed: Bool) -> [String: Double] {
        let values = featureValues(of: entity, kind: kind(of: entity, isListed: isListed))
        return Dictionary(uniqueKeysWithValues: zip(featureNames, values))
    }

    /// The values of ``featureNames`` for an entity whose link was decided as `kind`.
    static func featureValues(of entity: Entity, kind: LinkKind) -> [Double] {
        var gazetteer = false, allRules = !entity.mentions.isEmpty
        for mention in entity.mentions {
            if mention.source == "gazetteer" { gazetteer = true }
            if !mention.source.hasPrefix("rule:") { allRules = false }
        }
        return [
            gazetteer ? 1 : 0,
            allRules ? 1 : 0,
            kind == .none ? 0 : 1,
            entity.wikidata == nil ? 0 : 1,
            log(1 + Double(entity.mentions.count)),
            entity.type == .person ? 1 : 0,
            entity.type == .organization ? 1 : 0,
            kind == .context ? 1 : 0,
            kind == .prior ? 1 : 0,
        ]
    }

    /// How the entity's link was decided: `none` (generated id), `partial-name`, `context`,
    /// `prior` (from the mentions' reasons), else `unique`.
    public static func linkKind(of entity: Entity, isListed: Bool) -> String {
        kind(of: entity, isListed: isListed).name
    }

    /// ``linkKind(of:isListed:)`` as a ``LinkKind``.
    static func kind(of entity: Entity, isListed: Bool) -> LinkKind {
        guard isListed else { return .none }
        var context = false, prior = false, reasons = 0, partial = 0
        for reason in entity.mentions.lazy.compactMap(\.reason) {
            reasons += 1
            if reason.hasPrefix("context") { context = true }
            if reason.hasPrefix("prior") { prior = true }
            if reason.hasPrefix("part of the name") { partial += 1 }
        }
        if context { return .context }
        if prior { return .prior }
        if reasons > 0, partial == reasons { return .partialName }
        return .unique
    }

    /// The calibrated probability for `entity` (a list entry when `isListed`).
    public func confidence(of entity: Entity, isListed: Bool) -> Double {
        let kind = Self.kind(of: entity, isListed: isListed)
        var score = orderedWeights[0]
        for (k, value) in Self.featureValues(of: entity, kind: kind).enumerated() { score += orderedWeights[k + 1] * value }
        let typeRight = 1 / (1 + exp(-score))
        return min(1, max(0, typeRight * kindPrecision[kind.rawValue]))
    }
}

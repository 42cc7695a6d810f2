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
    /// Logistic weights by feature name (``features(of:)``), plus `bias`.
    public var weights: [String: Double]
    /// Precision of each kind of link (``linkKind(of:isListed:)``): `unique`, `context`, `prior`, `partial-name`.
    public var linkPrecision: [String: Double]

    /// Creates a calibration.
    public init(weights: [String: Double], linkPrecision: [String: Double]) {
        self.weights = weights
        self.linkPrecision = linkPrecision
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
        let sources = entity.mentions.map(\.source)
        var features: [String: Double] = [
            "gazetteer": sources.contains("gazetteer") ? 1 : 0,
            "rule_only": !sources.isEmpty && sources.allSatisfy { $0.hasPrefix("rule:") } ? 1 : 0,
            "listed": isListed ? 1 : 0,
            "wikidata": entity.wikidata == nil ? 0 : 1,
            "mentions": log(1 + Double(entity.mentions.count)),
            "person": entity.type == .person ? 1 : 0,
            "organization": entity.type == .organization ? 1 : 0,
        ]
        let kind = linkKind(of: entity, isListed: isListed)
        features["decided_by_context"] = kind == "context" ? 1 : 0
        features["decided_by_prior"] = kind == "prior" ? 1 : 0
        return features
    }

    /// How the entity's link was decided: `none` (generated id), `partial-name`, `context`,
    /// `prior` (from the mentions' reasons), else `unique`.
    public static func linkKind(of entity: Entity, isListed: Bool) -> String {
        guard isListed else { return "none" }
        let reasons = entity.mentions.compactMap(\.reason)
        if reasons.contains(where: { $0.hasPrefix("context") }) { return "context" }
        if reasons.contains(where: { $0.hasPrefix("prior") }) { return "prior" }
        if !reasons.isEmpty, reasons.allSatisfy({ $0.hasPrefix("part of the name") }) { return "partial-name" }
        return "unique"
    }

    /// The calibrated probability for `entity` (a list entry when `isListed`).
    public func confidence(of entity: Entity, isListed: Bool) -> Double {
        var score = weights["bias"] ?? 0
        for (name, value) in Self.features(of: entity, isListed: isListed) { score += (weights[name] ?? 0) * value }
        let typeRight = 1 / (1 + exp(-score))
        let kind = Self.linkKind(of: entity, isListed: isListed)
        let linkRight = kind == "none" ? 1 : (linkPrecision[kind] ?? 1)
        return min(1, max(0, typeRight * linkRight))
    }
}

public import GazetteCore

/// Exact-span precision, recall and F1 for PER, LOC and ORG against CoNLL gold spans, the way the
/// issue measures it: gold MISC is not scored and a prediction overlapping a gold MISC span is
/// ignored.
public struct NERScore: Sendable, Hashable {
    /// True positives, predictions and gold spans per type (index 1 PER, 2 LOC, 3 ORG).
    public var correct = [0, 0, 0, 0]
    public var predicted = [0, 0, 0, 0]
    public var gold = [0, 0, 0, 0]

    /// An empty score.
    public init() {}

    /// Adds one document: gold spans (byte ranges, span class) and predicted mentions.
    public mutating func add(gold goldSpans: [(range: TextRange, spanClass: Int)], predicted mentions: [Mention]) {
        var goldSet: Set<[Int]> = []
        var misc: [TextRange] = []
        for g in goldSpans {
            if g.spanClass == 4 { misc.append(g.range); continue }
            goldSet.insert([g.range.start, g.range.end, g.spanClass])
            gold[g.spanClass] += 1
        }
        for m in mentions {
            if misc.contains(where: { $0.overlaps(m.range) }) { continue }
            let c = Self.spanClass(m.type)
            predicted[c] += 1
            if goldSet.contains([m.range.start, m.range.end, c]) { correct[c] += 1 }
        }
    }

    /// Span class of a type (1 PER, 2 LOC, 3 ORG).
    public static func spanClass(_ type: EntityType) -> Int {
        switch type {
        case .person: 1
        case .place: 2
        case .organization: 3
        }
    }

    /// (precision, recall, F1) of one class, or of all three for `nil`.
    public func prf(_ spanClass: Int? = nil) -> (p: Double, r: Double, f: Double) {
        let classes = spanClass.map { [$0] } ?? [1, 2, 3]
        let c = classes.reduce(0) { $0 + correct[$1] }
        let p = classes.reduce(0) { $0 + predicted[$1] }
        let g = classes.reduce(0) { $0 + gold[$1] }
        let precision = p > 0 ? Double(c) / Double(p) : 0
        let recall = g > 0 ? Double(c) / Double(g) : 0
        let f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f)
    }

    /// A small table: per type and micro P/R/F1.
    public var report: String {
        var lines = ["type  precision  recall  f1      gold  predicted"]
        for (name, c) in [("PER", 1), ("LOC", 2), ("ORG", 3)] {
            let s = prf(c)
            lines.append("\(name)   \(Self.fmt(s.p))     \(Self.fmt(s.r))  \(Self.fmt(s.f))  \(gold[c])  \(predicted[c])")
        }
        let s = prf()
        lines.append("micro \(Self.fmt(s.p))     \(Self.fmt(s.r))  \(Self.fmt(s.f))  \(gold[1...3].reduce(0, +))  \(predicted[1...3].reduce(0, +))")
        return lines.joined(separator: "\n")
    }

    private static func fmt(_ v: Double) -> String {
        let scaled = Int((v * 10000).rounded())
        let whole = scaled / 10000, frac = scaled % 10000
        let digits = String(frac)
        return "\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }
}

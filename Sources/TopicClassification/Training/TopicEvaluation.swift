/// Accuracy, per-class precision/recall/F1, macro F1 and the confusion matrix of a classifier on
/// labelled documents.
///
/// A prediction counts as correct when the top label is one of the document's labels; the confusion
/// matrix uses the document's first label as its row.
public struct TopicEvaluation: Sendable, Hashable {
    /// Row and column labels: the model's labels, then any gold label the model does not know.
    public var labels: [String]
    /// `confusion[gold][predicted]` counts.
    public var confusion: [[Int]]
    /// Documents evaluated.
    public var total: Int
    /// Documents whose top prediction is one of their labels.
    public var correct: Int
    /// How well the top scores match accuracy.
    public var calibration: CalibrationSummary

    /// Scores `model` on `examples`.
    public init(model: LinearTopicModel, examples: [TopicExample]) {
        var labels = model.labels
        for e in examples { for l in e.labels where !labels.contains(l) { labels.append(l) } }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var confusion = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        var correct = 0
        var calibration = CalibrationSummary()
        for e in examples {
            let p = model.probabilities(of: e.parts)
            var best = 0
            for c in p.indices where p[c] > p[best] { best = c }
            let predicted = model.labels[best]
            let gold = e.labels.contains(predicted) ? predicted : e.labels[0]
            if gold == predicted { correct += 1 }
            calibration.add(score: Double(p[best]), correct: gold == predicted)
            if let g = index[gold], let p = index[predicted] { confusion[g][p] += 1 }
        }
        self.labels = labels
        self.confusion = confusion
        self.total = examples.count
        self.correct = correct
        self.calibration = calibration
    }

    /// Share of documents whose top label is right.
    public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }

    /// Precision, recall and F1 of one class (index into ``labels``).
    public func scores(ofClass c: Int) -> (precision: Double, recall: Double, f1: Double, support: Int) {
        let tp = Double(confusion[c][c])
        let predicted = Double(confusion.reduce(0) { $0 + $1[c] })
        let support = confusion[c].reduce(0, +)
        let precision = predicted > 0 ? tp / predicted : 0
        let recall = support > 0 ? tp / Double(support) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1, support)
    }

    /// Mean F1 over the classes that occur in the gold labels.
    public var macroF1: Double {
        let present = labels.indices.filter { c in confusion[c].reduce(0, +) > 0 }
        guard !present.isEmpty else { return 0 }
        return present.map { scores(ofClass: $0).f1 }.reduce(0, +) / Double(present.count)
    }

    /// A plain-text report: accuracy, macro F1, calibration, per-class scores and the confusion matrix.
    public var report: String {
        var out = "documents: \(total)\naccuracy: \(format(accuracy))\nmacro F1: \(format(macroF1))\n"
        out += "mean top score: \(format(calibration.meanScore))\ncalibration error (ECE, 10 bins): \(format(calibration.expectedError))\n\n"
        let width = max(5, labels.map(\.count).max() ?? 5)
        out += pad("label", width) + "  precision  recall     F1  support\n"
        for c in labels.indices {
            let s = scores(ofClass: c)
            out += pad(labels[c], width) + "  " + pad(format(s.precision), 9, left: true) + "  "
                + pad(format(s.recall), 6, left: true) + "  " + pad(format(s.f1), 5, left: true) + "  "
                + pad(String(s.support), 7, left: true) + "\n"
        }
        out += "\nconfusion matrix (rows: gold, columns: predicted)\n"
        let cell = max(6, String(confusion.flatMap { $0 }.max() ?? 0).count + 1)
        out += pad("", width + 6) + labels.indices.map { pad("[\($0 + 1)]", cell, left: true) }.joined() + "\n"
        for g in labels.indices {
            out += pad("[\(g + 1)] " + labels[g], width + 6) + confusion[g].map { pad(String($0), cell, left: true) }.joined() + "\n"
        }
        return out
    }

    private func format(_ x: Double) -> String {
        let scaled = Int((x * 10000).rounded())
        let frac = String(scaled % 10000)
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    private func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? fill + s : s + fill
    }
}

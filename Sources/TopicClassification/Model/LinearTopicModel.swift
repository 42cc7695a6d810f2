import Foundation

/// A multinomial logistic-regression classifier over hashed word features: any label set, calibrated
/// probabilities.
///
/// Weights are stored feature-major (`weights[bucket * labels.count + class]`) so that scoring a
/// sparse document touches one short row per word. Probabilities are `softmax(logits / temperature)`,
/// where the temperature was fitted on held-out data at training time so that a score of 0.8 is
/// right about 80 % of the time.
public struct LinearTopicModel: Sendable {
    /// The class labels (topic ids), in weight column order.
    public let labels: [String]
    /// Display labels, one per class (the IPTC label for IPTC codes, else the label itself).
    public let displayLabels: [String]
    /// How text is featurised.
    public let extractor: FeatureExtractor
    /// Weights, `dimension × labels.count`, feature-major.
    public let weights: [Float]
    /// One bias per class.
    public let bias: [Float]
    /// Softmax temperature from calibration (1 = none).
    public let temperature: Float
    /// Free-form facts about how the model was made (data, epochs, date), written to the model file.
    public let provenance: [String: String]

    /// Creates a model from its parts; the arrays must have matching sizes.
    public init(
        labels: [String], displayLabels: [String]? = nil, extractor: FeatureExtractor, weights: [Float],
        bias: [Float], temperature: Float = 1, provenance: [String: String] = [:]
    ) throws(GazetteError) {
        guard labels.count >= 2 else {
            throw GazetteError(.model, "a topic model needs at least two labels, got \(labels.count)")
        }
        guard weights.count == extractor.options.dimension * labels.count, bias.count == labels.count else {
            throw GazetteError(.model, "topic model weights do not match its \(labels.count) labels and \(extractor.options.dimension) buckets")
        }
        if let displayLabels, displayLabels.count != labels.count {
            throw GazetteError(.model, "topic model has \(displayLabels.count) display labels for \(labels.count) labels")
        }
        self.labels = labels
        self.displayLabels = displayLabels ?? labels.map { TopicTaxonomy.label(for: $0) }
        self.extractor = extractor
        self.weights = weights
        self.bias = bias
        self.temperature = temperature > 0 && temperature.isFinite ? temperature : 1
        self.provenance = provenance
    }

    /// Raw class scores (before temperature and softmax) of a feature vector.
    public func logits(_ x: SparseVector) -> [Float] {
        let k = labels.count
        var z = bias
        weights.withUnsafeBufferPointer { w in
            z.withUnsafeMutableBufferPointer { z in
                for j in 0..<x.indices.count {
                    let row = Int(x.indices[j]) * k
                    let v = x.values[j]
                    for c in 0..<k { z[c] += v * w[row + c] }
                }
            }
        }
        return z
    }

    /// Class probabilities of a feature vector, in label order; they sum to 1.
    public func probabilities(_ x: SparseVector) -> [Float] {
        Self.softmax(logits(x), temperature: temperature)
    }

    /// Class probabilities of a document given as parts (e.g. title and body).
    public func probabilities(of parts: [String]) -> [Float] {
        probabilities(extractor.features(parts))
    }

    /// All labels with their probabilities, best first (ties by label order).
    public func rankedScores(of parts: [String]) -> [TopicScore] {
        let p = probabilities(of: parts)
        return p.indices
            .sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
            .map { TopicScore(id: labels[$0], label: displayLabels[$0], score: Double(p[$0])) }
    }

    /// The most probable label of a document.
    public func predict(_ parts: [String]) -> String {
        let p = probabilities(of: parts)
        var best = 0
        for c in p.indices where p[c] > p[best] { best = c }
        return labels[best]
    }

    /// Softmax of `z / temperature`, computed stably.
    static func softmax(_ z: [Float], temperature: Float) -> [Float] {
        guard let m = z.max() else { return [] }
        var e = z.map { expf(($0 - m) / temperature) }
        let sum = e.reduce(0, +)
        for i in e.indices { e[i] /= sum }
        return e
    }
}

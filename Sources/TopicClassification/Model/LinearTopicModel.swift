import Foundation
public import GazetteCore

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
    /// Weights, `dimension × labels.count`, feature-major, as stored: exact floats (a trained model,
    /// a `float32` file) or bytes with one scale per class (an `int8` file: 4× less memory to read).
    public let storage: WeightStorage
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
        try self.init(labels: labels, displayLabels: displayLabels, extractor: extractor, storage: .float32(weights),
                      bias: bias, temperature: temperature, provenance: provenance)
    }

    /// Creates a model with weights in either storage; checks that the sizes match.
    init(
        labels: [String], displayLabels: [String]?, extractor: FeatureExtractor, storage: WeightStorage,
        bias: [Float], temperature: Float, provenance: [String: String]
    ) throws(GazetteError) {
        guard labels.count >= 2 else {
            throw GazetteError(.model, "a topic model needs at least two labels, got \(labels.count)")
        }
        let expected = extractor.options.dimension * labels.count
        let sizesMatch: Bool
        switch storage {
        case .float32(let w): sizesMatch = w.count == expected
        case .int8(let q, let scales): sizesMatch = q.count == expected && scales.count == labels.count
        }
        guard sizesMatch, bias.count == labels.count else {
            throw GazetteError(.model, "topic model weights do not match its \(labels.count) labels and \(extractor.options.dimension) buckets")
        }
        if let displayLabels, displayLabels.count != labels.count {
            throw GazetteError(.model, "topic model has \(displayLabels.count) display labels for \(labels.count) labels")
        }
        self.labels = labels
        self.displayLabels = displayLabels ?? labels.map { TopicTaxonomy.label(for: $0) }
        self.extractor = extractor
        self.storage = storage
        self.bias = bias
        self.temperature = temperature > 0 && temperature.isFinite ? temperature : 1
        self.provenance = provenance
    }

    /// The weights as floats, `dimension × labels.count`, feature-major (dequantised for int8 storage).
    public var weights: [Float] {
        switch storage {
        case .float32(let w): return w
        case .int8(let q, let scales):
            let k = labels.count
            return q.indices.map { Float(q[$0]) * scales[$0 % k] }
        }
    }

    /// Raw class scores (before temperature and softmax) of a feature vector.
    public func logits(_ x: SparseVector) -> [Float] {
        let k = labels.count
        var z = [Float](repeating: 0, count: k)
        z.withUnsafeMutableBufferPointer { z in
            x.indices.withUnsafeBufferPointer { xi in
                x.values.withUnsafeBufferPointer { xv in
                    switch storage {
                    case .float32(let weights):
                        weights.withUnsafeBufferPointer { w in
                            for j in 0..<xi.count {
                                let row = Int(xi[j]) &* k
                                let v = xv[j]
                                for c in 0..<k { z[c] += v * w[row &+ c] }
                            }
                        }
                    case .int8(let quantized, let scales):
                        quantized.withUnsafeBufferPointer { q in
                            for j in 0..<xi.count {
                                let row = Int(xi[j]) &* k
                                let v = xv[j]
                                for c in 0..<k { z[c] += v * Float(q[row &+ c]) }
                            }
                        }
                        for c in 0..<k { z[c] *= scales[c] }
                    }
                }
            }
            for c in 0..<k { z[c] += bias[c] }
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

    /// How a model holds its weights in memory.
    public enum WeightStorage: Sendable {
        /// Exact 32-bit floats.
        case float32([Float])
        /// Bytes with one scale per class: weight = byte × scale.
        case int8([Int8], scales: [Float])
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

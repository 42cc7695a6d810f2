import Foundation
public import GazetteCore

extension LinearTopicModel {
    /// Trains a multinomial logistic regression on labelled documents with Adagrad SGD.
    ///
    /// Deterministic: the same examples (in the same order), options and seed give the same weights.
    /// Throws ``GazetteError/Code/invalidRecord`` when there are no examples, an example has no text
    /// or no label, or all examples share one label.
    public static func train(_ examples: [TopicExample], options: TrainingOptions = TrainingOptions()) throws(GazetteError) -> LinearTopicModel {
        try options.features.validate()
        guard options.epochs >= 1 else { throw GazetteError(.usage, "epochs must be at least 1, got \(options.epochs)") }
        guard options.learningRate > 0, options.l2 >= 0 else {
            throw GazetteError(.usage, "learning rate must be positive and L2 penalty non-negative")
        }
        guard !examples.isEmpty else { throw GazetteError(.invalidRecord, "no training examples: the training data is empty") }
        for example in examples {
            let place = example.origin.map { "\($0): " } ?? ""
            if example.labels.isEmpty || example.labels.contains(where: { $0.isEmpty }) {
                throw GazetteError(.invalidRecord, "\(place)training example has no label")
            }
            if !(example.weight >= 0 && example.weight.isFinite) {
                throw GazetteError(.invalidRecord, "\(place)training example has a weight that is negative or not a number")
            }
            if example.parts.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }) {
                throw GazetteError(.invalidRecord, "\(place)training example has no text")
            }
        }
        let labels = Array(Set(examples.flatMap(\.labels))).sorted()
        guard labels.count >= 2 else {
            throw GazetteError(.invalidRecord, "all \(examples.count) training examples have the label \"\(labels[0])\": a classifier needs at least two different labels")
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let targets = examples.map { $0.labels.compactMap { index[$0] } }
        let weights = examples.map(\.weight)

        // Features: counts, IDF from all training documents, then weighted unit vectors.
        let plain = FeatureExtractor(options: options.features, clusters: options.clusters)
        let counts = examples.map { plain.counts($0.parts) }
        var idf = options.features.idf ? Self.inverseDocumentFrequency(counts, dimension: options.features.dimension) : []
        if !idf.isEmpty, options.features.clusterWeight != 1 {
            for bucket in plain.clusterBuckets { idf[bucket] *= options.features.clusterWeight }
        }
        let extractor = FeatureExtractor(options: options.features, idf: idf, clusters: options.clusters)
        let vectors = counts.map { extractor.weigh($0) }

        let initial = options.prior?.initialWeights(labels: labels, hasher: extractor.hasher, dimension: options.features.dimension)

        // Calibration: fit the temperature on a held-out fifth, then train on everything.
        var temperature: Float = options.temperature ?? 1
        if options.temperature == nil && options.calibrate && examples.count >= 20 {
            var order = Array(examples.indices)
            var rng = SeededGenerator(seed: options.seed ^ 0xC0FFEE)
            rng.shuffle(&order)
            let heldOut = Set(order.prefix(max(1, examples.count / 5)))
            let trainIdx = examples.indices.filter { !heldOut.contains($0) }
            let testIdx = examples.indices.filter { heldOut.contains($0) }
            if Set(trainIdx.flatMap { targets[$0] }).count >= 2 {
                let (w, b) = sgd(vectors: trainIdx.map { vectors[$0] }, targets: trainIdx.map { targets[$0] },
                                 weights: trainIdx.map { weights[$0] }, classes: labels.count, options: options, initial: initial)
                let partial = try LinearTopicModel(labels: labels, extractor: extractor, weights: w, bias: b)
                let logits = testIdx.map { partial.logits(vectors[$0]) }
                temperature = fitTemperature(logits: logits, targets: testIdx.map { targets[$0] }, weights: testIdx.map { weights[$0] })
            }
        }
        let (w, b) = sgd(vectors: vectors, targets: targets, weights: weights, classes: labels.count, options: options, initial: initial)
        var provenance = options.provenance
        provenance["examples"] = String(examples.count)
        provenance["epochs"] = String(options.epochs)
        provenance["seed"] = String(options.seed)
        return try LinearTopicModel(
            labels: labels, displayLabels: labels.map { options.displayLabels[$0] ?? TopicTaxonomy.label(for: $0) },
            extractor: extractor, weights: w, bias: b, temperature: temperature, provenance: provenance)
    }

    /// `1 + log((n + 1) / (df + 1))` per bucket, the smoothed IDF.
    static func inverseDocumentFrequency(_ counts: [SparseVector], dimension: Int) -> [Float] {
        var df = [Int32](repeating: 0, count: dimension)
        for vector in counts { for i in vector.indices { df[Int(i)] += 1 } }
        let n = Float(counts.count)
        return df.map { 1 + logf((n + 1) / (Float($0) + 1)) }
    }

    /// Multinomial logistic regression by Adagrad, each example's gradient scaled by its weight,
    /// starting from `initial` (feature-major) or zero; returns feature-major weights and biases.
    static func sgd(
        vectors: [SparseVector], targets: [[Int]], weights exampleWeights: [Float], classes k: Int, options: TrainingOptions,
        initial: [Float]? = nil
    ) -> ([Float], [Float]) {
        let dimension = options.features.dimension
        var weights = initial ?? [Float](repeating: 0, count: dimension * k)
        var squares = [Float](repeating: 0, count: dimension * k)
        var biases = [Float](repeating: 0, count: k)
        var biasSquares = [Float](repeating: 0, count: k)
        var order = Array(vectors.indices)
        var rng = SeededGenerator(seed: options.seed)
        let eta = options.learningRate
        let l2 = options.l2
        let eps: Float = 1e-6
        let fitBias = options.fitBias
        let z = UnsafeMutableBufferPointer<Float>.allocate(capacity: k)
        let grad = UnsafeMutableBufferPointer<Float>.allocate(capacity: k)
        defer { z.deallocate(); grad.deallocate() }
        var epochs: [[Int]] = []
        for _ in 0..<options.epochs {
            rng.shuffle(&order)
            epochs.append(order)
        }
        weights.withUnsafeMutableBufferPointer { w in
            squares.withUnsafeMutableBufferPointer { g2 in
                biases.withUnsafeMutableBufferPointer { b in
                    biasSquares.withUnsafeMutableBufferPointer { gb in
                        for epoch in epochs {
                            for n in epoch {
                                let y = targets[n]
                                let weight = exampleWeights[n]
                                guard !y.isEmpty, weight > 0 else { continue }
                                vectors[n].indices.withUnsafeBufferPointer { xi in
                                    vectors[n].values.withUnsafeBufferPointer { xv in
                                        // Forward: z = softmax(W x + b).
                                        for c in 0..<k { z[c] = b[c] }
                                        for j in 0..<xi.count {
                                            let row = Int(xi[j]) &* k
                                            let v = xv[j]
                                            for c in 0..<k { z[c] += v * w[row &+ c] }
                                        }
                                        var m = z[0]
                                        for c in 1..<k where z[c] > m { m = z[c] }
                                        var sum: Float = 0
                                        for c in 0..<k { z[c] = expf(z[c] - m); sum += z[c] }
                                        let share = 1 / Float(y.count)
                                        for c in 0..<k { grad[c] = z[c] / sum }
                                        for c in y { grad[c] -= share }
                                        for c in 0..<k { grad[c] *= weight }
                                        // Adagrad step on the bias and on the rows of the words present.
                                        if fitBias {
                                            for c in 0..<k {
                                                gb[c] += grad[c] * grad[c]
                                                b[c] -= eta * grad[c] / (gb[c] + eps).squareRoot()
                                            }
                                        }
                                        for j in 0..<xi.count {
                                            let row = Int(xi[j]) &* k
                                            let v = xv[j]
                                            for c in 0..<k {
                                                let i = row &+ c
                                                let g = grad[c] * v + l2 * w[i]
                                                g2[i] += g * g
                                                w[i] -= eta * g / (g2[i] + eps).squareRoot()
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (weights, biases)
    }

    /// The softmax temperature in [0.05, 20] that minimises held-out negative log-likelihood (each
    /// example counted with its weight).
    static func fitTemperature(logits: [[Float]], targets: [[Int]], weights: [Float]? = nil) -> Float {
        func loss(_ t: Float) -> Double {
            var total = 0.0
            for (n, (z, y)) in zip(logits, targets).enumerated() where !y.isEmpty {
                let p = softmax(z, temperature: t)
                let weight = Double(weights?[n] ?? 1)
                for c in y { total -= weight * Double(logf(max(p[c], 1e-12))) / Double(y.count) }
            }
            return total
        }
        // Golden-section search on log T.
        var lo = logf(0.05), hi = logf(20)
        let phi: Float = 0.618_034
        var a = hi - phi * (hi - lo), c = lo + phi * (hi - lo)
        var fa = loss(expf(a)), fc = loss(expf(c))
        for _ in 0..<40 {
            if fa < fc {
                hi = c; c = a; fc = fa
                a = hi - phi * (hi - lo); fa = loss(expf(a))
            } else {
                lo = a; a = c; fa = fc
                c = lo + phi * (hi - lo); fc = loss(expf(c))
            }
        }
        return expf((lo + hi) / 2)
    }
}

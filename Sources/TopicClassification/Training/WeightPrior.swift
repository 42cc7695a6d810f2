/// Prior knowledge for ``LinearTopicModel/train(_:options:)``: indicative terms per label whose
/// features start training with a positive weight for that label instead of 0.
///
/// A term of one word starts its word's feature at `strength`; a phrase starts its word pairs (the
/// features that only the phrase has; stop words bridged as in the features) or, when its other words
/// are all stop words, its one word. Adagrad then moves every weight where the data disagrees, so a
/// term the data teaches well ends up where the data puts it, and a term the data rarely shows
/// (earthquake, gusts, picket line) keeps its prior: the prior carries a topic into long articles
/// whose other words the training data teaches for other topics.
public struct WeightPrior: Sendable, Hashable {
    /// Terms (lowercase words or phrases) by class label.
    public var terms: [String: [String]]
    /// The starting weight of a term's features for its label (on the logit scale before the
    /// temperature; a unit-length document whose weight is all on one term scores that much).
    public var strength: Float

    /// Creates a prior.
    public init(terms: [String: [String]], strength: Float) {
        self.terms = terms
        self.strength = strength
    }

    /// The starting weights, feature-major (`dimension × labels.count`), for `labels` in column order.
    func initialWeights(labels: [String], hasher: WordHasher, dimension: Int) -> [Float] {
        let k = labels.count
        var weights = [Float](repeating: 0, count: dimension * k)
        for (c, label) in labels.enumerated() {
            var buckets = Set<Int>()
            for term in terms[label] ?? [] {
                var words: [Int] = []
                var pairs: [Int] = []
                var copy = term
                var wordStart = -1
                copy.withUTF8 { bytes in
                    // A word's feature comes first, then the pair that ends with it (which starts earlier).
                    hasher.forEachFeature(inBytes: bytes) { bucket, range in
                        if range.lowerBound > wordStart {
                            words.append(bucket)
                            wordStart = range.lowerBound
                        } else {
                            pairs.append(bucket)
                        }
                    }
                }
                buckets.formUnion(pairs.isEmpty ? words : pairs)
            }
            for bucket in buckets { weights[bucket * k + c] += strength }
        }
        return weights
    }
}

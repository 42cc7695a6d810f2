@_spi(GazetteInternal) public import GazetteCore

/// Trains a ``PerceptronModel`` with the averaged perceptron: greedy left-to-right decoding on each
/// training article (with its own predicted labels as history, as at tagging time), an update
/// whenever the gold label does not beat every other allowed label by a margin (a wrong label
/// always), and weights averaged over all steps. Deterministic for a given seed.
public struct PerceptronTrainer {
    /// One training article: its features and gold labels per token.
    struct Example {
        var features: TokenFeatures
        var sentenceStarts: [Bool]
        var gold: [NERTag]
        /// The domain salt of its corpus (0 for news).
        var domain: UInt64
        /// The size of each update made on it (1 for news).
        var weight: Float
    }

    private var examples: [Example] = []
    private var extractor: FeatureExtractor

    /// Creates a trainer that extracts features with the cue lists `lexicons` and the word
    /// clusters `clusters` (which the trained model carries).
    public init(lexicons: RecognizerLexicons, clusters: WordClusters = WordClusters()) {
        self.extractor = FeatureExtractor(lexicons: lexicons, clusters: clusters)
    }

    /// Whether words beyond ASCII get letter suffixes and Cyrillic stems as features: set it for a
    /// model of another language than English, before adding articles (``MultilingualRecognizers``).
    public var letterFeatures: Bool {
        get { extractor.letterFeatures }
        set { extractor.letterFeatures = newValue }
    }

    /// Number of training tokens added.
    public private(set) var tokenCount = 0

    /// Adds an analysed article (tokens and candidates filled) with one gold label per token;
    /// `domain` numbers its corpus (0 for news, the domain tagged; see
    /// ``FeatureExtractor/domain(_:)``); `weight` is the size of the perceptron updates made on it
    /// (below 1: its mistakes move the weights less than those on news).
    public mutating func add(_ article: Article, gold: [NERTag], domain: Int = 0, weight: Float = 1) {
        precondition(gold.count == article.tokens.count, "one gold label per token")
        extractor.domain = FeatureExtractor.domain(domain)
        var text = article.text
        let features = text.withUTF8 { extractor.extract($0, tokens: article.tokens, candidates: article.candidates) }
        examples.append(Example(features: features, sentenceStarts: article.tokens.map(\.startsSentence), gold: gold, domain: extractor.domain, weight: weight))
        tokenCount += gold.count
    }

    /// Trains for `epochs` passes with `2^bits` weight rows; `progress` gets the epoch number and
    /// its token error rate.
    ///
    /// `margin` makes the update loss-augmented (a perceptron with margin): a token is updated
    /// against the label that scores highest once every label but the gold one gets `margin` added,
    /// so a right label that wins narrowly still moves the weights (in units of one update on news;
    /// 0 is the plain perceptron). The labels the decoder carries on with are the plain best ones,
    /// as at tagging time.
    public func train(epochs: Int, bits: Int = 18, seed: UInt64 = 20_031, margin: Float = 0, progress: (Int, Double) -> Void = { _, _ in }) -> PerceptronModel {
        let width = NERTag.count
        let size = (1 << bits) * width
        var weights = [Float](repeating: 0, count: size)
        var totals = [Double](repeating: 0, count: size)
        var stamps = [Int32](repeating: 0, count: size)
        var step: Int32 = 1
        let shift = UInt64(64 - bits)
        var order = Array(examples.indices)
        var rng = SplitMix(seed: seed)

        weights.withUnsafeMutableBufferPointer { w in
            totals.withUnsafeMutableBufferPointer { tot in
                stamps.withUnsafeMutableBufferPointer { st in
                    guard let wp = w.baseAddress, let tp = tot.baseAddress, let sp0 = st.baseAddress else { return }
                    @inline(__always) func update(_ i: Int, _ v: Float) {
                        tp[i] += Double(step - sp0[i]) * Double(wp[i])
                        sp0[i] = step
                        wp[i] += v
                    }
                    var scores = [Float](repeating: 0, count: width)
                    // The label features, and for another domain than news their domain copies too.
                    var dynamic = [UInt64](repeating: 0, count: 2 * DynamicFeatures.count)
                    for epoch in 1...max(1, epochs) {
                        // Fisher–Yates with a fixed seed.
                        for i in stride(from: order.count - 1, to: 0, by: -1) {
                            let j = Int(rng.next() % UInt64(i + 1))
                            order.swapAt(i, j)
                        }
                        var errors = 0, seen = 0
                        for e in order {
                            let ex = examples[e]
                            let f = ex.features
                            let n = f.count
                            var tags = [NERTag](repeating: .outside, count: n)
                            var history = WordTable<UInt8>(capacity: 256)
                            for k in 0..<n {
                                let atStart = k == 0 || ex.sentenceStarts[k]
                                let previousTag: NERTag = atStart ? .outside : tags[k - 1]
                                let previous = atStart ? DynamicFeatures.sentenceStart : UInt64(tags[k - 1].rawValue)
                                let previous2 = atStart || k < 2 || ex.sentenceStarts[k - 1] ? DynamicFeatures.sentenceStart : UInt64(tags[k - 2].rawValue)
                                let remembered = f.caseClass[k] >= CaseClass.capitalized ? history[f.lower[k]] : 0
                                dynamic.withUnsafeMutableBufferPointer { d in
                                    if let dp = d.baseAddress {
                                        DynamicFeatures.write(k, previous: previous, previous2: previous2, history: remembered, features: f, into: dp)
                                    }
                                }
                                let dynamicCount = ex.domain == 0 ? DynamicFeatures.count : 2 * DynamicFeatures.count
                                for i in DynamicFeatures.count..<dynamicCount { dynamic[i] = FeatureHash.combine(dynamic[i - DynamicFeatures.count], ex.domain) }
                                for t in 0..<width { scores[t] = 0 }
                                let lo = Int(f.offsets[k]), hi = Int(f.offsets[k + 1])
                                for i in lo..<hi {
                                    let base = Int(truncatingIfNeeded: f.hashes[i] >> shift) &* width
                                    for t in 0..<width { scores[t] += wp[base + t] }
                                }
                                for h in dynamic[0..<dynamicCount] {
                                    let base = Int(truncatingIfNeeded: h >> shift) &* width
                                    for t in 0..<width { scores[t] += wp[base + t] }
                                }
                                let gold = Int(ex.gold[k].rawValue)
                                var best = 0, bestScore = -Float.infinity
                                var rival = 0, rivalScore = -Float.infinity
                                for t in 0..<width {
                                    guard let tag = NERTag(rawValue: UInt8(t)), tag.canFollow(previousTag) else { continue }
                                    if scores[t] > bestScore { bestScore = scores[t]; best = t }
                                    let augmented = t == gold ? scores[t] : scores[t] + margin
                                    if augmented > rivalScore { rivalScore = augmented; rival = t }
                                }
                                if best != gold { errors += 1 }
                                if rival != gold {
                                    let v = ex.weight
                                    for i in lo..<hi {
                                        let base = Int(truncatingIfNeeded: f.hashes[i] >> shift) &* width
                                        update(base + gold, v)
                                        update(base + rival, -v)
                                    }
                                    for h in dynamic[0..<dynamicCount] {
                                        let base = Int(truncatingIfNeeded: h >> shift) &* width
                                        update(base + gold, v)
                                        update(base + rival, -v)
                                    }
                                }
                                let tag = NERTag(rawValue: UInt8(best)) ?? .outside
                                tags[k] = tag
                                if f.caseClass[k] >= CaseClass.capitalized {
                                    DynamicFeatures.remember(&history, f.lower[k], tag)
                                }
                                step += 1
                                seen += 1
                            }
                        }
                        progress(epoch, seen > 0 ? Double(errors) / Double(seen) : 0)
                    }
                    // Average.
                    let steps = Double(step)
                    for i in 0..<size {
                        let total = tp[i] + Double(step - sp0[i]) * Double(wp[i])
                        wp[i] = Float(total / steps)
                    }
                }
            }
        }
        var model = PerceptronModel(bits: bits, clusters: extractor.clusters)
        model.weights = weights
        return model
    }
}

/// A small deterministic random generator for shuffling training data: splitmix64 with one more
/// golden increment before the finaliser than ``StableHash/Generator`` (the shipped model was
/// trained with this sequence, so it stays).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= StableHash.golden
        return StableHash.mix(state)
    }
}

import GazetteCore

/// The features that depend on labels already predicted: the previous two labels, their
/// combination with the word and shape, and what the same word was labelled earlier in the article.
enum DynamicFeatures {
    /// Number of dynamic features per token.
    static let count = 5
    /// The label code used before the first token of a sentence.
    static let sentenceStart: UInt64 = 15

    /// Writes token `k`'s dynamic feature hashes into `out` (room for ``count``).
    @inline(__always)
    static func write(_ k: Int, previous: UInt64, previous2: UInt64, history: UInt8, features: TokenFeatures, into out: UnsafeMutablePointer<UInt64>) {
        typealias T = FeatureExtractor.Template
        out[0] = FeatureExtractor.feature(T.tagPrev, previous)
        out[1] = FeatureExtractor.feature(T.tagPrev2, previous &* 31 &+ previous2)
        out[2] = FeatureExtractor.feature(T.tagPrevWord, FeatureHash.combine(previous, features.lower[k]))
        out[3] = FeatureExtractor.feature(T.tagPrevShape, FeatureHash.combine(previous, features.shape[k]))
        out[4] = FeatureExtractor.feature(T.history, UInt64(history) << 8 | UInt64(features.caseClass[k]))
    }

    /// The history value to remember for a token labelled `tag` (0 = not remembered).
    @inline(__always)
    static func historyValue(_ tag: NERTag) -> UInt8 { UInt8(tag.spanClass + 1) }
}

/// The state of a greedy left-to-right decode of one article, which may be fed in blocks of
/// tokens: the labels so far and how each word was labelled earlier.
struct DecoderState {
    /// One label per token of the article (`.outside` until decoded).
    var tags: [NERTag]
    /// Per token, the score margin of the chosen label over the best other allowed label.
    var margins: [Float]
    /// Words (lower-cased hashes) written with a capital, with the class they were last labelled.
    var history = WordTable<UInt8>(capacity: 256)

    /// A state for an article of `count` tokens.
    init(count: Int) {
        tags = [NERTag](repeating: .outside, count: count)
        margins = [Float](repeating: 0, count: count)
    }
}

extension PerceptronModel {
    /// Labels the tokens of one article greedily, left to right; returns the labels and, per
    /// token, the score margin of the chosen label over the best other allowed label.
    func label(_ features: TokenFeatures, tokens: [Token]) -> (tags: [NERTag], margins: [Float]) {
        var state = DecoderState(count: features.count)
        decode(0..<features.count, features: features, tokens: tokens, state: &state)
        return (state.tags, state.margins)
    }

    /// Labels the tokens in `range`, whose feature hashes `features` holds (token `k`'s at
    /// `offsets[k - range.lowerBound]`); blocks must come in order, each starting where the last ended.
    func decode(_ range: Range<Int>, features: TokenFeatures, tokens: [Token], state: inout DecoderState) {
        guard !range.isEmpty else { return }
        let base = range.lowerBound
        let stride = NERTag.count
        let shift = UInt64(64 - bits)
        weights.withUnsafeBufferPointer { w in
            features.hashes.withUnsafeBufferPointer { hashes in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: stride) { scores in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: DynamicFeatures.count) { dynamic in
                        guard let wp = w.baseAddress, let sp = scores.baseAddress, let dp = dynamic.baseAddress else { return }
                        for k in range {
                            let atStart = k == 0 || tokens[k].startsSentence
                            let previousTag: NERTag = atStart ? .outside : state.tags[k - 1]
                            let previous = atStart ? DynamicFeatures.sentenceStart : UInt64(state.tags[k - 1].rawValue)
                            let previous2 = atStart || k < 2 || tokens[k - 1].startsSentence ? DynamicFeatures.sentenceStart : UInt64(state.tags[k - 2].rawValue)
                            let remembered = features.caseClass[k] >= CaseClass.capitalized ? state.history[features.lower[k]] : 0
                            DynamicFeatures.write(k, previous: previous, previous2: previous2, history: remembered, features: features, into: dp)
                            for t in 0..<stride { sp[t] = 0 }
                            let lo = Int(features.offsets[k - base]), hi = Int(features.offsets[k - base + 1])
                            for f in lo..<hi {
                                let row = wp + Int(truncatingIfNeeded: hashes[f] >> shift) &* stride
                                for t in 0..<stride { sp[t] += row[t] }
                            }
                            for f in 0..<DynamicFeatures.count {
                                let row = wp + Int(truncatingIfNeeded: dp[f] >> shift) &* stride
                                for t in 0..<stride { sp[t] += row[t] }
                            }
                            var best = 0
                            var bestScore = -Float.infinity
                            var second = -Float.infinity
                            for t in 0..<stride {
                                guard let tag = NERTag(rawValue: UInt8(t)), tag.canFollow(previousTag) else { continue }
                                let s = sp[t]
                                if s > bestScore {
                                    second = bestScore
                                    bestScore = s
                                    best = t
                                } else if s > second {
                                    second = s
                                }
                            }
                            let tag = NERTag(rawValue: UInt8(best)) ?? .outside
                            state.tags[k] = tag
                            state.margins[k] = bestScore - second
                            if features.caseClass[k] >= CaseClass.capitalized {
                                state.history.set(features.lower[k], DynamicFeatures.historyValue(tag))
                            }
                        }
                    }
                }
            }
        }
    }
}

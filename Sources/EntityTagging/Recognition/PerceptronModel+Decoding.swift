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

    /// Remembers that a capitalised word was labelled `tag`: the history of a word is the set of
    /// span classes (O, PER, LOC, ORG, MISC) it has had so far in the article, so a name tagged
    /// once pulls its later mentions the same way and a word seen as both stays undecided.
    @inline(__always)
    static func remember(_ history: inout WordTable<UInt8>, _ word: UInt64, _ tag: NERTag) {
        history.insertBits(word, UInt8(1) << UInt8(tag.spanClass))
    }
}

/// The state of a greedy left-to-right decode of one article, which may be fed in blocks of
/// tokens: the labels so far and how each word was labelled earlier.
struct DecoderState {
    /// One label per token of the article (`.outside` until decoded).
    var tags: [NERTag]
    /// Per token, the score margin of the chosen label over the best other allowed label.
    var margins: [Float]
    /// Words (lower-cased hashes) written with a capital, with the classes they were labelled.
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
        let scale = self.scale
        quantizedWeights.withUnsafeBufferPointer { w in
            features.hashes.withUnsafeBufferPointer { hashes in
                // Pass 1: the static features' scores of every token in the block. No token waits for
                // another here, so the processor overlaps the table look-ups (cache misses) of many.
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: range.count * stride) { statics in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: DynamicFeatures.count) { dynamic in
                        guard let wp = w.baseAddress, let sp0 = statics.baseAddress, let dp = dynamic.baseAddress else { return }
                        for k in range {
                            let sp = sp0 + (k - base) * stride
                            let lo = Int(features.offsets[k - base]), hi = Int(features.offsets[k - base + 1])
                            if stride == 9 {
                                // Nine labels: eight summed as one vector, the ninth alone.
                                var sum = SIMD8<Int32>(repeating: 0)
                                var ninth: Int32 = 0
                                for f in lo..<hi {
                                    let row = wp + Int(truncatingIfNeeded: hashes[f] >> shift) &* 9
                                    sum &+= SIMD8<Int32>(truncatingIfNeeded: UnsafeRawPointer(row).loadUnaligned(as: SIMD8<Int16>.self))
                                    ninth &+= Int32(row[8])
                                }
                                UnsafeMutableRawPointer(sp).storeBytes(of: sum, as: SIMD8<Int32>.self)
                                sp[8] = ninth
                            } else {
                                for t in 0..<stride { sp[t] = 0 }
                                for f in lo..<hi {
                                    let row = wp + Int(truncatingIfNeeded: hashes[f] >> shift) &* stride
                                    for t in 0..<stride { sp[t] &+= Int32(row[t]) }
                                }
                            }
                        }
                        // Pass 2: left to right, the features of the labels already chosen.
                        for k in range {
                            let sp = sp0 + (k - base) * stride
                            let atStart = k == 0 || tokens[k].startsSentence
                            let previousTag: NERTag = atStart ? .outside : state.tags[k - 1]
                            let previous = atStart ? DynamicFeatures.sentenceStart : UInt64(state.tags[k - 1].rawValue)
                            let previous2 = atStart || k < 2 || tokens[k - 1].startsSentence ? DynamicFeatures.sentenceStart : UInt64(state.tags[k - 2].rawValue)
                            let remembered = features.caseClass[k] >= CaseClass.capitalized ? state.history[features.lower[k]] : 0
                            DynamicFeatures.write(k, previous: previous, previous2: previous2, history: remembered, features: features, into: dp)
                            if stride == 9 {
                                var sum = UnsafeRawPointer(sp).loadUnaligned(as: SIMD8<Int32>.self)
                                for f in 0..<DynamicFeatures.count {
                                    let row = wp + Int(truncatingIfNeeded: dp[f] >> shift) &* 9
                                    sum &+= SIMD8<Int32>(truncatingIfNeeded: UnsafeRawPointer(row).loadUnaligned(as: SIMD8<Int16>.self))
                                    sp[8] &+= Int32(row[8])
                                }
                                UnsafeMutableRawPointer(sp).storeBytes(of: sum, as: SIMD8<Int32>.self)
                            } else {
                                for f in 0..<DynamicFeatures.count {
                                    let row = wp + Int(truncatingIfNeeded: dp[f] >> shift) &* stride
                                    for t in 0..<stride { sp[t] &+= Int32(row[t]) }
                                }
                            }
                            var best = 0
                            var bestScore = Int32.min
                            var second = Int32.min
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
                            state.margins[k] = second == Int32.min ? .infinity : Float(bestScore - second) * scale
                            if features.caseClass[k] >= CaseClass.capitalized {
                                DynamicFeatures.remember(&state.history, features.lower[k], tag)
                            }
                        }
                    }
                }
            }
        }
    }
}

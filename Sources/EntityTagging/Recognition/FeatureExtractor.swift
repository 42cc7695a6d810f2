import GazetteCore
import TextAnalysis

/// Turns an article's tokens, gazetteer candidates and lexicon cues into the tagger's static
/// feature hashes (the features that do not depend on predicted labels).
///
/// Every feature is `combine(template, value)` over 64-bit hashes of bytes: no strings are built.
struct FeatureExtractor: Sendable {
    /// The cue lists.
    let lexicons: RecognizerLexicons
    /// The distributional word clusters.
    let clusters: WordClusters

    /// Template ids; changing their meaning needs a retrained model (bump ``PerceptronModel/featureVersion``).
    enum Template: UInt64 {
        case bias = 1, word, shape, shapeLength, suffix2, suffix3, suffix4, prefix2, prefix3
        case wordPrev, wordNext, wordPrev2, wordNext2, shapePrev, shapeNext, shapePrevHere, shapeHereNext
        case wordPrevHere, wordHereNext, initialShape, capsSentenceWord, document, documentCaps
        case gazetteer, gazetteerSubtype, gazetteerAmbiguous, gazetteerCase, gazetteerPrev, gazetteerNext
        case lexicon, lexiconPrev, lexiconNext, lexiconNext2, lexiconPrevCase, lexiconNextCase, dateline
        case shapeWindow, capsSentenceShape, gazetteerPrevHere, wordPrevCase
        case clusterCoarse, clusterMiddle, clusterFine, clusterPrev, clusterNext, clusterPrevHere
        // Models of other languages than English only (``letterFeatures``): suffixes in letters, not
        // bytes, and the stem of a declined Cyrillic word (Путина, Путину → путин).
        case letterSuffix2, letterSuffix3, letterSuffix4, cyrillicStem
        // Dynamic templates (added by the decoder).
        case tagPrev = 100, tagPrev2, tagPrevWord, tagPrevShape, history, historyWord, tagPrevLexicon
    }

    @inline(__always)
    static func feature(_ t: Template, _ v: UInt64) -> UInt64 { FeatureHash.combine(t.rawValue, v) }

    /// Feature augmentation for domain adaptation: when training on other text than news
    /// (encyclopaedia, tweets, web forums), every feature, static and label, also gets a copy salted
    /// with that corpus; news, the reference domain, has no copies. The shared weights learn news and
    /// what holds everywhere, each other corpus's copies absorb its own conventions (no MISC in
    /// tweets, `@` handles as people, few `X of Y` names); tagging, always news, computes no copies.
    ///
    /// The domain salt of training corpus `k`: 0 (no copies) for news, the domain Gazette tags.
    static func domain(_ k: Int) -> UInt64 { k == 0 ? 0 : FeatureHash.value(1_000 + k) }

    /// The salt of the text domain whose copies the features get (0: news, none).
    var domain: UInt64 = 0
    /// Whether words beyond ASCII also get their letter suffixes and Cyrillic stems (the models of
    /// other languages than English, ``MultilingualRecognizers``; the English model has none).
    package var letterFeatures = false

    /// Sentinel hashes for positions before the sentence start and after its end.
    static let before = FeatureHash.value(-1)
    static let after = FeatureHash.value(-2)

    /// What the feature pass needs besides the per-token values kept in ``TokenFeatures``.
    struct Layers {
        /// Surface properties per token.
        var surfaces: [TokenSurface] = []
        /// How each word is written across the article.
        var document = WordTable<UInt8>(capacity: 0)
        /// Packed word-cluster ids per token (see ``WordClusters``).
        var clusters: [UInt32] = []
    }

    /// Extracts all features for `tokens` of `bytes` at once (training and evaluation; tagging a
    /// long article goes block by block with ``prepare(_:tokens:candidates:)`` and
    /// ``fillHashes(_:tokens:candidates:layers:into:range:)`` instead).
    func extract(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate]) -> TokenFeatures {
        var (features, layers) = prepare(bytes, tokens: tokens, candidates: candidates)
        fillHashes(bytes, tokens: tokens, candidates: candidates, layers: layers, into: &features, range: 0..<tokens.count)
        return features
    }

    /// Computes every per-token value of the article (surfaces, sentences, document memory,
    /// gazetteer layer, cues), leaving the feature hashes empty.
    func prepare(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate]) -> (TokenFeatures, Layers) {
        let n = tokens.count
        var out = TokenFeatures()
        var layers = Layers()
        out.lower.reserveCapacity(n)
        out.shape.reserveCapacity(n)
        out.caseClass.reserveCapacity(n)
        out.domain = domain
        guard n > 0 else { return (out, layers) }

        // Pass 1: surfaces, lexicon flags, sentences.
        var surfaces: [TokenSurface] = []
        surfaces.reserveCapacity(n)
        var lex: [RecognizerLexicons.Flags] = []
        lex.reserveCapacity(n)
        var clusterIDs: [UInt32] = []
        clusterIDs.reserveCapacity(n)
        for t in tokens {
            let s = TokenSurface(bytes, t.range.start, t.range.end)
            surfaces.append(s)
            lex.append(s.hasLetter ? lexicons.flags(s.lower) : [])
            clusterIDs.append(s.hasLetter ? clusters.ids(s.lower) : 0)
            out.lower.append(s.lower)
            out.shape.append(s.shape)
            out.caseClass.append(s.caseClass)
        }
        // Caps sentences (headlines, tables) and sentence bounds.
        var sentenceStart = [Int](repeating: 0, count: n)
        var sentenceEnd = [Int](repeating: n, count: n)
        var capsSentence = [Bool](repeating: false, count: n)
        var dateline = [UInt8](repeating: 0, count: n)
        var i = 0
        while i < n {
            var j = i + 1
            while j < n, !tokens[j].startsSentence { j += 1 }
            var letterWords = 0, capsWords = 0
            for k in i..<j where surfaces[k].hasLetter {
                letterWords += 1
                if surfaces[k].caseClass == CaseClass.allCaps || surfaces[k].caseClass == CaseClass.initial { capsWords += 1 }
            }
            let caps = letterWords >= 2 && capsWords * 5 >= letterWords * 4
            for k in i..<j {
                sentenceStart[k] = i
                sentenceEnd[k] = j
                capsSentence[k] = caps
            }
            markDateline(bytes, tokens, surfaces, from: i, to: j, into: &dateline)
            i = j
        }
        // Document memory: how each word is written elsewhere in the article.
        var document = WordTable<UInt8>(capacity: n / 2)
        for k in 0..<n where surfaces[k].hasLetter {
            var bit: UInt8 = 0
            let s = surfaces[k]
            if capsSentence[k] {
                bit = 0
            } else if s.caseClass == CaseClass.lower {
                bit = 1
            } else if s.caseClass == CaseClass.capitalized {
                bit = tokens[k].startsSentence ? 4 : 2
            } else if s.caseClass == CaseClass.allCaps {
                bit = 8
            }
            if bit != 0 { document.insertBits(s.lower, bit) }
        }
        // Gazetteer layer: the longest candidate covering each token.
        var candidateAt = [Int32](repeating: -1, count: n)
        for (c, candidate) in candidates.enumerated() {
            let lo = max(0, candidate.tokens.lowerBound), hi = min(n, candidate.tokens.upperBound)
            guard lo < hi else { continue }
            for k in lo..<hi {
                let current = candidateAt[k]
                if current < 0 || candidates[Int(current)].tokens.count < candidate.tokens.count { candidateAt[k] = Int32(c) }
            }
        }
        out.cues = lex
        out.capsSentence = capsSentence
        out.dateline = dateline
        out.sentenceStart = sentenceStart
        out.sentenceEnd = sentenceEnd
        out.candidateAt = candidateAt
        layers.surfaces = surfaces
        layers.document = document
        layers.clusters = clusterIDs
        return (out, layers)
    }

    /// Replaces the feature hashes of `features` with those of the tokens in `range`: afterwards
    /// token `k`'s features are `hashes[offsets[k - range.lowerBound]..<offsets[k - range.lowerBound + 1]]`.
    /// A token's features do not depend on the range it is computed in.
    func fillHashes(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], layers: Layers,
        into features: inout TokenFeatures, range: Range<Int>
    ) {
        // The hashes are written through a pointer into a buffer sized for the block's worst case
        // (``FeatureWriter``): an array append per feature, with its uniqueness and capacity
        // checks, cost a sixth of the recogniser.
        let capacity = range.count * Self.maxFeaturesPerToken * (features.domain != 0 ? 2 : 1)
        var offsets: [Int32] = []
        swap(&offsets, &features.offsets)
        offsets.removeAll(keepingCapacity: true)
        offsets.reserveCapacity(range.count + 1)
        offsets.append(0)
        features.hashes = []
        let current = features
        features.hashes = [UInt64](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            var out = FeatureWriter(base: base, capacity: capacity, domain: current.domain, offsets: offsets)
            offsets = []
            fillHashes(bytes, tokens: tokens, candidates: candidates, layers: layers, features: current, range: range, into: &out)
            offsets = out.offsets
            initialized = out.count
        }
        features.offsets = offsets
    }

    /// Most feature hashes one token can have (news, without domain copies): the fixed templates,
    /// letter features, and up to 16 cue lists of the token and of each neighbour.
    static let maxFeaturesPerToken = 160

    private func fillHashes(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], layers: Layers,
        features: TokenFeatures, range: Range<Int>, into out: inout FeatureWriter
    ) {
        let n = tokens.count
        let surfaces = layers.surfaces, document = layers.document, clusterIDs = layers.clusters
        let sentenceStart = features.sentenceStart, sentenceEnd = features.sentenceEnd, capsSentence = features.capsSentence
        let candidateAt = features.candidateAt, lex = features.cues, dateline = features.dateline
        func gazetteerCode(_ k: Int) -> (position: UInt64, mask: UInt64)? {
            guard k >= 0, k < n, candidateAt[k] >= 0 else { return nil }
            let c = candidates[Int(candidateAt[k])]
            let first = c.tokens.lowerBound, last = c.tokens.upperBound - 1
            let position: UInt64 = first == last ? 4 : (k == first ? 1 : (k == last ? 3 : 2))
            var mask: UInt64 = 0
            for e in c.entries {
                switch e.type {
                case .person: mask |= 1
                case .place: mask |= 2
                case .organization: mask |= 4
                }
            }
            return (position, mask)
        }

        // Pass 2: features.
        for k in range {
            let s = surfaces[k]
            let start = sentenceStart[k], end = sentenceEnd[k]
            let word = s.lower
            let wPrev = k - 1 >= start ? surfaces[k - 1].lower : Self.before
            let wNext = k + 1 < end ? surfaces[k + 1].lower : Self.after
            let wPrev2 = k - 2 >= start ? surfaces[k - 2].lower : Self.before
            let wNext2 = k + 2 < end ? surfaces[k + 2].lower : Self.after
            let sPrev = k - 1 >= start ? surfaces[k - 1].shape : Self.before
            let sNext = k + 1 < end ? surfaces[k + 1].shape : Self.after
            let caps = capsSentence[k]
            let initial = k == start
            let caseHere = UInt64(s.caseClass) | (caps ? 8 : 0) | (initial ? 16 : 0)
            defer { out.endToken() }

            out.add(.bias, 0)
            out.add(.word, word)
            out.add(.shape, s.shape)
            out.add(.shapeLength, FeatureHash.combine(s.shape, UInt64(min(s.length, 8))))
            let r = tokens[k].range
            let len = r.count
            if s.hasLetter {
                if len > 2 { out.add(.suffix2, FeatureHash.lowercased(bytes, r.end - 2, r.end)) }
                if len > 3 { out.add(.suffix3, FeatureHash.lowercased(bytes, r.end - 3, r.end)) }
                if len > 4 { out.add(.suffix4, FeatureHash.lowercased(bytes, r.end - 4, r.end)) }
                if len > 2 { out.add(.prefix2, FeatureHash.lowercased(bytes, r.start, r.start + 2)) }
                if len > 3 { out.add(.prefix3, FeatureHash.lowercased(bytes, r.start, r.start + 3)) }
                if letterFeatures { addLetterFeatures(bytes, r, into: &out) }
            }
            out.add(.wordPrev, wPrev)
            out.add(.wordNext, wNext)
            out.add(.wordPrev2, wPrev2)
            out.add(.wordNext2, wNext2)
            out.add(.shapePrev, sPrev)
            out.add(.shapeNext, sNext)
            out.add(.shapePrevHere, FeatureHash.combine(sPrev, s.shape))
            out.add(.shapeHereNext, FeatureHash.combine(s.shape, sNext))
            out.add(.shapeWindow, FeatureHash.combine(FeatureHash.combine(sPrev, s.shape), sNext))
            out.add(.wordPrevHere, FeatureHash.combine(wPrev, word))
            out.add(.wordHereNext, FeatureHash.combine(word, wNext))
            out.add(.wordPrevCase, FeatureHash.combine(wPrev, caseHere))
            if initial { out.add(.initialShape, s.shape) }
            // Word clusters: the word's at three granularities (the coarse one with its case), the
            // neighbours' middle ones.
            let cluster = clusterIDs[k]
            let clusterPrev = k - 1 >= start ? WordClusters.level(clusterIDs[k - 1], 1) : Self.before
            let clusterNext = k + 1 < end ? WordClusters.level(clusterIDs[k + 1], 1) : Self.after
            if s.hasLetter {
                out.add(.clusterCoarse, FeatureHash.combine(WordClusters.level(cluster, 0), caseHere))
                out.add(.clusterMiddle, WordClusters.level(cluster, 1))
                out.add(.clusterFine, WordClusters.level(cluster, 2))
                out.add(.clusterPrevHere, FeatureHash.combine(clusterPrev, WordClusters.level(cluster, 1)))
            }
            out.add(.clusterPrev, FeatureHash.combine(clusterPrev, caseHere))
            out.add(.clusterNext, FeatureHash.combine(clusterNext, caseHere))
            if caps {
                out.add(.capsSentenceWord, word)
                out.add(.capsSentenceShape, FeatureHash.combine(s.shape, sNext))
            }
            if s.hasLetter {
                let seen = UInt64(document[word])
                out.add(.document, FeatureHash.combine(seen, caseHere))
                if caps || initial || s.caseClass == CaseClass.allCaps { out.add(.documentCaps, FeatureHash.combine(seen, word)) }
            }
            if let g = gazetteerCode(k) {
                let c = candidates[Int(candidateAt[k])]
                out.add(.gazetteer, FeatureHash.combine(g.position << 8 | g.mask, c.exactCase ? 1 : 0))
                out.add(.gazetteerCase, FeatureHash.combine(g.mask, caseHere))
                if let e = c.entries.first {
                    out.add(.gazetteerSubtype, FeatureHash.combine(FeatureHash.lowercased(e.type.rawValue), FeatureHash.lowercased(e.subtype)))
                }
                let ambiguous = c.entries.contains { $0.ambiguous } || c.entries.count > 1
                out.add(.gazetteerAmbiguous, FeatureHash.combine(g.mask, ambiguous ? 1 : 0))
                if let p = gazetteerCode(k - 1) {
                    out.add(.gazetteerPrevHere, FeatureHash.combine(p.mask << 8 | p.position, g.mask << 8 | g.position))
                }
            } else {
                out.add(.gazetteer, 0)
            }
            if let g = gazetteerCode(k - 1) { out.add(.gazetteerPrev, g.position << 8 | g.mask) }
            if let g = gazetteerCode(k + 1) { out.add(.gazetteerNext, g.position << 8 | g.mask) }
            // Lexicon cues here and around.
            let here = lex[k].rawValue
            if here != 0 {
                var bits = here
                while bits != 0 {
                    let b = UInt64(bits.trailingZeroBitCount)
                    out.add(.lexicon, FeatureHash.combine(b, caseHere))
                    bits &= bits - 1
                }
            }
            if k - 1 >= start, lex[k - 1].rawValue != 0 {
                var bits = lex[k - 1].rawValue
                while bits != 0 {
                    let b = UInt64(bits.trailingZeroBitCount)
                    out.add(.lexiconPrev, b)
                    out.add(.lexiconPrevCase, FeatureHash.combine(b, caseHere))
                    bits &= bits - 1
                }
            }
            if k + 1 < end, lex[k + 1].rawValue != 0 {
                var bits = lex[k + 1].rawValue
                while bits != 0 {
                    let b = UInt64(bits.trailingZeroBitCount)
                    out.add(.lexiconNext, b)
                    out.add(.lexiconNextCase, FeatureHash.combine(b, caseHere | UInt64(surfaces[k + 1].caseClass) << 8))
                    bits &= bits - 1
                }
            }
            if k + 2 < end {
                let f = lex[k + 2].intersection([.orgSuffix, .placeSuffix])
                if !f.isEmpty, surfaces[k + 1].caseClass >= CaseClass.capitalized {
                    out.add(.lexiconNext2, FeatureHash.combine(UInt64(f.rawValue), caseHere))
                }
            }
            if dateline[k] != 0 { out.add(.dateline, FeatureHash.combine(UInt64(dateline[k]), caseHere)) }
        }
    }

    /// The features of a word with letters beyond ASCII: its last 2, 3 and 4
    /// letters (the byte suffixes cut Cyrillic letters in half) and, for a Cyrillic word, its stem.
    private func addLetterFeatures(_ bytes: UnsafeBufferPointer<UInt8>, _ r: TextRange, into out: inout FeatureWriter) {
        var ascii = true
        for i in r.start..<r.end where bytes[i] >= 0x80 { ascii = false; break }
        guard !ascii else { return }
        var starts: [Int] = []
        var i = r.end
        while i > r.start, starts.count < 4 {
            i -= 1
            while i > r.start, bytes[i] & 0xC0 == 0x80 { i -= 1 }
            starts.append(i)
        }
        let templates: [Template] = [.letterSuffix2, .letterSuffix3, .letterSuffix4]
        for (n, template) in templates.enumerated() where n + 1 < starts.count && starts[n + 1] > r.start {
            out.add(template, FeatureHash.lowercased(bytes, starts[n + 1], r.end))
        }
        let word = UnsafeBufferPointer(rebasing: bytes[r.start..<r.end])
        if CyrillicNames.startsCyrillic(word), let stems = CyrillicNames.stems(word) {
            out.add(.cyrillicStem, TokenHash.string(stems.oblique))
        }
    }

    /// Marks the leading capitalised words of a dateline sentence (`MOSCOW —`, `BRUSSELS 1996-08-22`,
    /// `WASHINGTON (Reuters) -`): 1 before a dash or bracket, 2 before a year-like number, 3 before a comma.
    private func markDateline(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ surfaces: [TokenSurface], from: Int, to: Int, into dateline: inout [UInt8]) {
        var k = from
        while k < to, k - from < 4, surfaces[k].caseClass == CaseClass.allCaps { k += 1 }
        guard k > from, k < to else { return }
        let t = tokens[k]
        var kind: UInt8 = 0
        if t.kind == .punctuation {
            let b = bytes[t.range.start]
            if b == 0x2D || b == 0x28 || (b == 0xE2 && t.range.count == 3 && bytes[t.range.start + 1] == 0x80 && (bytes[t.range.start + 2] == 0x94 || bytes[t.range.start + 2] == 0x93)) {
                kind = 1
            } else if b == 0x2C {
                kind = 3
            }
        } else if t.kind == .number, t.range.count == 4 {
            kind = 2
        }
        guard kind != 0 else { return }
        for m in from..<k { dateline[m] = kind }
    }
}

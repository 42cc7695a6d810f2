import GazetteCore

/// The explicit rules that run after the model, each named in the `source` of the mentions it
/// makes (`rule:<name>`).
enum RecognitionRule {
    /// Names by rule number (0 is the model itself).
    static let names = ["model", "title-person", "given-name", "org-suffix", "org-of", "nationality-body", "place-suffix", "dateline", "hyphen-compound",
                        "bracket-split", "determiner", "product-model", "gazetteer-prior", "attributive", "person-context", "team"]
    /// A title or role word, then capitalised words the model left untagged: a person (`President X`).
    static let titlePerson: UInt8 = 1
    /// A listed given name, then a capitalised surname the model left untagged: a person.
    static let givenName: UInt8 = 2
    /// Capitalised words ending in an organisation word: one organisation (`Kherson City Court`, `X Inc.`).
    static let orgSuffix: UInt8 = 3
    /// An organisation word, `of`, capitalised words: one organisation (`Ministry of Defence`).
    static let orgOf: UInt8 = 4
    /// A nationality before a body: one organisation (`Russian Foreign Ministry`).
    static let nationalityBody: UInt8 = 5
    /// Capitalised words ending in a subdivision word: one place (`Kherson Oblast`, `Orange County`).
    static let placeSuffix: UInt8 = 6
    /// A listed place in capitals opening a sentence before a dash, bracket, comma or date: a place
    /// (`MOSCOW —`, `NEW YORK (Reuters) -`, `DUBAI, March 3`), whatever the model said.
    static let dateline: UInt8 = 7
    /// Two listed places joined by a hyphen: two places (`Russia-Ukraine`, `US-Ukraine`).
    static let hyphenCompound: UInt8 = 8
    /// A span never runs across a dateline's bracket or a spaced dash: `LONDON (Reuters` →
    /// `LONDON`, `Reuters`; `Romania - Cosmin Contra` → `Romania`, `Cosmin Contra`.
    static let bracketSplit: UInt8 = 9
    /// A leading determiner or title is not part of a name: `An Airbus` → `Airbus`, `Mayor Vitali
    /// Klitschko` → `Vitali Klitschko`.
    static let determiner: UInt8 = 10
    /// A model number after a listed maker is not part of the organisation: `Airbus A350` → `Airbus`.
    static let productModel: UInt8 = 11
    /// An unambiguous listed name written as listed that the model left untagged.
    static let gazetteerPrior: UInt8 = 12
    /// A name used attributively: `the Biden administration`, `Trump-era`, `Saudi-led`.
    static let attributive: UInt8 = 13
    /// A surname that is also a place, used as a person: `Obama's administration`, or named in full
    /// elsewhere in the article.
    static let personContext: UInt8 = 14
    /// Places that beat or lose to each other are teams: `Oklahoma beat Texas`.
    static let team: UInt8 = 15

    /// Words that make a preceding capitalised name a place subdivision.
    static let placeSubdivisions: Set<UInt64> = Set(
        ["oblast", "province", "region", "county", "krai", "kray", "prefecture", "governorate", "district", "canton",
         "voivodeship", "municipality", "raion", "okrug", "parish", "borough", "department"].map { FeatureHash.lowercased($0) })
    /// Connectors allowed inside `Ministry of X and Y`.
    static let and = FeatureHash.lowercased("and")
    static let of = FeatureHash.lowercased("of")
    static let ampersand = FeatureHash.lowercased("&")
    static let the = FeatureHash.lowercased("the")
    static let a = FeatureHash.lowercased("a")
    static let an = FeatureHash.lowercased("an")
    static let to = FeatureHash.lowercased("to")
    static let with = FeatureHash.lowercased("with")
}

/// The labels of an article while the rules edit them, with the rule that made each span.
struct LabelEditor {
    /// One label per token.
    var tags: [NERTag]
    /// Per token, the rule that labelled it (0 = the model).
    var rules: [UInt8]

    /// The span of the model or a rule that covers token `k`.
    func span(at k: Int) -> Range<Int>? {
        guard tags[k] != .outside else { return nil }
        var lo = k
        while lo > 0, tags[lo].isInside { lo -= 1 }
        var hi = k + 1
        while hi < tags.count, tags[hi].isInside { hi += 1 }
        return lo..<hi
    }

    /// Labels `lo..<hi` as one span of `spanClass`, removing any span it overlaps.
    mutating func assign(_ lo: Int, _ hi: Int, _ spanClass: Int, _ rule: UInt8) {
        clear(lo, hi)
        for k in lo..<hi {
            tags[k] = k == lo ? .begin(spanClass) : .inside(spanClass)
            rules[k] = rule
        }
    }

    /// Removes every span that overlaps `lo..<hi`.
    mutating func clear(_ lo: Int, _ hi: Int) {
        for k in lo..<hi {
            if let s = span(at: k) {
                for m in s { tags[m] = .outside; rules[m] = 0 }
            }
        }
    }

    /// True when the labels over `lo..<hi` already form exactly one span of `spanClass`.
    func isSpan(_ lo: Int, _ hi: Int, _ spanClass: Int) -> Bool {
        span(at: lo) == lo..<hi && tags[lo].spanClass == spanClass
    }
}

extension TokenFeatures {
    /// True when token `k` is written like a name (capitalised, all capitals or an initial).
    @inline(__always)
    func isName(_ k: Int) -> Bool {
        let c = caseClass[k]
        return c == CaseClass.capitalized || c == CaseClass.allCaps || c == CaseClass.initial
    }
}

extension EntityRecognizer {
    /// Applies the rules to the token labels in place, recording in `rules` which rule set each
    /// span's first token: first the rules that fill in names the model left untagged, then those
    /// that correct the spans (``applySpanRules(_:tokens:candidates:features:editor:)``).
    func applyRules(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], features f: TokenFeatures, tags: inout [NERTag], rules: inout [UInt8]) {
        let n = tags.count
        guard n > 0 else { return }
        var e = LabelEditor(tags: tags, rules: rules)

        func isName(_ k: Int) -> Bool { f.isName(k) }
        /// A capitalised token that can belong to a name run: not a sentence-initial common word,
        /// not a month or weekday, not a title word.
        func canExtend(_ k: Int) -> Bool {
            guard isName(k), !f.cues[k].contains(.calendar) else { return false }
            if k == f.sentenceStart[k], e.tags[k] == .outside, f.candidateAt[k] < 0,
               f.cues[k].isDisjoint(with: [.demonym, .givenName]) { return false }
            return true
        }
        /// True when `lo..<hi` is exactly a gazetteer candidate with no entry of `type`.
        func isCandidateOfOtherType(_ lo: Int, _ hi: Int, _ type: EntityType) -> Bool {
            let c = f.candidateAt[lo]
            guard c >= 0 else { return false }
            let candidate = candidates[Int(c)]
            return candidate.tokens == lo..<hi && !candidate.entries.contains { $0.type == type }
        }
        for k in 0..<n {
            let cues = f.cues[k]
            guard !cues.isEmpty || f.dateline[k] != 0 || tokens[k].kind == .punctuation else { continue }
            if f.capsSentence[k] { continue }
            let sentenceEnd = f.sentenceEnd[k]

            // Two listed places joined by a hyphen.
            if tokens[k].kind == .punctuation {
                guard bytes[tokens[k].range.start] == 0x2D, k > 0, k + 1 < sentenceEnd,
                      tokens[k - 1].range.end == tokens[k].range.start, tokens[k + 1].range.start == tokens[k].range.end,
                      f.candidateAt[k - 1] >= 0, f.candidateAt[k + 1] >= 0 else { continue }
                let left = candidates[Int(f.candidateAt[k - 1])], right = candidates[Int(f.candidateAt[k + 1])]
                guard left.tokens.upperBound == k, right.tokens.lowerBound == k + 1,
                      left.entries.first?.type == .place, right.entries.first?.type == .place,
                      left.exactCase, right.exactCase else { continue }
                e.assign(left.tokens.lowerBound, left.tokens.upperBound, 2, RecognitionRule.hyphenCompound)
                e.assign(right.tokens.lowerBound, right.tokens.upperBound, 2, RecognitionRule.hyphenCompound)
                continue
            }

            // Title word, then an untagged capitalised name.
            if cues.contains(.title), k + 1 < sentenceEnd, !f.cues[k + 1].contains(.title) {
                var hi = k + 1
                while hi < sentenceEnd, hi - k <= 4, e.tags[hi] == .outside, f.caseClass[hi] == CaseClass.capitalized || f.caseClass[hi] == CaseClass.initial,
                      f.cues[hi].isDisjoint(with: [.calendar, .title, .orgSuffix, .demonym, .placePreposition]) {
                    hi += 1
                }
                let endsInOrg = hi < sentenceEnd && ((f.cues[hi].contains(.orgSuffix) && isName(hi)) || f.cues[hi].contains(.title) || f.caseClass[hi] == CaseClass.capitalized)
                if hi > k + 1, !endsInOrg, !isCandidateOfOtherType(k + 1, hi, .person), f.caseClass[hi - 1] == CaseClass.capitalized {
                    e.assign(k + 1, hi, 1, RecognitionRule.titlePerson)
                }
            }

            // Given name + surname the model left untagged.
            if cues.contains(.givenName), f.caseClass[k] == CaseClass.capitalized, e.tags[k] == .outside, k + 1 < sentenceEnd,
               f.caseClass[k + 1] == CaseClass.capitalized, e.tags[k + 1] == .outside,
               f.cues[k + 1].isDisjoint(with: [.calendar, .orgSuffix, .placeSuffix, .demonym, .title]),
               f.candidateAt[k + 1] < 0 || candidates[Int(f.candidateAt[k + 1])].entries.contains(where: { $0.type == .person }) {
                e.assign(k, k + 2, 1, RecognitionRule.givenName)
            }

            // Organisation word ending a capitalised run.
            if cues.contains(.orgSuffix), isName(k), e.tags[k] == .outside {
                var lo = k
                while lo - 1 >= f.sentenceStart[k], canExtend(lo - 1), !f.cues[lo - 1].contains(.title) || f.cues[lo - 1].contains(.orgSuffix) {
                    lo -= 1
                }
                let covering = e.span(at: k)
                let coveredLonger = covering.map { $0.upperBound > k + 1 } ?? false
                if lo < k, !coveredLonger, !e.isSpan(lo, k + 1, 3), !isCandidateOfOtherType(lo, k + 1, .organization) {
                    let nationality = f.cues[lo].contains(.demonym)
                    e.assign(lo, k + 1, 3, nationality ? RecognitionRule.nationalityBody : RecognitionRule.orgSuffix)
                }
            }

            // A nationality before a body the model found: `Russian` + `Foreign Ministry`.
            if cues.contains(.demonym), f.caseClass[k] == CaseClass.capitalized, e.tags[k] == .outside || e.tags[k].spanClass == 4,
               k + 1 < sentenceEnd, e.tags[k + 1] == .beginOrganization, let body = e.span(at: k + 1),
               f.cues[body.upperBound - 1].contains(.orgSuffix), e.tags[k] == .outside || e.span(at: k) == k..<k + 1 {
                e.assign(k, body.upperBound, 3, RecognitionRule.nationalityBody)
            }

            // `Ministry of X (and Y)`.
            if cues.contains(.orgPrefix), f.caseClass[k] == CaseClass.capitalized, e.tags[k] == .outside, k + 2 < sentenceEnd, f.lower[k + 1] == RecognitionRule.of, isName(k + 2) {
                var hi = k + 2
                while hi < sentenceEnd {
                    if isName(hi) && !f.cues[hi].contains(.calendar) { hi += 1; continue }
                    if (f.lower[hi] == RecognitionRule.and || f.lower[hi] == RecognitionRule.ampersand), hi + 1 < sentenceEnd, isName(hi + 1) { hi += 1; continue }
                    break
                }
                var lo = k
                while lo - 1 >= f.sentenceStart[k], canExtend(lo - 1), !f.cues[lo - 1].contains(.title) { lo -= 1 }
                let coveredLonger = e.span(at: hi - 1).map { $0.upperBound > hi || $0.lowerBound < lo } ?? false
                if !coveredLonger, !e.isSpan(lo, hi, 3) {
                    e.assign(lo, hi, 3, f.cues[lo].contains(.demonym) ? RecognitionRule.nationalityBody : RecognitionRule.orgOf)
                }
            }

            // Subdivision word ending a capitalised run.
            if cues.contains(.placeSuffix), f.caseClass[k] == CaseClass.capitalized, RecognitionRule.placeSubdivisions.contains(f.lower[k]), e.tags[k] == .outside {
                var lo = k
                while lo - 1 >= f.sentenceStart[k], canExtend(lo - 1), !f.cues[lo - 1].contains(.title) { lo -= 1 }
                let coveredLonger = e.span(at: k).map { $0.upperBound > k + 1 } ?? false
                if lo < k, !coveredLonger, !e.isSpan(lo, k + 1, 2) {
                    e.assign(lo, k + 1, 2, RecognitionRule.placeSuffix)
                }
            }
        }
        applySpanRules(bytes, tokens: tokens, candidates: candidates, features: f, editor: &e)
        tags = e.tags
        rules = e.rules
    }
}

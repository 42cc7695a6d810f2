internal import GazetteCore

/// The rules that correct the spans of the model (and of the fill-in rules) where news text has
/// patterns the training text lacks: datelines with agencies, determiners and model numbers next to
/// names, listed names the model dropped, attributive names, surnames that are also towns, months
/// and holidays, and teams named after their state or city.
extension EntityRecognizer {
    func applySpanRules(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], features f: TokenFeatures, editor e: inout LabelEditor) {
        let n = e.tags.count
        guard n > 0 else { return }

        func isByte(_ k: Int, _ b: UInt8) -> Bool { tokens[k].range.count == 1 && bytes[tokens[k].range.start] == b }
        func isBracket(_ k: Int) -> Bool { isByte(k, 0x28) || isByte(k, 0x29) }
        func hasDigit(_ k: Int) -> Bool {
            let r = tokens[k].range
            for i in r.start..<r.end where bytes[i] >= 0x30 && bytes[i] <= 0x39 { return true }
            return false
        }
        /// The candidate that is exactly `lo..<hi`, if the longest candidate at `lo` is.
        func candidate(_ lo: Int, _ hi: Int) -> Candidate? {
            let c = f.candidateAt[lo]
            guard c >= 0, candidates[Int(c)].tokens == lo..<hi else { return nil }
            return candidates[Int(c)]
        }
        func hasEntry(_ c: Candidate?, _ type: EntityType) -> Bool { c?.entries.contains { $0.type == type } ?? false }
        /// The spans in text order (recomputed by callers after edits).
        func forEachSpan(_ body: (Range<Int>) -> Void) {
            var k = 0
            while k < n {
                guard let s = e.span(at: k) else { k += 1; continue }
                body(s)
                k = max(k + 1, s.upperBound)
            }
        }

        // 1. A dateline's place and the agency in brackets after it are two names, not one:
        //    `LONDON ( Reuters` → `LONDON`, `Reuters` (a club with its town in brackets, `Mladost ( BJ )`,
        //    stays whole).
        forEachSpan { s in
            guard s.count >= 3, let j = s.dropFirst().first(where: isBracket), isByte(j, 0x28), j + 1 < s.upperBound else { return }
            var hi = j + 1
            while hi < s.upperBound, !isBracket(hi) { hi += 1 }
            let agency = candidate(j + 1, hi)
            guard f.dateline[s.lowerBound] != 0 || hasEntry(candidate(s.lowerBound, j), .place),
                  hasEntry(agency, .organization) else { return }
            let spanClass = e.tags[s.lowerBound].spanClass
            e.clear(s.lowerBound, s.upperBound)
            e.assign(s.lowerBound, j, f.dateline[s.lowerBound] != 0 ? 2 : spanClass, RecognitionRule.bracketSplit)
            e.assign(j + 1, hi, 3, RecognitionRule.bracketSplit)
        }

        // A spaced dash separates names (`Romania - Cosmin Contra`, `Moscow - Gazprom`): never one span.
        forEachSpan { s in
            guard s.count >= 3, let j = s.dropFirst().first(where: { isByte($0, 0x2D) || TokenSurface.asciiEquivalent(bytes, tokens[$0].range.start, tokens[$0].range.end) == 0x2D }),
                  j + 1 < s.upperBound, tokens[j - 1].range.end < tokens[j].range.start, tokens[j].range.end < tokens[j + 1].range.start else { return }
            let spanClass = e.tags[s.lowerBound].spanClass
            let right = candidate(j + 1, s.upperBound)?.entries.first?.type
            e.clear(s.lowerBound, s.upperBound)
            e.assign(s.lowerBound, j, spanClass, RecognitionRule.bracketSplit)
            // Unlisted, the part after the dash is a person when it reads like a full name.
            let fullName = (2...3).contains(s.upperBound - j - 1) && (j + 1..<s.upperBound).allSatisfy {
                f.caseClass[$0] == CaseClass.capitalized && f.cues[$0].isDisjoint(with: [.orgSuffix, .placeSuffix, .demonym])
            }
            let rightClass = right == .person ? 1 : right == .place ? 2 : right == .organization ? 3 : fullName ? 1 : spanClass
            e.assign(j + 1, s.upperBound, rightClass, RecognitionRule.bracketSplit)
        }

        // 2. A leading determiner is not part of the name: `An Airbus`, `the Kremlin`, `The National
        //    Disaster Agency`; `The` stays when the whole span is the listed name (`The Hague`). Nor is a
        //    title before a person (`Mayor Vitali Klitschko` → `Vitali Klitschko`).
        forEachSpan { s in
            guard s.count >= 2 else { return }
            let w = f.lower[s.lowerBound]
            let spanClass = e.tags[s.lowerBound].spanClass
            let determiner = w == RecognitionRule.a || w == RecognitionRule.an
                || (w == RecognitionRule.the && candidate(s.lowerBound, s.upperBound) == nil)
            var lo = s.lowerBound
            if determiner { lo += 1 }
            if spanClass == 1 {
                while lo < s.upperBound - 1, f.cues[lo].contains(.title), candidate(lo, s.upperBound) == nil { lo += 1 }
            }
            guard lo > s.lowerBound else { return }
            e.assign(lo, s.upperBound, spanClass, RecognitionRule.determiner)
        }

        // 3. A model number after a listed maker: `Airbus A350`, `Boeing 737 MAX` → the maker.
        forEachSpan { s in
            guard s.count >= 2, e.tags[s.lowerBound].spanClass == 3,
                  let m = (s.lowerBound + 1..<s.upperBound).first(where: hasDigit),
                  hasEntry(candidate(s.lowerBound, m), .organization) else { return }
            e.assign(s.lowerBound, m, 3, RecognitionRule.productModel)
        }

        // 4. Months, weekdays and holidays are never names on their own (`Christmas`, `Dec`), unless
        //    the article also uses the word inside a longer name (`Theresa May` … `May said`).
        var inLongerNames: WordTable<UInt8>?
        forEachSpan { s in
            guard s.allSatisfy({ f.cues[$0].contains(.calendar) }) else { return }
            if inLongerNames == nil {
                var table = WordTable<UInt8>(capacity: 64)
                forEachSpan { t in
                    guard t.count >= 2 else { return }
                    for k in t { table.set(f.lower[k], 1) }
                }
                inLongerNames = table
            }
            if s.count == 1, inLongerNames?[f.lower[s.lowerBound]] == 1 { return }
            e.clear(s.lowerBound, s.upperBound)
        }

        // 5. Datelines: a listed place in capitals opening a sentence before a dash, bracket, comma or
        //    year is that place, whatever the model made of it.
        var k = 0
        while k < n {
            defer { k += 1 }
            guard f.dateline[k] != 0, k == f.sentenceStart[k] else { continue }
            var hi = k
            while hi < f.sentenceEnd[k], f.dateline[hi] != 0 { hi += 1 }
            guard hasEntry(candidate(k, hi), .place), !e.isSpan(k, hi, 2),
                  (k..<hi).allSatisfy({ m in e.span(at: m).map { $0.lowerBound >= k && $0.upperBound <= hi } ?? true }) else { continue }
            e.assign(k, hi, 2, RecognitionRule.dateline)
        }

        // Words the article writes in lower case somewhere (built on first use).
        var lowerSeen: WordTable<UInt8>?
        func seenInLowerCase(_ word: UInt64) -> Bool {
            if lowerSeen == nil {
                var table = WordTable<UInt8>(capacity: n / 4)
                for m in 0..<n where f.caseClass[m] == CaseClass.lower { table.set(f.lower[m], 1) }
                lowerSeen = table
            }
            return lowerSeen?[word] == 1
        }
        /// The class the article gives the word elsewhere, if some span of one class holds it.
        func classElsewhere(_ word: UInt64, besides k: Int) -> Int? {
            var found: Int?
            for m in 0..<n where m != k && f.lower[m] == word && e.tags[m] != .outside {
                let c = e.tags[m].spanClass
                if found == nil { found = c } else if found != c { return nil }
            }
            return found
        }

        // 6. Attributive names: `the Biden administration`, `Trump-era`, `Saudi-led`.
        for k in 0..<n {
            // `the X administration`: a person when X is a listed person or the model saw nothing else.
            if f.lower[k] == RecognitionRule.the, k + 2 < f.sentenceEnd[k] {
                var m = k + 1
                while m < f.sentenceEnd[k], m - k <= 3, f.caseClass[m] == CaseClass.capitalized, f.cues[m].isDisjoint(with: [.demonym, .orgSuffix, .calendar]) { m += 1 }
                if m > k + 1, m < f.sentenceEnd[k], f.caseClass[m] == CaseClass.lower, f.cues[m].contains(.personAttribute) {
                    let c = candidate(k + 1, m)
                    let modelClass = e.tags[k + 1] == .outside ? 0 : e.tags[k + 1].spanClass
                    let listedPerson = hasEntry(c, .person)
                    let unknown = c == nil && (modelClass == 0 || modelClass == 1) && (k + 1..<m).allSatisfy({ e.span(at: $0).map { $0.lowerBound >= k + 1 && $0.upperBound <= m } ?? true })
                    if (listedPerson || unknown), !e.isSpan(k + 1, m, 1) {
                        e.assign(k + 1, m, 1, RecognitionRule.attributive)
                    }
                }
            }
            // `X-era`, `X-led`: the name before the hyphen, typed by the lists or by the article.
            if f.isName(k), k + 2 < f.sentenceEnd[k], isByte(k + 1, 0x2D), f.cues[k + 2].contains(.attributiveSuffix),
               f.caseClass[k + 2] == CaseClass.lower,
               tokens[k].range.end == tokens[k + 1].range.start, tokens[k + 1].range.end == tokens[k + 2].range.start {
                let covering = e.span(at: k)
                if let s = covering, s.upperBound > k + 1 {
                    // The model ran on into the hyphen: end the name before it.
                    e.assign(s.lowerBound, k + 1, e.tags[s.lowerBound].spanClass, RecognitionRule.attributive)
                } else if covering == nil {
                    var lo = k
                    while lo > f.sentenceStart[k], f.caseClass[lo - 1] == CaseClass.capitalized, e.tags[lo - 1] == .outside, !f.cues[lo - 1].contains(.calendar) { lo -= 1 }
                    let c = candidate(lo, k + 1) ?? candidate(k, k + 1)
                    let from = c?.tokens.lowerBound ?? k
                    var spanClass = 0
                    if let c, let type = c.entries.first?.type, c.entries.allSatisfy({ $0.type == type }), !c.entries.contains(where: { $0.marked }) {
                        spanClass = type == .person ? 1 : type == .place ? 2 : 3
                    } else if hasEntry(c, .person), f.cues[k + 2].contains(.personAttribute) {
                        // `Obama-era`: a listed person (who may share the name with a town).
                        spanClass = 1
                    } else if from == k, let elsewhere = classElsewhere(f.lower[k], besides: k), elsewhere != 4 {
                        spanClass = elsewhere
                    }
                    if spanClass != 0, f.cues[from].isDisjoint(with: [.demonym, .calendar]) {
                        e.assign(from, k + 1, spanClass, RecognitionRule.attributive)
                    }
                }
            }
        }

        // 7. The gazetteer prior: a name listed for one type only (however many entries of that type
        //    share it), whose likeliest entry is not marked as naming it only in context, written
        //    exactly as listed, stays a name when the model left it untagged or called it (part of)
        //    MISC, which never becomes a mention (`Airbus delivered 64` as one MISC span) — unless it
        //    is part of a longer capitalised run, or a sentence-initial single word the article also
        //    writes in lower case.
        for c in candidates where c.exactCase {
            let lo = c.tokens.lowerBound, hi = c.tokens.upperBound
            // Places only when well known (countries, big cities): the place lists hold many small
            // towns named like common words.
            guard lo >= 0, hi <= n, lo < hi, let best = c.entries.first, !best.marked, best.type != .place || best.prior >= 0.6,
                  c.entries.allSatisfy({ $0.type == best.type }),
                  !f.capsSentence[lo], f.isName(lo), !f.cues[lo].contains(.title),
                  (lo..<hi).allSatisfy({ e.tags[$0] == .outside || e.tags[$0].spanClass == 4 }) else { continue }
            let start = f.sentenceStart[lo], end = f.sentenceEnd[lo]
            if lo > start, f.isName(lo - 1), !isBracket(lo - 1) { continue }
            if hi < end, f.isName(hi) { continue }
            if hi - lo == 1, lo == start || (lo > start && tokens[lo - 1].kind == .punctuation && f.dateline[start] != 0),
               seenInLowerCase(f.lower[lo]) { continue }
            e.assign(lo, hi, best.type == .person ? 1 : best.type == .place ? 2 : 3, RecognitionRule.gazetteerPrior)
        }

        // 8. A surname that is also a place, tagged as the place: a person when the article names that
        //    person in full elsewhere, or uses the name with a possessive before a word of office
        //    (`Obama's administration`, `Starmer's government`).
        forEachSpan { s in
            guard e.tags[s.lowerBound].spanClass == 2, let c = candidate(s.lowerBound, s.upperBound), hasEntry(c, .person),
                  !c.entries.contains(where: { $0.type == .place && ($0.subtype == "country" || $0.subtype == "region" || $0.subtype == "state") }) else { return }
            let last = s.upperBound - 1
            var person = false
            var m = s.upperBound
            if m < f.sentenceEnd[last], Self.isPossessiveOrQuote(bytes, tokens, m) {
                while m < f.sentenceEnd[last], Self.isPossessiveOrQuote(bytes, tokens, m) { m += 1 }
                person = m < f.sentenceEnd[last] && f.caseClass[m] == CaseClass.lower && f.cues[m].contains(.personAttribute)
            }
            if !person {
                // Named in full elsewhere: the same last word ends a longer person span.
                var p = 0
                while p < n, !person {
                    if let t = e.span(at: p) {
                        person = t.count >= 2 && e.tags[t.lowerBound].spanClass == 1 && f.lower[t.upperBound - 1] == f.lower[last]
                        p = max(p + 1, t.upperBound)
                    } else {
                        p += 1
                    }
                }
            }
            if person { e.assign(s.lowerBound, s.upperBound, 1, RecognitionRule.personContext) }
        }

        // 9. Teams named by their state, city or school: places on both sides of `beat`, `defeated`,
        //    `lost to`, `drew with` are organisations (national sides named by their country stay places,
        //    as CoNLL labels them).
        for v in 0..<n where f.cues[v].contains(.contestVerb) && f.caseClass[v] == CaseClass.lower && v > 0 {
            var r = v + 1
            if r < f.sentenceEnd[v], f.lower[r] == RecognitionRule.to || f.lower[r] == RecognitionRule.with { r += 1 }
            guard r < f.sentenceEnd[v], let left = e.span(at: v - 1), let right = e.span(at: r), right.lowerBound == r else { continue }
            let sides = [left, right]
            let classes = sides.map { e.tags[$0.lowerBound].spanClass }
            guard classes.contains(2), classes.allSatisfy({ $0 == 2 || $0 == 3 }),
                  !sides.contains(where: { s in
                      candidate(s.lowerBound, s.upperBound)?.entries.contains { $0.type == .place && ($0.subtype == "country" || $0.subtype == "territory") } ?? false
                  }) else { continue }
            for s in sides where e.tags[s.lowerBound].spanClass == 2 {
                e.assign(s.lowerBound, s.upperBound, 3, RecognitionRule.team)
            }
        }
    }
}

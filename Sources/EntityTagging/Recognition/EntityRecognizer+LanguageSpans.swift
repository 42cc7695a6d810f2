import GazetteCore
import TextAnalysis

/// Span repair for the models of other languages than English, whose Wikipedia training fragments
/// seldom show what news does: a role noun before a name (`Bundeskanzler Friedrich Merz`, `Речник
/// Кремля Дмитро Пєсков`, `Premier ministre ukrainien Denys Chmyhal`), a name running on into a
/// verb and the next name (`Путин заявил в Москве`, `Рютте пообещал Киеву`), a span that stops
/// inside a listed name (`Kremlsprecher Dmitri` | `Peskow`, `La Croix` of `La Croix-Rouge`).
extension EntityRecognizer {
    /// The spans cut and trimmed (see the extension's documentation), before ``listedNameSpans``:
    ///
    /// 1. A span is cut at its lower-case words that are no name particle (`von`, `de`, `фон`), no
    ///    noun continuing a Cyrillic name (`области`, `университет`) and no part of a listed name
    ///    covering them (`Европейский союз`, `Commission européenne`), when its first named part
    ///    ends in a listed name or is only words of office or an article: names such as
    ///    `Московский государственный университет` keep their lower-case words.
    /// 2. Each part loses its leading words of office (before a person or a listed name) and
    ///    articles (before a listed name they are no part of), and its trailing words of office
    ///    after a listed name (``RoleWords``), hyphenated ones whole (`Премьер-министр`); a listed
    ///    name before the hyphen is its own span (`NATO-Generalsekretär` → `NATO`).
    /// 3. A part that is exactly a listed name takes its likeliest entry's type.
    static func languageSpans(_ spans: [EntitySpan], bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate],
                              features f: TokenFeatures, roles: RoleWords) -> [EntitySpan] {
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[tokens[k].range.start..<tokens[k].range.end])
        }
        func isHyphen(_ k: Int) -> Bool {
            guard k > 0, k + 1 < tokens.count, tokens[k].range.count == 1, bytes[tokens[k].range.start] == 0x2D else { return false }
            return tokens[k - 1].range.end == tokens[k].range.start && tokens[k].range.end == tokens[k + 1].range.start
        }
        func listedClass(_ c: Candidate) -> Int? {
            switch c.entries.first?.type {
            case .person: 1
            case .place: 2
            case .organization: 3
            case nil: nil
            }
        }
        /// The candidate that is exactly `range`.
        func listed(_ range: Range<Int>) -> Candidate? {
            guard !range.isEmpty else { return nil }
            let c = Int(f.candidateAt[range.lowerBound])
            guard c >= 0, candidates[c].tokens == range else { return nil }
            return candidates[c]
        }
        /// True when token `k` lies inside a listed name of more than one token.
        func insideListedName(_ k: Int) -> Bool {
            let c = Int(f.candidateAt[k])
            return c >= 0 && candidates[c].tokens.count > 1
        }
        func isCut(_ k: Int) -> Bool {
            tokens[k].kind == .word && f.caseClass[k] == CaseClass.lower && !f.cues[k].contains(.particle)
                && !roles.isJoiner(word(k)) && !insideListedName(k)
        }
        /// The words of the hyphenated group that starts (or, backwards, ends) at `k`, within `range`.
        func group(from k: Int, in range: Range<Int>) -> Range<Int> {
            var end = k + 1
            while end + 1 < range.upperBound, isHyphen(end) { end += 2 }
            return k..<end
        }
        func group(endingAt k: Int, in range: Range<Int>) -> Range<Int> {
            var start = k
            while start - 2 >= range.lowerBound, isHyphen(start - 1) { start -= 2 }
            return start..<(k + 1)
        }
        /// True when token `k` opens its sentence.
        func opensSentence(_ k: Int) -> Bool {
            var j = k - 1
            while j >= 0, tokens[j].sentence == tokens[k].sentence {
                if tokens[j].kind == .word { return false }
                j -= 1
            }
            return true
        }
        func roleWord(in g: Range<Int>) -> Int? {
            if let r = stride(from: g.lowerBound, to: g.upperBound, by: 2).first(where: { tokens[$0].kind == .word && roles.isRole(word($0)) }) {
                return r
            }
            // A sentence-initial adjective before a lower-case word of office (`Северокорейский лидер`).
            let k = g.lowerBound
            guard g.count == 1, tokens[k].kind == .word, opensSentence(k), !insideListedName(k), k + 1 < tokens.count,
                  tokens[k + 1].kind == .word, f.caseClass[k + 1] == CaseClass.lower, roles.isRole(word(k + 1)),
                  roles.isRelationalAdjective(word(k)) else { return nil }
            return k
        }
        /// A part without its words of office and articles, and the listed names hyphenated to them.
        /// True when a listed name starts at token `k`.
        func listedAt(_ k: Int) -> Bool {
            let c = Int(f.candidateAt[k])
            return c >= 0 && candidates[c].tokens.lowerBound == k
        }
        /// True when a listed name ends the range (`Путин`, `России Владимир Путин`, `Путин` of a
        /// span that starts inside `Владимир Путин`).
        func endsWithListedName(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return false }
            let c = Int(f.candidateAt[range.upperBound - 1])
            return c >= 0 && candidates[c].tokens.upperBound == range.upperBound
        }
        func trimmed(_ part: Range<Int>, person: Bool) -> (name: Range<Int>, before: [Range<Int>], onlyRoles: Bool) {
            var lo = part.lowerBound, hi = part.upperBound
            var before: [Range<Int>] = []
            var removed = false
            while lo < hi {
                // Lower-case words and punctuation before the name (`de la` of `de la Banque`), as
                // the mention drops them, unless a listed name starts there.
                if lo + 1 < hi, tokens[lo].kind == .punctuation || (f.caseClass[lo] == CaseClass.lower && !listedAt(lo)) {
                    lo += 1
                    continue
                }
                // A preposition that opens the sentence (`À Washington`, `В Анкаре`), before a name.
                if lo + 1 < hi, tokens[lo].kind == .word, f.isName(lo + 1), opensSentence(lo), !insideListedName(lo),
                   roles.isOpeningPreposition(word(lo)) {
                    lo += 1
                    removed = true
                    continue
                }
                guard tokens[lo].kind == .word else { break }
                let g = group(from: lo, in: lo..<hi)
                // A word of office goes before a person, or before a listed name (`Premier League` stays),
                // an article between them too (`Gouverneur der Bank of England`).
                let articleThenListed = g.upperBound + 1 < hi && roles.isArticle(word(g.upperBound)) && listedAt(g.upperBound + 1)
                // A full name after an office a person holds goes with it too (`Renault-Chef François
                // Provost`, which the model called an organisation).
                let fullNameAfter = (2...3).contains(hi - g.upperBound)
                    && (g.upperBound..<hi).allSatisfy { f.caseClass[$0] == CaseClass.capitalized && tokens[$0].kind == .word }
                    && listed(g.upperBound..<hi) == nil
                if let r = roleWord(in: g),
                   person || g.upperBound >= hi || listedAt(g.upperBound) || articleThenListed || (fullNameAfter && roles.isPersonRole(word(r))) {
                    // `NATO-Generalsekretär`: the listed name before the word of office is a name of its own.
                    if r > lo, let c = listed(lo..<(r - 1)), listedClass(c) != nil { before.append(lo..<(r - 1)) }
                    lo = g.upperBound
                    removed = true
                    continue
                }
                // An article goes before a listed name it is no part of (`La Croix-Rouge`, not `La Paz`).
                if g.count == 1, lo + 1 < hi, roles.isArticle(word(lo)), !insideListedName(lo), listedAt(lo + 1) {
                    lo += 1
                    removed = true
                    continue
                }
                break
            }
            // Punctuation ends no name (`США.` at a sentence's end: the span is then exactly the listed name).
            while hi > lo + 1, tokens[hi - 1].kind == .punctuation { hi -= 1 }
            // A weekday or month after lower-case words is a date, not part of the name (`Nordirland am Sonntag`).
            if hi - lo >= 3, tokens[hi - 1].kind == .word, roles.isCalendarNoun(word(hi - 1)), f.caseClass[hi - 2] == CaseClass.lower,
               !insideListedName(hi - 1) {
                hi -= 1
                while hi > lo + 1, f.caseClass[hi - 1] == CaseClass.lower { hi -= 1 }
            }
            // A Latin name ends in no particle (`Félix Tshisekedi d'`, `Coupe du monde de l'`). Cyrillic
            // ones are left alone: trimming them too cost half a point of Russian WikiANN val F1.
            while hi > lo + 1, tokens[hi - 1].kind == .word, f.caseClass[hi - 1] == CaseClass.lower, !insideListedName(hi - 1),
                  !CyrillicNames.startsCyrillic(word(hi - 1)),
                  roles.isNameParticle(word(hi - 1)) {
                hi -= 1
            }
            while hi > lo {
                guard tokens[hi - 1].kind == .word else { break }
                let g = group(endingAt: hi - 1, in: lo..<hi)
                // After a listed name only (`Chinas Staatschef`), and German common nouns there
                // (`Istanbul Delegationen`: a noun suffix, ``RoleWords/isCommonNoun``).
                guard roleWord(in: g) != nil || (g.count == 1 && roles.isCommonNoun(word(hi - 1))), !insideListedName(hi - 1),
                      g.lowerBound > lo, listed(lo..<g.lowerBound) != nil else { break }
                hi = g.lowerBound
                removed = true
            }
            // A part that is an article alone (`La` of `La présidente de la Commission`).
            if part.count == 1, tokens[part.lowerBound].kind == .word, roles.isArticle(word(part.lowerBound)) {
                return (part.upperBound..<part.upperBound, before, true)
            }
            return (lo..<max(lo, hi), before, removed && lo >= hi)
        }

        /// True when `range` holds five lower-case words in a row, three of them cut words, outside
        /// any listed name (`Darfour poussaient toujours plus de réfugiés vers le Tchad`): names run
        /// on over a few (`Московский государственный университет`, `Autorité de la concurrence`),
        /// running text over more. Three in a row, two cut, cost 0.8 points of Russian WikiANN val
        /// F1 and 0.6 of Spanish; four, three cut, 0.2 and 0.1; this, under 0.1.
        func runsOnIntoText(_ range: Range<Int>) -> Bool {
            var run = 0, cuts = 0
            for k in range {
                guard tokens[k].kind == .word, f.caseClass[k] == CaseClass.lower, !insideListedName(k) else { run = 0; cuts = 0; continue }
                run += 1
                if isCut(k) { cuts += 1 }
                if run >= 5, cuts >= 3 { return true }
            }
            return false
        }

        var out: [EntitySpan] = []
        out.reserveCapacity(spans.count)
        for var span in spans {
            guard span.spanClass != 4 else { out.append(span); continue }
            // Leading punctuation and cut words are no part of a name (`-міністр Угорщини`: the
            // model took the second half of `Прем'єр-міністр`).
            var first = span.tokens.lowerBound
            // A span that starts inside a listed name whose first words another span holds, and
            // runs on past it (`États` | `Unis, au Mexique`: the model split `États-Unis` at the
            // hyphen), starts after that name; the other span runs to the name's end
            // (``extendedToListedNames(_:candidates:features:)``).
            let inside = Int(f.candidateAt[first])
            if inside >= 0, candidates[inside].tokens.lowerBound < first, candidates[inside].tokens.upperBound < span.tokens.upperBound,
               spans.contains(where: { $0.tokens.contains(candidates[inside].tokens.lowerBound) }) {
                first = candidates[inside].tokens.upperBound
            }
            while first < span.tokens.upperBound - 1, tokens[first].kind == .punctuation || isCut(first) { first += 1 }
            span.tokens = first..<span.tokens.upperBound
            var parts: [Range<Int>] = []
            var start = span.tokens.lowerBound
            for k in span.tokens where isCut(k) {
                if start < k { parts.append(start..<k) }
                start = k + 1
            }
            if start < span.tokens.upperBound { parts.append(start..<span.tokens.upperBound) }
            // Parts without a capitalised word are no names (`сборной` of `сборной Франции`, which
            // the mention drops anyway): a cut is two named parts or lower-case words after the last.
            parts.removeAll { part in !part.contains { f.isName($0) } }
            let cut = parts.count > 1 || parts.first.map { $0.upperBound < span.tokens.upperBound } ?? false
            let person = span.spanClass == 1
            var pieces = parts.map { trimmed($0, person: person) }
            if !cut || !(pieces.first.map { $0.onlyRoles || endsWithListedName($0.name) } ?? false || runsOnIntoText(span.tokens)) {
                // Not cut: only the words of office and articles at its ends go.
                pieces = [trimmed(span.tokens, person: person)]
            }
            // In Cyrillic text a listed place or organisation opening a person's span is a name of
            // its own (`США Энтони`, `Бразилии Луиса`: the office's country in the genitive before
            // the name), when only capitalised words follow it. Spans of other types are left
            // whole: splitting them too cost 1.9 points of Russian WikiANN val F1.
            // A Latin name before Cyrillic words is split off spans of every type (`TSMC Си Си Вэй`).
            if pieces.count == 1, let piece = pieces.first,
               let split = Self.listedOpening(piece.name, tokens: tokens, candidates: candidates, features: f, bytes: bytes,
                                              scriptChangeOnly: span.spanClass != 1) {
                pieces = [(split.name, piece.before, false), (split.rest, [], false)]
            }
            // Countries side by side are two names (`der Iran Israel`: German puts the object
            // right after the subject).
            if pieces.count == 1, let piece = pieces.first,
               let countries = Self.listedCountries(piece.name, candidates: candidates, features: f)
                ?? Self.listedPlacesJoined(piece.name, candidates: candidates, features: f, isJoiner: { k in
                    tokens[k].kind == .word && f.caseClass[k] == CaseClass.lower && (roles.isNameParticle(word(k)) || roles.isArticle(word(k)))
                }) {
                pieces = countries.map { ($0, [], false) }
                pieces[0].before = piece.before
            }
            for piece in pieces {
                for range in piece.before {
                    if let c = listed(range), let spanClass = listedClass(c) {
                        out.append(EntitySpan(tokens: range, spanClass: spanClass, source: span.source, confidence: span.confidence))
                    }
                }
                guard !piece.name.isEmpty, piece.name.contains(where: { f.isName($0) }) else { continue }
                var spanClass = span.spanClass
                // Two or three capitalised words right after an office a person holds are that person.
                if spanClass != 1, piece.name.lowerBound > span.tokens.lowerBound, (2...3).contains(piece.name.count),
                   piece.name.allSatisfy({ f.caseClass[$0] == CaseClass.capitalized }), listed(piece.name) == nil,
                   tokens[piece.name.lowerBound - 1].kind == .word, roles.isPersonRole(word(piece.name.lowerBound - 1)) {
                    spanClass = 1
                }
                if piece.name != span.tokens, let c = listed(piece.name), let listedType = listedClass(c),
                   !c.entries.contains(where: { $0.type == NERTag.begin(span.spanClass).entityType }) {
                    spanClass = listedType
                }
                out.append(EntitySpan(tokens: piece.name, spanClass: spanClass, source: span.source, confidence: span.confidence))
            }
        }
        return out
    }

    /// The listed Cyrillic place or organisation (or a Latin one before a Cyrillic word; only that
    /// when `scriptChangeOnly`) that opens `range`, and what follows it, when every word after it
    /// is capitalised and no listed name covers the whole range.
    static func listedOpening(_ range: Range<Int>, tokens: [Token], candidates: [Candidate], features f: TokenFeatures,
                              bytes: UnsafeBufferPointer<UInt8>, scriptChangeOnly: Bool = false) -> (name: Range<Int>, rest: Range<Int>)? {
        guard range.count >= 2 else { return nil }
        let c = Int(f.candidateAt[range.lowerBound])
        guard c >= 0 else { return nil }
        let name = candidates[c].tokens
        func cyrillic(_ k: Int) -> Bool {
            CyrillicNames.startsCyrillic(UnsafeBufferPointer(rebasing: bytes[tokens[k].range.start..<tokens[k].range.end]))
        }
        // A Latin name before a Cyrillic one changes script where one name ends (`TSMC Си Вэй`,
        // `JPMorgan Chase Джейми Даймон`).
        guard name.lowerBound == range.lowerBound, name.upperBound < range.upperBound,
              !candidates[c].entries.isEmpty, candidates[c].entries.allSatisfy({ $0.type != .person }),
              tokens[name.upperBound].kind == .word,
              (!scriptChangeOnly && name.allSatisfy({ tokens[$0].kind != .word || cyrillic($0) }))
                  || (cyrillic(name.upperBound) && name.allSatisfy({ tokens[$0].kind != .word || !cyrillic($0) })),
              (name.upperBound..<range.upperBound).allSatisfy({ tokens[$0].kind != .word || f.isName($0) }) else { return nil }
        return (name, name.upperBound..<range.upperBound)
    }

    /// The listed names that make up `range` one after another, when there are two or more and
    /// each is a country (and nothing else).
    static func listedCountries(_ range: Range<Int>, candidates: [Candidate], features f: TokenFeatures) -> [Range<Int>]? {
        var names: [Range<Int>] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let c = Int(f.candidateAt[k])
            guard c >= 0, candidates[c].tokens.lowerBound == k, candidates[c].tokens.upperBound <= range.upperBound,
                  !candidates[c].entries.isEmpty,
                  candidates[c].entries.allSatisfy({ $0.type == .place && $0.subtype == "country" }) else { return nil }
            names.append(candidates[c].tokens)
            k = candidates[c].tokens.upperBound
        }
        return names.count >= 2 ? names : nil
    }

    /// A listed place and a listed country with only particles and articles between them, when no
    /// listed name covers both (`Saint-Pétersbourg de la Chine`, a span run on from `vers la Chine`):
    /// the two places. Names of the form are listed whole (`Santiago de Chile`).
    static func listedPlacesJoined(_ range: Range<Int>, candidates: [Candidate], features f: TokenFeatures,
                                   isJoiner: (Int) -> Bool) -> [Range<Int>]? {
        func listedPlace(at k: Int) -> Candidate? {
            let c = Int(f.candidateAt[k])
            guard c >= 0, candidates[c].tokens.lowerBound == k, candidates[c].tokens.upperBound <= range.upperBound,
                  !candidates[c].entries.isEmpty, candidates[c].entries.allSatisfy({ $0.type == .place }) else { return nil }
            return candidates[c]
        }
        guard range.count >= 3, let head = listedPlace(at: range.lowerBound) else { return nil }
        var k = head.tokens.upperBound
        let joinStart = k
        while k < range.upperBound, isJoiner(k) { k += 1 }
        guard k > joinStart, k - joinStart <= 3, k < range.upperBound, let tail = listedPlace(at: k),
              tail.tokens.upperBound == range.upperBound, tail.entries.contains(where: { $0.subtype == "country" }) else { return nil }
        return [head.tokens, tail.tokens]
    }

    /// Spans that stop inside a listed name run to its end (`Kremlsprecher Dmitri` | `Peskow` →
    /// `Dmitri Peskow`, `La Croix` → `Croix-Rouge`, `Viktor` → `Viktor Orbán`): when the listed name
    /// starts at the span's start or right after a listed name that opens the span, and what it
    /// runs over is untagged or spans inside it.
    static func extendedToListedNames(_ spans: [EntitySpan], candidates: [Candidate], features f: TokenFeatures) -> [EntitySpan] {
        var spans = spans
        var out: [EntitySpan] = []
        out.reserveCapacity(spans.count)
        var k = 0
        while k < spans.count {
            var span = spans[k]
            k += 1
            guard span.spanClass != 4 else { out.append(span); continue }
            let last = span.tokens.upperBound - 1
            let c = Int(f.candidateAt[last])
            guard c >= 0 else { out.append(span); continue }
            let name = candidates[c].tokens
            guard name.upperBound > span.tokens.upperBound, name.lowerBound >= span.tokens.lowerBound,
                  let type = candidates[c].entries.first?.type else { out.append(span); continue }
            // Spans the listed name runs over must lie inside it; one that starts inside it and runs
            // on past its end keeps only what follows the name (`Світова` | `торгівлі в Женеві` →
            // `Світова організація торгівлі`, `Женеві`), typed by its listed name if it is one.
            var next = k
            while next < spans.count, spans[next].tokens.lowerBound < name.upperBound {
                if spans[next].tokens.upperBound > name.upperBound {
                    guard spans[next].tokens.lowerBound > name.lowerBound else { break }
                    var after = name.upperBound
                    while after < spans[next].tokens.upperBound, !f.isName(after) { after += 1 }
                    guard after < spans[next].tokens.upperBound else { next += 1; continue }
                    spans[next].tokens = after..<spans[next].tokens.upperBound
                    let r = Int(f.candidateAt[after])
                    if r >= 0, candidates[r].tokens == spans[next].tokens, let listed = candidates[r].entries.first?.type,
                       !candidates[r].entries.contains(where: { $0.type == NERTag.begin(spans[next].spanClass).entityType }) {
                        spans[next].spanClass = listed == .person ? 1 : listed == .place ? 2 : 3
                    }
                    break
                }
                next += 1
            }
            if next < spans.count, spans[next].tokens.lowerBound < name.upperBound { out.append(span); continue }
            let spanClass = type == .person ? 1 : type == .place ? 2 : 3
            if name.lowerBound > span.tokens.lowerBound {
                // `Индии Нарендра` | `Моди`: only after a listed name opening the span.
                let opening = Int(f.candidateAt[span.tokens.lowerBound])
                guard opening >= 0, candidates[opening].tokens == span.tokens.lowerBound..<name.lowerBound,
                      let openingType = candidates[opening].entries.first?.type else { out.append(span); continue }
                out.append(EntitySpan(tokens: span.tokens.lowerBound..<name.lowerBound,
                                      spanClass: openingType == .person ? 1 : openingType == .place ? 2 : 3,
                                      source: span.source, confidence: span.confidence))
            }
            span.tokens = name
            if !candidates[c].entries.contains(where: { $0.type == NERTag.begin(span.spanClass).entityType }) { span.spanClass = spanClass }
            out.append(span)
            k = next
        }
        return out
    }
}

extension EntityRecognizer {
    /// Listed acronyms the model left untagged or called MISC (`l'OTAN`, `l'ONU` in French, which
    /// borrows the Spanish model): a one-token name in capitals, listed exactly so, for entries of one type none
    /// of which is marked ambiguous, becomes a span of that type.
    static func listedAcronyms(_ spans: [EntitySpan], candidates: [Candidate], features f: TokenFeatures) -> [EntitySpan] {
        var covered = [Bool](repeating: false, count: f.count)
        // MISC spans never become mentions: a listed acronym inside one (`l'OTAN` as MISC) is taken.
        for span in spans where span.spanClass != 4 { for k in span.tokens where k < covered.count { covered[k] = true } }
        var added: [EntitySpan] = []
        for c in candidates where c.exactCase && c.tokens.count == 1 {
            let k = c.tokens.lowerBound
            guard k < covered.count, !covered[k], f.caseClass[k] == CaseClass.allCaps, !f.capsSentence[k],
                  let type = c.entries.first?.type, type != .person,
                  c.entries.allSatisfy({ $0.type == type && !$0.marked }) else { continue }
            added.append(EntitySpan(tokens: c.tokens, spanClass: type == .place ? 2 : 3, source: "rule:listed-acronym", confidence: 0.7))
        }
        guard !added.isEmpty else { return spans }
        let kept = spans.filter { span in span.spanClass != 4 || !added.contains { $0.tokens.overlaps(span.tokens) } }
        return (kept + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}

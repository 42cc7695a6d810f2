import GazetteCore

/// A typed token span on its way to becoming a ``Mention``.
struct EntitySpan: Hashable {
    /// Token indices covered.
    var tokens: Range<Int>
    /// Span class: 1 PER, 2 LOC, 3 ORG, 4 MISC (MISC is kept only so rules can see it).
    var spanClass: Int
    /// `model`, or `rule:<name>`; `gazetteer` is decided when the mention is built.
    var source: String
    /// Confidence in [0, 1].
    var confidence: Double
}

extension EntityRecognizer {
    /// Spans of consecutive labels of one class (`B-X I-X …`), with a confidence from the smallest
    /// score margin inside the span.
    static func spans(tags: [NERTag], margins: [Float], rules: [UInt8]) -> [EntitySpan] {
        var out: [EntitySpan] = []
        var k = 0
        while k < tags.count {
            let tag = tags[k]
            guard tag != .outside else { k += 1; continue }
            var j = k + 1
            while j < tags.count, tags[j] == .inside(tag.spanClass) { j += 1 }
            var margin = Float.infinity
            for m in k..<j { margin = min(margin, margins[m]) }
            // Softsign of the margin: a margin of a few points already means a clear decision.
            let m = Double(max(0, margin))
            let confidence = 0.5 + 0.5 * m / (m + 4)
            let rule = rules[k]
            if rule != 0 {
                out.append(EntitySpan(tokens: k..<j, spanClass: tag.spanClass, source: "rule:" + RecognitionRule.names[Int(rule)], confidence: 0.7))
            } else {
                out.append(EntitySpan(tokens: k..<j, spanClass: tag.spanClass, source: "model", confidence: (confidence * 100).rounded() / 100))
            }
            k = j
        }
        return out
    }

    /// The spans of the models of other languages, corrected by the gazetteer. Their Wikipedia
    /// fragments seldom put a name right after another, as news does with a country in the
    /// genitive before a person (`Президент России Владимир Путин`, `НАТО Марком Рютте`): a listed
    /// name that opens a span and is followed inside it by a listed person becomes a span of its
    /// own, typed by its likeliest entry. A span that starts inside a listed person's name is
    /// that person (`Путин` tagged, `Владимир` not); a span that stops at a lower-case word inside
    /// a listed name runs to the name's end (`Европейский союз`); a span that is exactly a listed
    /// name with no entry of its type takes the type of the likeliest entry (`Эмманюэлем Макроном`
    /// tagged as an organisation); an organisation span that is exactly a listed place's name after
    /// a locative preposition is the place; a listed title opening a span is dropped. Each of these was kept only when it cost under 1 point of F1 on WikiANN val
    /// (docs/ner.md).
    /// Prepositions that put the next noun where something happens, in the languages with a model
    /// of their own or a borrowed one (ru/uk `в`, `во`, `у`, `на`; de `in`, `im`; fr `à`, `en`;
    /// es, nl, pl `en`, `in`, `w`, `we`), by the hash of their lower-cased bytes.
    static let locativePrepositions: Set<UInt64> = Set(
        ["в", "во", "у", "на", "in", "im", "à", "en", "w", "we"].map { FeatureHash.lowercased($0) })

    static func listedNameSpans(_ spans: [EntitySpan], candidates: [Candidate], features: TokenFeatures) -> [EntitySpan] {
        func listedClass(_ c: Int) -> Int? {
            switch candidates[c].entries.first?.type {
            case .person: 1
            case .place: 2
            case .organization: 3
            case nil: nil
            }
        }
        var out: [EntitySpan] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            guard span.spanClass != 4 else { out.append(span); continue }
            var rest = span
            // A listed title opening the span is no part of the name (`Premier Donald Tusk`).
            while rest.tokens.count > 1, features.cues[rest.tokens.lowerBound].contains(.title),
                  features.isName(rest.tokens.lowerBound + 1) {
                rest.tokens = (rest.tokens.lowerBound + 1)..<rest.tokens.upperBound
            }
            // A span that starts inside a listed person's name whose first words no span holds
            // (`Путин` tagged, `Владимир` not) is that person.
            // MISC spans inside the name (`von` of `Ursula von der Leyen`) give way to it.
            let first = Int(features.candidateAt[rest.tokens.lowerBound])
            if first >= 0, candidates[first].tokens.lowerBound < rest.tokens.lowerBound, listedClass(first) == 1,
               candidates[first].tokens.upperBound >= rest.tokens.upperBound,
               (out.last(where: { $0.spanClass != 4 || $0.tokens.lowerBound < candidates[first].tokens.lowerBound })?.tokens.upperBound ?? 0)
                   <= candidates[first].tokens.lowerBound {
                out.removeAll { $0.spanClass == 4 && $0.tokens.lowerBound >= candidates[first].tokens.lowerBound }
                rest.tokens = candidates[first].tokens
                rest.spanClass = 1
            }
            while true {
                let lo = rest.tokens.lowerBound
                let c = Int(features.candidateAt[lo])
                guard c >= 0, candidates[c].tokens.lowerBound == lo else { break }
                let end = candidates[c].tokens.upperBound
                guard end < rest.tokens.upperBound, let listed = listedClass(c) else { break }
                // Split before a listed person (`России | Владимир Путин`): splitting before a lower-case
                // word too cost 3 to 5 points of F1 on WikiANN val (names such as `Московский
                // государственный университет` run on over lower-case words).
                let next = Int(features.candidateAt[end])
                let personNext = next >= 0 && candidates[next].tokens.lowerBound == end && listedClass(next) == 1
                guard personNext else { break }
                out.append(EntitySpan(tokens: lo..<end, spanClass: listed, source: span.source, confidence: span.confidence))
                rest.tokens = end..<rest.tokens.upperBound
            }
            let c = Int(features.candidateAt[rest.tokens.lowerBound])
            if c >= 0, candidates[c].tokens.lowerBound == rest.tokens.lowerBound, listedClass(c) != nil {
                // A listed name the span stops short of at a lower-case word (`Европейский` of
                // `Европейский союз`), unless another span runs on past its end.
                let end = candidates[c].tokens.upperBound
                if end > rest.tokens.upperBound, !features.isName(rest.tokens.upperBound),
                   !spans.contains(where: { $0.tokens.lowerBound < end && $0.tokens.upperBound > end }) {
                    rest.tokens = rest.tokens.lowerBound..<end
                }
                // Exactly a listed name with no entry of the span's type: its likeliest entry's type.
                if candidates[c].tokens == rest.tokens, let listed = listedClass(c),
                   !candidates[c].entries.contains(where: { $0.type == NERTag.begin(rest.spanClass).entityType }) {
                    rest.spanClass = listed
                }
                // An organisation span that is exactly a listed place's name right after a locative
                // preposition (`в Страсбурзі`, `у Вольфсбурзі`, `à Strasbourg`) is the place, not the
                // club or firm named after it.
                if candidates[c].tokens == rest.tokens, rest.spanClass == 3, rest.tokens.lowerBound > 0,
                   Self.locativePrepositions.contains(features.lower[rest.tokens.lowerBound - 1]),
                   candidates[c].entries.contains(where: { $0.type == .place }) {
                    rest.spanClass = 2
                }
            }
            // Spans inside a name extended over them are part of it.
            if let last = out.last, last.tokens.upperBound > rest.tokens.lowerBound { continue }
            out.append(rest)
        }
        return out
    }

    /// Builds the mentions of PER, LOC and ORG spans: possessive endings trimmed, surface text,
    /// the gazetteer id when the span is exactly a candidate with an entry of the mention's type.
    func mentions(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], features: TokenFeatures, tags: [NERTag], margins: [Float]) -> [Mention] {
        var tags = tags
        var rules = [UInt8](repeating: 0, count: tags.count)
        if rulesEnabled {
            applyRules(bytes, tokens: tokens, candidates: candidates, features: features, tags: &tags, rules: &rules)
        }
        var spans = Self.spans(tags: tags, margins: margins, rules: rules)
        if extractor.letterFeatures {
            spans = Self.languageSpans(spans, bytes: bytes, tokens: tokens, candidates: candidates, features: features, roles: RoleWords.builtIn)
            spans = Self.listedNameSpans(spans, candidates: candidates, features: features)
            spans = Self.extendedToListedNames(spans, candidates: candidates, features: features)
            spans = Self.listedAcronyms(spans, candidates: candidates, features: features)
        }
        var out: [Mention] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            guard let type = NERTag.begin(span.spanClass).entityType else { continue }
            var lo = span.tokens.lowerBound, hi = span.tokens.upperBound
            // Trailing possessive `'s` / `’s` (one token, or `'` + `s`) and stray punctuation.
            while hi > lo + 1, Self.isPossessiveOrQuote(bytes, tokens, hi - 1) || tokens[hi - 1].kind == .punctuation { hi -= 1 }
            while lo < hi - 1, tokens[lo].kind == .punctuation { lo += 1 }
            // A name starts with a capital or a digit (`3M`), unless the gazetteer lists it written
            // so (`daa`): leading lower-case words and possessives are dropped (`said Kyiv`), and a
            // span of nothing else is no name.
            func listedAsWritten(_ lo: Int) -> Bool {
                let c = Int(features.candidateAt[lo])
                return c >= 0 && candidates[c].tokens == lo..<hi && candidates[c].exactCase
            }
            func startsName(_ k: Int) -> Bool {
                (features.isName(k) || tokens[k].kind == .number || listedAsWritten(k)) && !Self.isPossessiveOrQuote(bytes, tokens, k)
            }
            while lo < hi - 1, !startsName(lo) { lo += 1 }
            guard startsName(lo) else { continue }
            // A span of the models of other languages has a capitalised word (not `2023 года`, a
            // year with its case ending, which their Wikipedia fragments sometimes tag).
            if extractor.letterFeatures, !listedAsWritten(lo), !(lo..<hi).contains(where: { features.isName($0) }) { continue }
            var start = tokens[lo].range.start
            var end = tokens[hi - 1].range.end
            // A possessive kept inside the last token (`Putin's` when the segmenter did not split).
            end = Self.endWithoutPossessive(bytes, start: start, end: end)
            if end <= start { start = tokens[lo].range.start; end = tokens[hi - 1].range.end }
            var entityID = ""
            var source = span.source
            // The gazetteer's (longest) candidate at the span's start, when it is exactly the span.
            let c = Int(features.candidateAt[lo])
            if c >= 0, candidates[c].tokens == lo..<hi, let entry = candidates[c].entries.first(where: { $0.type == type }) {
                entityID = entry.id
                if source == "model" { source = "gazetteer" }
            }
            let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            out.append(Mention(range: TextRange(start: start, end: end), surface: surface, type: type, entityID: entityID,
                               source: source, confidence: span.confidence))
        }
        return out
    }

    /// True when token `k` is a possessive ending (`'s`, `’s`, a lone `'`/`’`, or `s` right after one).
    static func isPossessiveOrQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Bool {
        let r = tokens[k].range
        let first = bytes[r.start]
        let isApostrophe = (r.count == 1 && first == 0x27) || (r.count == 3 && first == 0xE2 && bytes[r.start + 1] == 0x80 && bytes[r.start + 2] == 0x99)
        if isApostrophe { return true }
        if r.count == 1 && (first == 0x73 || first == 0x53), k > 0 {
            let p = tokens[k - 1].range
            return p.end == r.start && (bytes[p.end - 1] == 0x27 || bytes[p.end - 1] == 0x99)
        }
        if (r.count == 2 && first == 0x27) || (r.count == 4 && first == 0xE2 && bytes[r.start + 2] == 0x99) {
            let last = bytes[r.end - 1]
            return last == 0x73 || last == 0x53
        }
        return false
    }

    /// `end` moved before a final `'s` / `’s` inside the range, if there is one.
    static func endWithoutPossessive(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        guard end - start >= 3, bytes[end - 1] == 0x73 || bytes[end - 1] == 0x53 else { return end }
        if bytes[end - 2] == 0x27 { return end - 2 }
        if end - start >= 5, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99 { return end - 4 }
        return end
    }
}

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

    /// Builds the mentions of PER, LOC and ORG spans: possessive endings trimmed, surface text,
    /// the gazetteer id when the span is exactly a candidate with an entry of the mention's type.
    func mentions(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate], features: TokenFeatures, tags: [NERTag], margins: [Float]) -> [Mention] {
        var tags = tags
        var rules = [UInt8](repeating: 0, count: tags.count)
        if rulesEnabled {
            applyRules(bytes, tokens: tokens, candidates: candidates, features: features, tags: &tags, rules: &rules)
        }
        let spans = Self.spans(tags: tags, margins: margins, rules: rules)
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

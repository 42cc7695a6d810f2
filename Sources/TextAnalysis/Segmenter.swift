public import GazetteCore

/// Splits an article's text into sentences and tokens (byte ranges), the layer every tagger reads.
///
/// Rules, all on UTF-8 bytes:
/// * a word is a run of letters, marks and digits; an apostrophe between letters stays inside
///   (`O'Brien`), but a final possessive `'s`/`’s` becomes its own token (`Putin`, `’s`), and so
///   does a French or Italian elision before it (`l'`, `Union`; `d'`, `Ukraine`; `dell'`, `Unione`);
/// * hyphens, slashes and other punctuation are tokens of their own (`Russia`, `-`, `Ukraine`);
/// * dotted abbreviations stay whole: single letters with dots (`U.S.`, `U.K.`) and the words in
///   ``Abbreviations`` (`Mr.`, `Inc.`, `Gen.`);
/// * numbers keep inner `.`, `,` and `:` between digits (`1,200.5`, `22:30`);
/// * a sentence ends after `.`, `!`, `?` (and closing quotes or brackets) before a space and a
///   capital, digit or quote; at a blank line; and at a line break unless the line reads on (no final
///   punctuation and the next line starts in lower case).
public struct Segmenter: PipelineStage {
    public let name = "segment"
    /// The body text.
    public var reads: ArticleLayers { .text }
    /// Sentences and tokens.
    public var writes: ArticleLayers { .tokens }
    /// Most tokens kept per document; the rest of the text is not tokenised.
    public var maxTokens: Int

    /// Creates a segmenter that keeps at most `maxTokens` tokens.
    public init(maxTokens: Int = Limits().maxTokens) { self.maxTokens = maxTokens }

    public func process(_ article: inout Article) throws(GazetteError) {
        var text = article.text
        let (tokens, sentences, stopped) = text.withUTF8 { bytes in
            let (tokens, sentences) = segment(bytes)
            return (tokens, sentences, Self.textRemains(bytes, after: tokens))
        }
        article.tokens = tokens
        article.sentences = sentences
        article.tokenLimit = tokens.count >= maxTokens && stopped ? maxTokens : nil
    }

    /// True when `bytes` holds more than white space after the last of `tokens`.
    private static func textRemains(_ bytes: UnsafeBufferPointer<UInt8>, after tokens: [Token]) -> Bool {
        guard let last = tokens.last else { return false }
        var index = last.range.end
        while index < bytes.count {
            let byte = bytes[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x0B { return true }
            index += 1
        }
        return false
    }

    /// Segments UTF-8 text; returns tokens and sentence ranges.
    public func segment(_ bytes: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], sentences: [TextRange]) {
        var tokens: [Token] = []
        tokens.reserveCapacity(min(bytes.count / 5, maxTokens))
        var sentences: [TextRange] = []
        var sentence: Int32 = 0
        var sentenceStart = -1
        var pendingBreak = false
        var i = 0
        let n = bytes.count

        func closeSentence() {
            guard sentenceStart >= 0, let last = tokens.last else { return }
            sentences.append(TextRange(start: sentenceStart, end: last.range.end))
            sentence += 1
            sentenceStart = -1
        }
        func append(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            if pendingBreak { closeSentence(); pendingBreak = false }
            let first = sentenceStart < 0
            if first { sentenceStart = start }
            tokens.append(Token(range: TextRange(start: start, end: end), kind: kind, sentence: sentence, startsSentence: first))
        }

        while i < n, tokens.count < maxTokens {
            let b = bytes[i]
            // Whitespace and line breaks.
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
                i += 1
                continue
            }
            if b == 0x0A {
                var j = i + 1
                var blank = false
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D || bytes[j] == 0x0A {
                    if bytes[j] == 0x0A { blank = true }
                    j += 1
                }
                if blank || !lineReadsOn(bytes, tokens: tokens, next: j) { pendingBreak = true }
                i = j
                continue
            }
            let (scalarClass, width) = CharacterClass.classify(bytes, at: i)
            switch scalarClass {
            case .space:
                i += width
            case .letter, .digit:
                let start = i
                var end = scanWord(bytes, from: i)
                let startsWithDigit = scalarClass == .digit
                // Possessive 's / ’s splits off.
                var possessive: (Int, Int)? = nil
                if let split = possessiveSplit(bytes, start: start, end: end) {
                    possessive = (split, end)
                    end = split
                }
                // Abbreviations keep their final dot.
                if possessive == nil, end < n, bytes[end] == 0x2E, Abbreviations.keepsDot(bytes, start: start, end: end) {
                    end += 1
                    // Dotted initialisms continue: U.S. / U.K. / e.g.
                    while end + 1 < n, CharacterClass.isASCIILetter(bytes[end]), bytes[end + 1] == 0x2E {
                        end += 2
                    }
                }
                append(start, end, startsWithDigit ? .number : .word)
                if let (s, e) = possessive { append(s, e, .word) }
                i = possessive?.1 ?? end
                if end > start, bytes[end - 1] == 0x2E, possessive == nil, endsSentenceAfterAbbreviation(bytes, tokens: tokens, at: end) {
                    pendingBreak = true
                }
            case .punctuation:
                append(i, i + width, .punctuation)
                if b == 0x2E || b == 0x21 || b == 0x3F || (width == 3 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6) {
                    var j = i + width
                    // Closing quotes and brackets belong to the sentence that ends.
                    while j < n, CharacterClass.isClosing(bytes, at: j) {
                        let w = CharacterClass.width(bytes[j])
                        append(j, j + w, .punctuation)
                        j += w
                    }
                    if sentenceEndsBefore(bytes, at: j) { pendingBreak = true }
                    i = j
                } else {
                    i += width
                }
            }
        }
        if pendingBreak || sentenceStart >= 0 { closeSentence() }
        return (tokens, sentences)
    }

    /// Scans a word: letters, marks, digits, inner apostrophes and, for numbers, inner `.,:`.
    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        while i < n {
            let (c, w) = CharacterClass.classify(bytes, at: i)
            if c == .letter || c == .digit {
                i += w
                continue
            }
            // Inner apostrophe (' or ’) followed by a letter: O'Brien, don't, Putin's.
            if let aw = CharacterClass.apostropheWidth(bytes, at: i), i + aw < n,
               CharacterClass.classify(bytes, at: i + aw).0 == .letter, i > start {
                // French and Italian elisions are words of their own: l'|Union, d'|Ukraine, dell'|Unione.
                if Self.isElision(bytes, start: start, end: i) { return i + aw }
                i += aw
                continue
            }
            // Digit separators inside numbers: 1,200.50 and 22:30.
            let b = bytes[i]
            if (b == 0x2C || b == 0x2E || b == 0x3A), i > start, i + 1 < n,
               CharacterClass.isASCIIDigit(bytes[i - 1]), CharacterClass.isASCIIDigit(bytes[i + 1]) {
                i += 1
                continue
            }
            break
        }
        return i
    }

    /// Elided articles and prepositions of French and Italian, before an apostrophe.
    private static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "dell", "all", "dall", "nell", "sull", "coll", "un", "L", "Qu", "Dell", "All", "Dall", "Nell", "Sull",
    ]

    /// True when `bytes[start..<end]` (before an apostrophe) is an elided word (`l'`, `d'`, `dell'`).
    private static func isElision(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard end - start <= 7 else { return false }
        for k in start..<end where !CharacterClass.isASCIILetter(bytes[k]) { return false }
        return elisions.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// Where a final possessive `'s` / `’s` starts inside `start..<end`, if the word ends with one.
    private func possessiveSplit(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
        guard end - start >= 3 else { return nil }
        let last = bytes[end - 1]
        guard last == 0x73 || last == 0x53 else { return nil }  // s or S
        if bytes[end - 2] == 0x27, end - 2 > start { return end - 2 }
        if end - start >= 5, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99, end - 4 > start { return end - 4 }
        return nil
    }

    /// True when a line break at `next` should not end the sentence: the line before has no final
    /// punctuation and the next line starts with a lower-case letter.
    private func lineReadsOn(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], next: Int) -> Bool {
        guard next < bytes.count, let last = tokens.last else { return false }
        let lastByte = bytes[last.range.end - 1]
        if lastByte == 0x2E || lastByte == 0x21 || lastByte == 0x3F || lastByte == 0x3A { return false }
        let b = bytes[next]
        return b >= 0x61 && b <= 0x7A
    }

    /// True when the text at `i` (after sentence punctuation) starts a new sentence: end of text, or
    /// whitespace then a capital, digit, quote or bracket.
    private func sentenceEndsBefore(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i
        let n = bytes.count
        if j >= n { return true }
        guard bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D else { return false }
        while j < n, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
        if j >= n { return true }
        let b = bytes[j]
        if b >= 0x61 && b <= 0x7A { return false }  // lower case continues
        return true
    }

    /// After an abbreviation with a dot, a sentence ends only if the abbreviation is a dotted
    /// initialism (`U.S.`) followed by a capitalised word that is not a name-like continuation; we keep
    /// it simple: end the sentence when a line break or the end of text follows.
    private func endsSentenceAfterAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], at i: Int) -> Bool {
        var j = i
        while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
        return j >= bytes.count
    }
}

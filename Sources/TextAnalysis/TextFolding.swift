import Foundation

/// Case and diacritic folding for matching: `Erdoğan`, `ERDOGAN` and `erdogan` fold alike.
///
/// Folding is applied per token, never to a whole document, so offsets into the original text stay
/// exact (İ, ß and other scalars whose case mapping changes length cannot shift them). ASCII tokens
/// take a fast path, and so do tokens whose other letters are Latin, Greek or Cyrillic two-byte
/// scalars (``ScalarFolds``); the rest go through Foundation's folding.
package enum TextFolding {
    /// The folded form of a token's bytes: lower case, diacritics removed, typographic apostrophes
    /// and dashes made ASCII.
    package static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in bytes where b >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (k, b) in bytes.enumerated() { out[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
                return bytes.count
            }
        }
        return ScalarFolds.shared.fold(bytes) ?? foldedByFoundation(String(decoding: bytes, as: UTF8.self))
    }

    /// The folded form of a string (see ``fold(_:)-(UnsafeBufferPointer<UInt8>)``).
    package static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { fold($0) }
    }

    /// ``fold(_:)-(String)`` through Foundation, for any text: what the fast paths (ASCII, and
    /// ``ScalarFolds``' table for the letters of European alphabets) must equal.
    static func foldedByFoundation(_ text: String) -> String {
        typographyMadeASCII(foundationFold(text))
    }

    /// Foundation's case, diacritic and width folding (`ß` as `ss` first).
    static func foundationFold(_ text: String) -> String {
        let source = text.unicodeScalars.contains("ß") ? text.replacingOccurrences(of: "ß", with: "ss") : text
        return source.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A Foundation-folded text with typographic apostrophes and dashes made ASCII, the dotless `i`
    /// made `i` and the remaining combining marks dropped; a text that is all ASCII already is left
    /// as it is (so a grave accent `` ` `` becomes an apostrophe only beside other non-ASCII text).
    static func typographyMadeASCII(_ folded: String) -> String {
        guard folded.utf8.contains(where: { $0 >= 0x80 }) else { return folded }
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: scalars.append("'")
            case 0x2010...0x2015, 0x2212: scalars.append("-")
            case 0x0131: scalars.append("i")  // dotless i
            default:
                if scalar.properties.generalCategory != .nonspacingMark { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// True when `needle`'s UTF-8 bytes occur in `haystack`'s: a literal search, for text that both
    /// sides folded alike (``fold(_:)-(String)``), without Foundation's locale-aware string search.
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard n.count <= h.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// True when the token's first scalar is an upper-case letter (`Putin`, `Östersund`).
    package static func isCapitalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        let w = CharacterClass.width(first)
        guard w <= bytes.count, let scalar = CharacterClass.decode(bytes, at: 0, width: w) else { return false }
        return scalar.properties.isUppercase
    }

    /// True when the token has at least one letter and no lower-case letter (`NATO`, `U.S.`).
    package static func isAllCaps(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x61 && b <= 0x7A { return false }
                if b >= 0x41 && b <= 0x5A { letters += 1 }
                i += 1
            } else {
                let w = CharacterClass.width(b)
                if i + w <= bytes.count, let scalar = CharacterClass.decode(bytes, at: i, width: w) {
                    if scalar.properties.isLowercase { return false }
                    if scalar.properties.isUppercase { letters += 1 }
                }
                i += w
            }
        }
        return letters > 0
    }
}

/// The folded UTF-8 of each scalar that words of European (and other two-byte) alphabets hold: all
/// of U+0080 to U+07FF (Latin-1, Latin Extended-A and -B, IPA, Greek, Cyrillic, Armenian, Hebrew,
/// Arabic; the soft hyphen inside German words), and U+1E00 to U+206F (Latin Extended Additional,
/// Greek Extended, the typographic quotes, apostrophes and dashes), each computed once by
/// Foundation. Marks (U+0300 to U+036F, the Arabic vowel signs) and format characters are not in
/// it: they fold with the letters around them. Folding these scalars is per scalar (case, diacritics, width, no context),
/// so a word of them folds to the concatenation of their folds, exactly as Foundation folds the
/// whole word; it costs a table look-up instead of bridging a string, which dominated matching
/// non-English text.
struct ScalarFolds: Sendable {
    /// The scalars of the table, in two runs.
    static let ranges: [ClosedRange<UInt32>] = [0x0080...0x07FF, 0x1E00...0x206F]

    /// The table, built on first use.
    static let shared = ScalarFolds()

    /// Folded bytes of the table's `i`th scalar at `bytes[start[i]..<start[i + 1]]`.
    private let start: [UInt32]
    private let bytes: [UInt8]
    /// Whether the table's `i`th scalar is folded here: not a mark, which folds with the letter
    /// before it, nor a format character (a zero-width joiner), which Foundation drops only
    /// inside a word.
    private let known: [Bool]
    /// Whether Foundation folds the table's `i`th scalar to something not ASCII, which makes
    /// ``TextFolding/typographyMadeASCII(_:)`` rewrite the whole word (its grave accents too).
    private let rewrites: [Bool]

    init() {
        var start: [UInt32] = [0]
        var bytes: [UInt8] = []
        var known: [Bool] = []
        var rewrites: [Bool] = []
        let unfolded: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark, .format]
        for range in Self.ranges {
            for value in range {
                let scalar = Unicode.Scalar(value).flatMap { unfolded.contains($0.properties.generalCategory) ? nil : $0 }
                var rewritesWord = false
                if let scalar {
                    let folded = TextFolding.foundationFold(String(Character(scalar)))
                    rewritesWord = folded.utf8.contains { $0 >= 0x80 }
                    bytes.append(contentsOf: TextFolding.typographyMadeASCII(folded).utf8)
                }
                known.append(scalar != nil)
                rewrites.append(rewritesWord)
                start.append(UInt32(bytes.count))
            }
        }
        self.start = start
        self.bytes = bytes
        self.known = known
        self.rewrites = rewrites
    }

    /// The table position of `value`, or nil when it is outside both runs.
    @inline(__always)
    private static func slot(_ value: UInt32) -> Int? {
        if value <= 0x07FF { return value >= 0x0080 ? Int(value - 0x0080) : nil }
        if value >= 0x1E00, value <= 0x206F { return 0x0780 + Int(value - 0x1E00) }
        return nil
    }

    /// The folded form of `word`, or nil when it holds a scalar outside the table or a malformed
    /// sequence (the caller then asks Foundation).
    func fold(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(word.count + 4)
        var rewritten = false
        var i = 0
        while i < word.count {
            let b = word[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let value: UInt32
            if b >= 0xC2, b <= 0xDF, i + 1 < word.count, word[i + 1] & 0xC0 == 0x80 {
                value = UInt32(b & 0x1F) << 6 | UInt32(word[i + 1] & 0x3F)
                i += 2
            } else if b == 0xE1 || b == 0xE2, i + 2 < word.count, word[i + 1] & 0xC0 == 0x80, word[i + 2] & 0xC0 == 0x80 {
                value = UInt32(b & 0x0F) << 12 | UInt32(word[i + 1] & 0x3F) << 6 | UInt32(word[i + 2] & 0x3F)
                i += 3
            } else {
                return nil
            }
            guard let slot = Self.slot(value), known[slot] else { return nil }
            rewritten = rewritten || rewrites[slot]
            out.append(contentsOf: bytes[Int(start[slot])..<Int(start[slot + 1])])
        }
        if rewritten {
            for k in out.indices where out[k] == 0x60 { out[k] = 0x27 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

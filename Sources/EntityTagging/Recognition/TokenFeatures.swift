import GazetteCore
import TextAnalysis

/// The static features of every token of one article, as hashes, plus the per-token values the
/// decoder combines with predicted labels.
struct TokenFeatures {
    /// Feature hashes of all tokens, concatenated.
    var hashes: [UInt64] = []
    /// Token `i`'s features are `hashes[offsets[i]..<offsets[i + 1]]`.
    var offsets: [Int32] = [0]
    /// Lower-cased word hash per token.
    var lower: [UInt64] = []
    /// Word-shape hash per token.
    var shape: [UInt64] = []
    /// Case class per token (see ``CaseClass``).
    var caseClass: [UInt8] = []
    /// Cue lists each token belongs to.
    var cues: [RecognizerLexicons.Flags] = []
    /// True for tokens of an all-capitals sentence (headline, table).
    var capsSentence: [Bool] = []
    /// Dateline kind of a token (0 none; see ``FeatureExtractor``).
    var dateline: [UInt8] = []
    /// First token of the token's sentence, and one past its last.
    var sentenceStart: [Int] = []
    var sentenceEnd: [Int] = []
    /// Index of the longest gazetteer candidate covering the token, or -1.
    var candidateAt: [Int32] = []

    /// Number of tokens.
    var count: Int { lower.count }

    /// The text domain's salt (see ``FeatureExtractor/domain(_:)``); 0 (news) adds no domain copies.
    var domain: UInt64 = 0
}

/// Writes one block's feature hashes into a buffer with room for
/// ``FeatureExtractor/maxFeaturesPerToken`` a token (twice that with domain copies), and the
/// token offsets into ``offsets``. A hash past the room is dropped, never written out of bounds
/// (a debug build stops there: the bound is wrong).
struct FeatureWriter {
    let base: UnsafeMutablePointer<UInt64>
    let capacity: Int
    /// The text domain's salt, as ``TokenFeatures/domain``.
    let domain: UInt64
    /// Hashes written so far.
    private(set) var count = 0
    /// As ``TokenFeatures/offsets``.
    var offsets: [Int32]

    init(base: UnsafeMutablePointer<UInt64>, capacity: Int, domain: UInt64, offsets: [Int32]) {
        self.base = base
        self.capacity = capacity
        self.domain = domain
        self.offsets = offsets
    }

    /// Appends the feature `template × value` to the current token, and its domain copy.
    @inline(__always)
    mutating func add(_ template: FeatureExtractor.Template, _ value: UInt64) {
        let h = FeatureExtractor.feature(template, value)
        push(h)
        if domain != 0 { push(FeatureHash.combine(h, domain)) }
    }

    @inline(__always)
    private mutating func push(_ hash: UInt64) {
        assert(count < capacity, "FeatureExtractor.maxFeaturesPerToken is too small")
        guard count < capacity else { return }
        base[count] = hash
        count += 1
    }

    /// Ends the current token.
    @inline(__always)
    mutating func endToken() { offsets.append(Int32(truncatingIfNeeded: count)) }
}

/// How a token is written, in a few classes the features and rules condition on.
enum CaseClass {
    /// No letters (number, punctuation).
    static let other: UInt8 = 0
    /// Lower case (`said`).
    static let lower: UInt8 = 1
    /// Capitalised (`Putin`, `McDonald`).
    static let capitalized: UInt8 = 2
    /// All capitals, more than one letter (`NATO`, `U.S.`, `MOSCOW`).
    static let allCaps: UInt8 = 3
    /// A single capital letter, maybe with a dot (`A`, `J.`).
    static let initial: UInt8 = 4
}

/// Per-token surface properties, computed in one pass over the token's bytes.
struct TokenSurface {
    /// The ASCII character a typographic punctuation token or a split-off possessive stands for.
    @inline(__always)
    static func asciiEquivalent(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8? {
        let n = end - start
        let first = bytes[start]
        if first == 0x27, n == 2, bytes[start + 1] | 0x20 == 0x73 { return 0x27 }  // 's
        guard first == 0xE2, n >= 3, bytes[start + 1] == 0x80 else { return nil }
        if n == 4 {  // ’s
            return bytes[start + 2] == 0x99 && bytes[start + 3] | 0x20 == 0x73 ? 0x27 : nil
        }
        guard n == 3 else { return nil }
        switch bytes[start + 2] {
        case 0x98, 0x99: return 0x27  // ‘ ’
        case 0x9C, 0x9D, 0x9E: return 0x22  // “ ” „
        case 0x93, 0x94: return 0x2D  // – —
        default: return nil
        }
    }

    // 32 bytes a token (a long article holds one per token while it is tagged).
    var lower: UInt64 = 0
    var shape: UInt64 = 0
    var letters: Int32 = 0
    var length: Int32 = 0
    var caseClass: UInt8 = CaseClass.other
    var hasDigit = false
    var hasLetter = false
    var mixedCaps = false

    /// Analyses `bytes[start..<end]`.
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if let ascii = Self.asciiEquivalent(bytes, start, end) {
            // Typographic punctuation and split-off possessives look like the ASCII the training
            // text uses (`’` → `'`, `“` → `"`, `—` → `-`, `'s` → `'`).
            let h = (FeatureHash.seed ^ UInt64(ascii)) &* FeatureHash.prime
            lower = h
            shape = FeatureHash.mix(h)
            length = 1
            return
        }
        lower = FeatureHash.lowercased(bytes, start, end)
        var shapeHash = FeatureHash.seed
        var last: UInt8 = 0
        var uppers = 0, lowers = 0
        var firstUpper = false
        var sawLowerThenUpper = false
        var i = start
        while i < end {
            let b = bytes[i]
            var s: UInt8
            var w = 1
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { s = 0x58 } // X
                else if b >= 0x61 && b <= 0x7A { s = 0x78 } // x
                else if b >= 0x30 && b <= 0x39 { s = 0x64 } // d
                else { s = b }
            } else {
                w = CharacterClass.width(b)
                if i + w <= end, let scalar = CharacterClass.decode(bytes, at: i, width: w) {
                    let p = scalar.properties
                    if p.isUppercase { s = 0x58 } else if p.isAlphabetic { s = 0x78 } else if p.numericType != nil { s = 0x64 } else { s = 0x6F }
                } else {
                    s = 0x6F
                }
            }
            if s == 0x58 {
                if length == 0 { firstUpper = true }
                if lowers > 0 { sawLowerThenUpper = true }
                uppers += 1
            } else if s == 0x78 {
                lowers += 1
            } else if s == 0x64 {
                hasDigit = true
            }
            if s != last {
                shapeHash = (shapeHash ^ UInt64(s)) &* FeatureHash.prime
                last = s
            }
            length += 1
            i += w
        }
        letters = Int32(clamping: uppers + lowers)
        hasLetter = letters > 0
        mixedCaps = sawLowerThenUpper
        shape = FeatureHash.mix(shapeHash)
        if letters == 0 {
            caseClass = CaseClass.other
        } else if lowers == 0 {
            caseClass = uppers == 1 && length <= 2 ? CaseClass.initial : CaseClass.allCaps
        } else if firstUpper {
            caseClass = CaseClass.capitalized
        } else {
            caseClass = CaseClass.lower
        }
    }
}

/// Byte-level character classes for segmentation: letter, digit, space or punctuation.
///
/// ASCII is decided by table-free comparisons; other scalars are decoded once and classed by their
/// Unicode properties (letters and marks of any script are letters).
package enum CharacterClass: UInt8, Sendable {
    /// A letter or combining mark of any script.
    case letter
    /// A decimal digit.
    case digit
    /// White space (including no-break space).
    case space
    /// Anything else: punctuation, symbols, control characters.
    case punctuation

    /// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for invalid lead bytes).
    @inline(__always)
    package static func width(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    /// True for `A`–`Z` and `a`–`z`.
    @inline(__always)
    package static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// True for `0`–`9`.
    @inline(__always)
    package static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Classifies the scalar at `i` and returns its byte width.
    @inline(__always)
    package static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (CharacterClass, Int) {
        let b = bytes[i]
        if b < 0x80 {
            if isASCIILetter(b) { return (.letter, 1) }
            if isASCIIDigit(b) { return (.digit, 1) }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return (.space, 1) }
            return (.punctuation, 1)
        }
        let w = width(b)
        guard i + w <= bytes.count, let scalar = decode(bytes, at: i, width: w) else { return (.punctuation, 1) }
        return (classify(scalar), w)
    }

    /// Classifies a non-ASCII scalar.
    package static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
        let v = scalar.value
        if v == 0xA0 || v == 0x2007 || v == 0x202F || (v >= 0x2000 && v <= 0x200A) || v == 0x3000 { return .space }
        if v >= 0x2010 && v <= 0x206F { return .punctuation }  // General Punctuation: dashes, quotes, …
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
            return .letter
        }
        if properties.generalCategory == .decimalNumber { return .digit }
        if properties.isWhitespace { return .space }
        return .punctuation
    }

    /// Decodes a well-formed UTF-8 sequence of `width` bytes at `i`.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> Unicode.Scalar? {
        var value: UInt32
        switch width {
        case 2: value = UInt32(bytes[i] & 0x1F)
        case 3: value = UInt32(bytes[i] & 0x0F)
        case 4: value = UInt32(bytes[i] & 0x07)
        default: return nil
        }
        for k in 1..<width {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// Width of an apostrophe (`'` or `’`) at `i`, or nil.
    @inline(__always)
    package static func apostropheWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return nil
    }

    /// True when the character at `i` closes a quotation or bracket (`"`, `'`, `)`, `]`, `”`, `’`, `»`).
    @inline(__always)
    package static func isClosing(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { return true }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 { return true }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xBB { return true }
        return false
    }
}

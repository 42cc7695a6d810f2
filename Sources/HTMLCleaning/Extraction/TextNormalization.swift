import Foundation

/// Whitespace and line clean-up shared by the text writer and the metadata reader.
enum TextNormalization {
    /// True for ASCII whitespace bytes.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// `text` in Unicode normalization form C (`e` + combining acute → `é`, Bengali `য` + nukta →
    /// `য়`), so a word reads the same whatever the page's editor stored. Only text that holds
    /// combining marks (Latin combining diacritics, Indic signs, Hangul jamo, kana voicing marks) is
    /// normalized; other text is returned as it is without a second look.
    static func composed(_ text: String) -> String {
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in text.utf8 {
            // U+0300–U+036F combining diacritics (CC, CD lead bytes); U+0900–U+0DFF Indic blocks;
            // U+1100–U+11FF Hangul jamo; U+3099, U+309A kana voicing marks.
            if byte == 0xCC || byte == 0xCD || (second == 0xE0 && (0xA4...0xB7).contains(byte))
                || (second == 0xE1 && (0x84...0x87).contains(byte)) || (first == 0xE3 && second == 0x82 && (byte == 0x99 || byte == 0x9A)) {
                return text.precomposedStringWithCanonicalMapping
            }
            first = second
            second = byte
        }
        return text
    }

    /// Collapses runs of whitespace (including no-break spaces) into one space and trims the ends.
    static func cleanLine(_ line: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        var bytes = Array(line.utf8)
        bytes.append(0)
        var index = 0
        while index < bytes.count - 1 {
            let byte = bytes[index]
            let spaceLength = spaceSequenceLength(bytes, at: index)
            if spaceLength > 0 {
                pendingSpace = !output.isEmpty
                index += spaceLength
                continue
            }
            if pendingSpace { output.append(0x20); pendingSpace = false }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Length of a whitespace character at `index`: ASCII space, no-break space (C2 A0), or the
    /// Unicode spaces U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF; 0 otherwise.
    @inline(__always)
    static func spaceSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if isSpace(byte) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count {
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && (third <= 0x8B || third == 0xAF) { return 3 }
            if second == 0x81 && third == 0x9F { return 3 }
        }
        if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
        return 0
    }
}

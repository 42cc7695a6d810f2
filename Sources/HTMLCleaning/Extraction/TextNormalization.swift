/// Whitespace and line clean-up shared by the text writer and the metadata reader.
enum TextNormalization {
    /// True for ASCII whitespace bytes.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
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

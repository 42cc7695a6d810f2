/// Decides which encoding a page's bytes are in, the way browsers do, but trusting valid UTF-8 over a
/// declaration that contradicts it.
///
/// Order: byte-order mark → charset declared by the transport (HTTP header, record field) →
/// `<meta charset>` / `http-equiv` / XML declaration near the start → UTF-8 if the bytes are
/// (mostly) valid UTF-8 → windows-1252.
struct CharsetSniffer {
    /// The outcome: the encoding and how many leading bytes (a BOM) to skip.
    struct Result: Equatable {
        /// The encoding to decode with.
        var encoding: TextEncoding
        /// Length of the byte-order mark to skip.
        var bomLength: Int
        /// What a UTF-8 scan of the whole input found, when the sniffer made one.
        var validation: UTF8Validation? = nil
    }

    /// How many bytes the `<meta>` prescan reads first (the HTML standard's 1024).
    static let prescanBytes = 1024
    /// How far the prescan looks when the first 1024 bytes declared nothing and the bytes are not UTF-8.
    static let extendedPrescanBytes = 16 * 1024

    /// Sniffs `bytes`, with `declared` the transport's charset label if any.
    static func sniff(_ bytes: [UInt8], declared: String?) -> Result {
        if let bom = byteOrderMark(bytes) { return bom }
        if let utf16 = utf16WithoutBOM(bytes) { return Result(encoding: utf16, bomLength: 0) }

        var declaration: TextEncoding?
        if let declared, let encoding = TextEncoding(label: declared) { declaration = encoding }
        if declaration == nil { declaration = prescan(bytes, limit: prescanBytes) }
        // A page cannot declare itself UTF-16 in ASCII-compatible bytes; browsers read that as UTF-8.
        if let current = declaration, !current.isASCIICompatible { declaration = .utf8 }

        let stats = UTF8Validation.scan(bytes)
        let utf8 = Result(encoding: .utf8, bomLength: 0, validation: stats)
        switch declaration {
        case .utf8?:
            // Declared UTF-8 but mostly not: the declaration lies (typically a windows-1252 page).
            if stats.invalidSequences > stats.multiByteSequences { return Result(encoding: .windows1252, bomLength: 0) }
            return utf8
        case let other?:
            // Valid UTF-8 with non-ASCII text wins over a declaration of anything else.
            if stats.isValid && stats.multiByteSequences > 0 { return utf8 }
            return Result(encoding: other, bomLength: 0)
        case nil:
            if stats.isValid || stats.multiByteSequences > 4 * stats.invalidSequences {
                return utf8
            }
            if let late = prescan(bytes, limit: extendedPrescanBytes), late.isASCIICompatible {
                return Result(encoding: late, bomLength: 0)
            }
            return Result(encoding: .windows1252, bomLength: 0)
        }
    }

    /// The encoding a byte-order mark announces.
    static func byteOrderMark(_ bytes: [UInt8]) -> Result? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return Result(encoding: .utf8, bomLength: 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return Result(encoding: .utf16LE, bomLength: 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return Result(encoding: .utf16BE, bomLength: 2) }
        return nil
    }

    /// UTF-16 without a BOM, recognised by ASCII markup with a NUL byte between characters.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> TextEncoding? {
        let sample = min(bytes.count, 512) & ~1
        guard sample >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for index in 0..<sample where bytes[index] == 0 {
            if index & 1 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 8 && evenZeros * 10 < pairs { return .utf16LE }
        if evenZeros * 10 >= pairs * 8 && oddZeros * 10 < pairs { return .utf16BE }
        return nil
    }

    /// Looks for a charset in `<meta charset>`, `<meta http-equiv="content-type" content="…charset=…">`
    /// or `<?xml … encoding="…"?>` in the first `limit` bytes.
    static func prescan(_ bytes: [UInt8], limit: Int) -> TextEncoding? {
        let end = min(bytes.count, limit)
        var index = 0
        while index + 5 < end {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index + 1] == UInt8(ascii: "!"), index + 3 < end, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                // Skip a comment.
                var scan = index + 4
                while scan + 2 < end, !(bytes[scan] == UInt8(ascii: "-") && bytes[scan + 1] == UInt8(ascii: "-") && bytes[scan + 2] == UInt8(ascii: ">")) { scan += 1 }
                index = scan + 3
                continue
            }
            if matchesLowercase(bytes, at: index + 1, "?xml", end: end) {
                let (attributes, next) = readAttributes(bytes, from: index + 5, end: end)
                if let value = attributes["encoding"], let encoding = TextEncoding(label: value) { return encoding }
                index = next
                continue
            }
            guard matchesLowercase(bytes, at: index + 1, "meta", end: end), index + 5 < end, isSpaceOrSlash(bytes[index + 5]) else {
                index += 1
                continue
            }
            let (attributes, next) = readAttributes(bytes, from: index + 5, end: end)
            index = next
            if let charset = attributes["charset"], let encoding = TextEncoding(label: charset) { return encoding }
            if let equiv = attributes["http-equiv"], equiv.lowercased() == "content-type",
               let content = attributes["content"], let charset = charsetParameter(content),
               let encoding = TextEncoding(label: charset) {
                return encoding
            }
        }
        return nil
    }

    /// The value of `charset=` in a `Content-Type` value (`text/html; charset=utf-8`).
    static func charsetParameter(_ content: String) -> String? {
        let bytes = Array(content.lowercased().utf8)
        let key = Array("charset".utf8)
        guard bytes.count > key.count else { return nil }
        for start in 0...(bytes.count - key.count) where Array(bytes[start..<(start + key.count)]) == key {
            var index = start + key.count
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x22 || bytes[index] == 0x27 { index += 1 }
            let valueStart = index
            while index < bytes.count, ![0x20, 0x09, 0x3B, 0x22, 0x27, 0x2C].contains(bytes[index]) { index += 1 }
            return index > valueStart ? String(decoding: bytes[valueStart..<index], as: UTF8.self) : nil
        }
        return nil
    }

    private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == UInt8(ascii: "/")
    }

    private static func matchesLowercase(_ bytes: [UInt8], at start: Int, _ word: StaticString, end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard start + count <= end else { return false }
        return word.withUTF8Buffer { expected in
            for offset in 0..<count where bytes[start + offset] | 0x20 != expected[offset] | 0x20 { return false }
            return true
        }
    }

    /// Reads `name=value` pairs up to the closing `>`; returns them (names lowercased) and the index after `>`.
    private static func readAttributes(_ bytes: [UInt8], from start: Int, end: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var index = start
        func skipSpaces() { while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x0C || bytes[index] == UInt8(ascii: "/") { index += 1 } }
        while index < end {
            skipSpaces()
            guard index < end else { break }
            if bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "?") { index += 1; break }
            let nameStart = index
            while index < end, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"), bytes[index] > 0x20, bytes[index] != UInt8(ascii: "/") { index += 1 }
            if index == nameStart, bytes[index] != UInt8(ascii: "=") { index += 1; continue }  // a control byte: skip it
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            skipSpaces()
            var value = ""
            if index < end, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipSpaces()
                if index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    let valueStart = index
                    while index < end, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, bytes[index] > 0x20, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
            if attributes.count > 32 { break }
        }
        return (attributes, index)
    }
}

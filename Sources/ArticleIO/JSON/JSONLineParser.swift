/// A value of a top-level JSONL member that a reader asked for.
enum JSONField: Equatable {
    /// A string, as UTF-8 bytes with escapes resolved.
    case string([UInt8])
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array or object (validated, not kept).
    case composite

    /// The JSON type name, for error messages.
    var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .composite: "array or object"
        }
    }
}

/// Why a line is not valid JSON, with the byte offset in the line.
struct JSONSyntaxError: Error {
    /// What was wrong.
    var reason: String
    /// Byte offset of the problem in the line.
    var offset: Int
}

/// Parses one JSONL line on its bytes: checks the whole line is valid JSON and returns the top-level
/// members whose names are wanted (`id`, `url`, `html`, `text`), without building the rest.
struct JSONLineParser {
    /// Deepest array/object nesting accepted.
    static let maxNesting = 512

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The wanted members of the line's top-level object, or nil when the line is valid JSON but
    /// not an object. Throws when the line is not valid JSON.
    static func members(of line: [UInt8], wanted: Set<String>) throws(JSONSyntaxError) -> [String: JSONField]? {
        var parser = JSONLineParser(line)
        parser.skipWhitespace()
        // A UTF-8 byte-order mark some tools put at the start of a file.
        if parser.bytes.count >= 3 && parser.bytes[0] == 0xEF && parser.bytes[1] == 0xBB && parser.bytes[2] == 0xBF {
            parser.index = 3
            parser.skipWhitespace()
        }
        guard parser.index < parser.bytes.count else { throw JSONSyntaxError(reason: "empty line", offset: 0) }
        var result: [String: JSONField]?
        if parser.bytes[parser.index] == UInt8(ascii: "{") {
            result = try parser.topLevelObject(wanted: wanted)
        } else {
            _ = try parser.value(depth: 0, keep: false)
        }
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw JSONSyntaxError(reason: "unexpected text after the JSON value", offset: parser.index)
        }
        return result
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(reason: reason, offset: index) }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else {
            throw fail(index < bytes.count ? "expected \(what)" : "line ends early, expected \(what)")
        }
        index += 1
    }

    private mutating func topLevelObject(wanted: Set<String>) throws(JSONSyntaxError) -> [String: JSONField] {
        var fields: [String: JSONField] = [:]
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return fields }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let name = String(decoding: try string(), as: UTF8.self)
            try expect(UInt8(ascii: ":"), "':'")
            let keep = wanted.contains(name)
            let field = try value(depth: 1, keep: keep)
            if keep { fields[name] = field }
            skipWhitespace()
            guard index < bytes.count else { throw fail("line ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return fields }
            throw fail("expected ',' or '}'")
        }
    }

    /// Parses any value; strings are decoded only when `keep` is set.
    private mutating func value(depth: Int, keep: Bool) throws(JSONSyntaxError) -> JSONField {
        skipWhitespace()
        guard index < bytes.count else { throw fail("line ends where a value is expected") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            if keep { return .string(try string()) }
            try skipString()
            return .string([])
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONLineParser.maxNesting else { throw fail("nesting deeper than \(JSONLineParser.maxNesting)") }
            try container(depth: depth + 1)
            return .composite
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character")
        }
    }

    private mutating func container(depth: Int) throws(JSONSyntaxError) {
        let isObject = bytes[index] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == close { index += 1; return }
        while true {
            if isObject {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                try skipString()
                try expect(UInt8(ascii: ":"), "':'")
            }
            _ = try value(depth: depth, keep: false)
            skipWhitespace()
            guard index < bytes.count else { throw fail("line ends inside an \(isObject ? "object" : "array")") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == close { index += 1; return }
            throw fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = word.utf8
        guard index + expected.count <= bytes.count,
              bytes[index..<(index + expected.count)].elementsEqual(expected) else { throw fail("invalid literal") }
        index += expected.count
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let begin = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { while index < bytes.count && isDigit(bytes[index]) { index += 1 } }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[begin..<index], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Bytes from `start` up to the closing quote of the string that starts there (or to the end of
    /// the line when it is unterminated); escapes are stepped over, not checked.
    private func encodedLength(from start: Int) -> Int {
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            position += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(position, bytes.count) - start
    }

    /// Skips a string, checking its escapes.
    private mutating func skipString() throws(JSONSyntaxError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                if bytes[index + 1] == UInt8(ascii: "u") {
                    _ = try hex4(at: index + 2)
                    index += 6
                } else {
                    guard JSONLineParser.simpleEscape(bytes[index + 1]) != nil else { throw fail("invalid escape") }
                    index += 2
                }
                continue
            }
            index += 1
        }
        throw fail("line ends inside a string")
    }

    /// Decodes a string into UTF-8 bytes (unpaired surrogates become U+FFFD).
    private mutating func string() throws(JSONSyntaxError) -> [UInt8] {
        index += 1
        var out: [UInt8] = []
        // The decoded string is never longer than its JSON form: reserving that once avoids
        // growing a multi-megabyte page by doubling (which briefly needs three times its size).
        out.reserveCapacity(encodedLength(from: index))
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                return out
            }
            if byte != UInt8(ascii: "\\") { index += 1; continue }
            out.append(contentsOf: bytes[runStart..<index])
            guard index + 1 < bytes.count else { break }
            let kind = bytes[index + 1]
            if kind == UInt8(ascii: "u") {
                var scalar = try hex4(at: index + 2)
                index += 6
                if (0xD800...0xDBFF).contains(scalar) {
                    var paired = false
                    if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u") {
                        let low = try hex4(at: index + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                            paired = true
                        }
                    }
                    if !paired { scalar = 0xFFFD }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                JSONLineParser.appendUTF8(scalar, to: &out)
            } else if let replacement = JSONLineParser.simpleEscape(kind) {
                out.append(replacement)
                index += 2
            } else {
                throw fail("invalid escape")
            }
            runStart = index
        }
        throw fail("line ends inside a string")
    }

    private func hex4(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw JSONSyntaxError(reason: "invalid \\u escape", offset: position) }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(reason: "invalid \\u escape", offset: position)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

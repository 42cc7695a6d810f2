/// Gazette's one JSON reader, over UTF-8 bytes: no `Foundation`, no intermediate document.
///
/// Two ways to use it:
/// * **Validating** (``members(of:wanted:)``): checks that a whole JSONL line is valid JSON and
///   returns only the top-level members asked for (`id`, `html`, …) as ``JSONField``s. Input records
///   and resume files are read this way.
/// * **Pull** (``object(duplicates:_:)``, ``optionalArray(_:)``, ``optionalString()``, …): the caller
///   walks a document and reads exactly the fields it needs, skipping the rest without building it.
///   Tag records (graph, feed) and partial graphs are read this way.
///
/// Strings are decoded in one of two ways (``StringPolicy``): `.lenient` takes what JSONL dumps in
/// the wild contain (raw control characters, bytes that are not UTF-8, lone surrogates as U+FFFD),
/// `.strict` takes only what RFC 8259 and `JSONDecoder` accept. Every failure is a
/// ``JSONSyntaxError`` with a reason and a byte offset.
package struct JSONReader {
    /// How strings are checked.
    package enum StringPolicy: Sendable {
        /// Raw control characters and invalid UTF-8 pass through; lone surrogates become U+FFFD.
        case lenient
        /// Raw control characters, invalid UTF-8 and lone surrogates are errors.
        case strict
    }

    /// What to do with a member name that occurs twice in one object.
    package enum DuplicateKeys: Sendable {
        /// Hand every occurrence to the caller (a dictionary then keeps the last).
        case keepAll
        /// Hand only the first occurrence to the caller and skip the others, as `JSONDecoder` does.
        case keepFirst
    }

    /// Deepest array/object nesting accepted.
    package static let maxNesting = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private let strings: StringPolicy
    /// What error messages call the input (`line`, `document`).
    private let unit: String
    /// Byte offset of the next byte to read.
    package private(set) var position = 0
    private var depth = 0

    /// A reader at the start of `bytes`; error messages call the input `unit`.
    package init(bytes: UnsafeBufferPointer<UInt8>, strings: StringPolicy, unit: String = "document") {
        self.bytes = bytes
        self.strings = strings
        self.unit = unit
    }

    /// Whether every byte has been read.
    package var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, if any, without reading it.
    package var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// An error at the current position.
    package func failure(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(reason: reason, offset: position) }

    // MARK: Validating API

    /// The wanted members of the line's top-level object, or nil when the line is valid JSON but not
    /// an object. Throws when the line is not valid JSON. A UTF-8 byte-order mark at the start is
    /// skipped; a repeated member keeps its last value. Strings are read leniently.
    package static func members(of line: [UInt8], wanted: Set<String>) throws(JSONSyntaxError) -> [String: JSONField]? {
        try line.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var reader = JSONReader(bytes: buffer, strings: .lenient, unit: "line")
            reader.skipByteOrderMark()
            reader.skipSpace()
            guard !reader.isAtEnd else { throw JSONSyntaxError(reason: "empty line", offset: 0) }
            var result: [String: JSONField]?
            if reader.peek == UInt8(ascii: "{") {
                var fields: [String: JSONField] = [:]
                try reader.object(duplicates: .keepAll) { reader, name throws(JSONSyntaxError) in
                    if wanted.contains(name) { fields[name] = try reader.field() } else { try reader.skipValue() }
                }
                result = fields
            } else {
                try reader.skipValue()
            }
            reader.skipSpace()
            guard reader.isAtEnd else { throw reader.failure("unexpected text after the JSON value") }
            return result
        }
    }

    /// Reads any value as a ``JSONField`` (arrays and objects are checked, not kept).
    package mutating func field() throws(JSONSyntaxError) -> JSONField {
        guard let byte = peek else { throw failure("\(unit) ends where a value is expected") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try stringBytes())
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipValue(); return .composite
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try numberText())
        default: throw failure("unexpected character")
        }
    }

    // MARK: Pull API

    /// Reads an object, calling `member` with each name; the callback must read the value (or call
    /// ``skipValue()``). Whitespace before the value is already skipped.
    package mutating func object(
        duplicates: DuplicateKeys = .keepFirst,
        _ member: (inout JSONReader, String) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        try enter()
        skipSpace()
        if take(UInt8(ascii: "}")) { depth -= 1; return }
        var seen: [String] = []
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let name = try string()
            try expect(UInt8(ascii: ":"), "':'")
            skipSpace()
            if duplicates == .keepFirst {
                if seen.contains(name) {
                    try skipValue()
                } else {
                    seen.append(name)
                    try member(&self, name)
                }
            } else {
                try member(&self, name)
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard !isAtEnd else { throw failure("\(unit) ends inside an object") }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            depth -= 1
            return
        }
    }

    /// Reads an array (or `null`, giving nil), reading each element with `element`.
    package mutating func optionalArray<Element>(
        _ element: (inout JSONReader) throws(JSONSyntaxError) -> Element
    ) throws(JSONSyntaxError) -> [Element]? {
        if takeNull() { return nil }
        var result: [Element] = []
        try array { reader throws(JSONSyntaxError) in result.append(try element(&reader)) }
        return result
    }

    /// Reads an array, calling `element` for each element (which must read it).
    package mutating func array(_ element: (inout JSONReader) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "["), "'['")
        try enter()
        skipSpace()
        if take(UInt8(ascii: "]")) { depth -= 1; return }
        while true {
            skipSpace()
            try element(&self)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard !isAtEnd else { throw failure("\(unit) ends inside an array") }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            depth -= 1
            return
        }
    }

    /// A string, or nil for `null`.
    package mutating func optionalString() throws(JSONSyntaxError) -> String? {
        takeNull() ? nil : try string()
    }

    /// A number, or nil for `null`.
    package mutating func optionalNumber() throws(JSONSyntaxError) -> Double? {
        takeNull() ? nil : try number()
    }

    /// An integral number, or nil for `null`; a fraction or a number beyond ±9e15 is an error.
    package mutating func optionalInt() throws(JSONSyntaxError) -> Int? {
        guard let value = try optionalNumber() else { return nil }
        guard value.rounded() == value, abs(value) < 9e15 else { throw failure("expected an integer") }
        return Int(value)
    }

    /// `true`, `false`, or nil for `null`.
    package mutating func optionalBool() throws(JSONSyntaxError) -> Bool? {
        if takeNull() { return nil }
        if peek == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// A string with its escapes decoded; under `.lenient`, bytes that are not UTF-8 become U+FFFD.
    package mutating func string() throws(JSONSyntaxError) -> String {
        if let plain = try plainString() { return plain }
        let decoded = try stringBytes()
        switch strings {
        case .lenient:
            return String(decoding: decoded, as: UTF8.self)
        case .strict:
            guard let value = String(validating: decoded, as: UTF8.self) else { throw failure("a string is not valid UTF-8") }
            return value
        }
    }

    /// A number as written, parsed.
    package mutating func number() throws(JSONSyntaxError) -> Double {
        let start = position
        let text = try numberText()
        guard let value = Double(text) else { throw JSONSyntaxError(reason: "invalid number", offset: start) }
        return value
    }

    /// Reads past any value without keeping it (strings are checked, not decoded).
    package mutating func skipValue() throws(JSONSyntaxError) {
        guard let byte = peek else { throw failure("\(unit) ends where a value is expected") }
        switch byte {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try object(duplicates: .keepAll) { reader, _ throws(JSONSyntaxError) in try reader.skipValue() }
        case UInt8(ascii: "["): try array { reader throws(JSONSyntaxError) in try reader.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberText()
        default: throw failure("unexpected character")
        }
    }

    /// Reads `null` if it comes next.
    package mutating func takeNull() -> Bool {
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// Reads past JSON whitespace.
    package mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    // MARK: Building blocks

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maxNesting else { throw failure("nesting deeper than \(Self.maxNesting)") }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipSpace()
        guard take(byte) else { throw failure(isAtEnd ? "\(unit) ends early, expected \(what)" : "expected \(what)") }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("invalid literal") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw failure("invalid literal") }
        position += count
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A number's text, checked against the JSON grammar.
    private mutating func numberText() throws(JSONSyntaxError) -> String {
        let begin = position
        _ = take(UInt8(ascii: "-"))
        guard let first = peek, isDigit(first) else { throw failure("invalid number") }
        if first == UInt8(ascii: "0") {
            position += 1
        } else {
            while let byte = peek, isDigit(byte) { position += 1 }
        }
        if take(UInt8(ascii: ".")) {
            guard let byte = peek, isDigit(byte) else { throw failure("invalid number") }
            while let byte = peek, isDigit(byte) { position += 1 }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard let byte = peek, isDigit(byte) else { throw failure("invalid number") }
            while let byte = peek, isDigit(byte) { position += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<position]), as: UTF8.self)
    }

    /// Bytes from `start` up to the closing quote of the string that starts there (or to the end
    /// when it is unterminated); escapes are stepped over, not checked.
    private func encodedLength(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            index += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index, bytes.count) - start
    }

    /// Skips a string, checking its escapes (and, under `.strict`, its bytes).
    private mutating func skipString() throws(JSONSyntaxError) {
        if strings == .strict {
            _ = try string()
            return
        }
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a string") }
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { position += 1; return }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < bytes.count else { break }
                if bytes[position + 1] == UInt8(ascii: "u") {
                    _ = try hex4(at: position + 2)
                    position += 6
                } else {
                    guard Self.simpleEscape(bytes[position + 1]) != nil else { throw failure("invalid escape") }
                    position += 2
                }
                continue
            }
            position += 1
        }
        throw failure("\(unit) ends inside a string")
    }

    /// The string that starts here when it holds no escape, made straight from the input bytes (most
    /// names and ids); nil, without moving, when it has one.
    private mutating func plainString() throws(JSONSyntaxError) -> String? {
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a string") }
        let start = position + 1
        var end = start
        let strict = strings == .strict
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { return nil }
            if strict && byte < 0x20 { throw JSONSyntaxError(reason: "a raw control character inside a string", offset: end) }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let value: String
        if strict {
            guard let valid = String(validating: run, as: UTF8.self) else { throw failure("a string is not valid UTF-8") }
            value = valid
        } else {
            value = String(decoding: run, as: UTF8.self)
        }
        position = end + 1
        return value
    }

    /// Decodes the string that starts here into UTF-8 bytes.
    private mutating func stringBytes() throws(JSONSyntaxError) -> [UInt8] {
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a string") }
        position += 1
        var out: [UInt8] = []
        // The decoded string is never longer than its JSON form: reserving that once avoids
        // growing a multi-megabyte page by doubling (which briefly needs three times its size).
        out.reserveCapacity(encodedLength(from: position))
        let strict = strings == .strict
        var runStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                return out
            }
            if byte != UInt8(ascii: "\\") {
                if strict && byte < 0x20 { throw failure("a raw control character inside a string") }
                position += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard position + 1 < bytes.count else { break }
            let kind = bytes[position + 1]
            if kind == UInt8(ascii: "u") {
                var scalar = try hex4(at: position + 2)
                position += 6
                if (0xD800...0xDBFF).contains(scalar) {
                    var paired = false
                    if position + 1 < bytes.count && bytes[position] == UInt8(ascii: "\\") && bytes[position + 1] == UInt8(ascii: "u") {
                        let low = try hex4(at: position + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            position += 6
                            paired = true
                        }
                    }
                    if !paired {
                        if strict { throw failure("an unpaired surrogate escape") }
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    if strict { throw failure("an unpaired surrogate escape") }
                    scalar = 0xFFFD
                }
                Self.appendUTF8(scalar, to: &out)
            } else if let replacement = Self.simpleEscape(kind) {
                out.append(replacement)
                position += 2
            } else {
                throw failure("invalid escape")
            }
            runStart = position
        }
        throw failure("\(unit) ends inside a string")
    }

    private func hex4(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        guard start + 4 <= bytes.count else { throw JSONSyntaxError(reason: "invalid \\u escape", offset: start) }
        var value: UInt32 = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[start..<(start + 4)]) {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(reason: "invalid \\u escape", offset: start)
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

/// A value of a top-level JSON member that a reader asked for.
package enum JSONField: Equatable, Sendable {
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
    package var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        case .composite: "array or object"
        }
    }
}

/// Why some bytes are not valid JSON, with the byte offset of the problem.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What was wrong.
    package var reason: String
    /// Byte offset of the problem.
    package var offset: Int

    /// An error at `offset`.
    package init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}

import GazetteCore
/// A strict JSON reader over UTF-8 bytes for the two formats graphs read in bulk (tag records and
/// partial graphs): callers pull exactly the fields they need and skip the rest without building
/// them, several times faster than `JSONDecoder`. Anything it does not accept is a ``Rejection``,
/// and callers then fall back to `JSONDecoder`, so both read the same documents.
struct JSONByteScanner {
    /// Why a line was not accepted (the reader then tries `JSONDecoder`).
    struct Rejection: Error {
        /// Set when the JSON was read but its content is wrong (then no fallback can help).
        var content: GazetteError?

        /// A rejection, with the content error if there is one.
        init(_ content: GazetteError? = nil) { self.content = content }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var depth = 0
    private static let maxDepth = 512

    /// A scanner at the start of `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether everything up to the end has been read.
    var isAtEnd: Bool { position == bytes.count }

    // MARK: JSON building blocks

    /// Reads an object, calling `member` with each key; the callback must read the value.
    mutating func object(_ member: (inout JSONByteScanner, String) throws(Rejection) -> Void) throws(Rejection) {
        try expect(UInt8(ascii: "{"))
        depth += 1
        guard depth <= Self.maxDepth else { throw Rejection() }
        skipSpace()
        if take(UInt8(ascii: "}")) { depth -= 1; return }
        var seen: [String] = []
        while true {
            skipSpace()
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            // A repeated key keeps its first value, as JSONDecoder does.
            if seen.contains(key) {
                try skipValue()
            } else {
                seen.append(key)
                try member(&self, key)
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"))
            depth -= 1
            return
        }
    }

    /// Reads an array (or `null`), reading each element with `element`.
    mutating func optionalArray<Element>(_ element: (inout JSONByteScanner) throws(Rejection) -> Element) throws(Rejection) -> [Element]? {
        if takeNull() { return nil }
        try expect(UInt8(ascii: "["))
        depth += 1
        guard depth <= Self.maxDepth else { throw Rejection() }
        var result: [Element] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { depth -= 1; return result }
        while true {
            skipSpace()
            result.append(try element(&self))
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "]"))
            depth -= 1
            return result
        }
    }

    /// A string, or `nil` for `null`.
    mutating func optionalString() throws(Rejection) -> String? {
        takeNull() ? nil : try string()
    }

    /// A number, or `nil` for `null`.
    mutating func optionalNumber() throws(Rejection) -> Double? {
        takeNull() ? nil : try number()
    }

    /// `true`, `false`, or `nil` for `null`.
    mutating func optionalBool() throws(Rejection) -> Bool? {
        if takeNull() { return nil }
        guard position < bytes.count else { throw Rejection() }
        if bytes[position] == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// An integral number, or `nil` for `null`.
    mutating func optionalInt() throws(Rejection) -> Int? {
        guard let value = try optionalNumber() else { return nil }
        guard value.rounded() == value, abs(value) < 9e15 else { throw Rejection() }
        return Int(value)
    }

    /// A string, with escapes decoded; invalid UTF-8 or a raw control character is rejected.
    mutating func string() throws(Rejection) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let value = try validated(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return value
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Rejection() }
            position += 1
        }
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decoded.withUnsafeBufferPointer { buffer throws(Rejection) in try validated(buffer) }
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Rejection() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw Rejection() }
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Rejection() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw Rejection()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Rejection() }
                    decoded.append(contentsOf: String(unicode).utf8)
                default: throw Rejection()
                }
            default:
                if byte < 0x20 { throw Rejection() }
                decoded.append(byte)
            }
        }
        throw Rejection()
    }

    private func validated(_ buffer: UnsafeBufferPointer<UInt8>) throws(Rejection) -> String {
        guard let value = String(validating: buffer, as: UTF8.self) else { throw Rejection() }
        return value
    }

    private mutating func hex4() throws(Rejection) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Rejection() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Rejection()
            }
            value = value << 4 | digit
        }
        return value
    }

    /// A number as JSON writes it.
    mutating func number() throws(Rejection) -> Double {
        let start = position
        if take(UInt8(ascii: "-")) {}
        guard position < bytes.count else { throw Rejection() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw Rejection() }
        }
        if take(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw Rejection() }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { throw Rejection() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw Rejection() }
        return value
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            position += 1
        }
        return position - start
    }

    /// Reads past any value without keeping it.
    mutating func skipValue() throws(Rejection) {
        guard position < bytes.count else { throw Rejection() }
        switch bytes[position] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object { scanner, _ throws(Rejection) in try scanner.skipValue() }
        case UInt8(ascii: "["): _ = try optionalArray { scanner throws(Rejection) in try scanner.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Rejection) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Rejection() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Rejection() }
        position += count
    }

    /// Reads `null` if it comes next.
    mutating func takeNull() -> Bool {
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// Reads past JSON whitespace.
    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(Rejection) {
        guard take(byte) else { throw Rejection() }
    }
}

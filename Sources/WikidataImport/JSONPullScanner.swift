/// A forward-only JSON reader over the bytes of one line: the caller asks for the next object
/// member, array element or value, and skips what it does not need without building it.
///
/// Made for Wikidata entities (a line of up to a few megabytes, of which an import reads a few
/// hundred bytes): skipping is a byte scan, keys are compared as bytes.
struct JSONPullScanner {
    /// Why the bytes are not the JSON expected, with the byte offset.
    struct Failure: Error {
        var reason: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index: Int = 0
    /// Deepest nesting accepted when skipping.
    static let maxDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func fail(_ reason: String) -> Failure { Failure(reason: reason, offset: index) }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next non-space byte, not consumed.
    mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Calls `member` with each key of the object that starts here; `member` must read or skip
    /// the value. The key is given as raw bytes (Wikidata keys carry no escapes; a key that does
    /// is given undecoded, so it matches no name and its value is skipped).
    mutating func object(_ member: (inout JSONPullScanner, UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try rawString()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            guard index < bytes.count else { throw fail("object not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw fail("expected ',' or '}' in an object")
        }
    }

    /// Calls `element` for each element of the array that starts here.
    mutating func array(_ element: (inout JSONPullScanner) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            skipSpace()
            guard index < bytes.count else { throw fail("array not closed") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw fail("expected ',' or ']' in an array")
        }
    }

    /// The bytes between the quotes of the string that starts here, escapes left as written.
    private mutating func rawString() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            index += b == UInt8(ascii: "\\") ? 2 : 1
        }
        throw fail("string not closed")
    }

    /// The string that starts here, escapes decoded (a lone surrogate becomes U+FFFD).
    mutating func string() throws(Failure) -> String {
        let raw = try rawString()
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        var pendingHigh: UInt32? = nil
        func appendScalar(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        while k < raw.count {
            let b = raw[k]
            guard b == UInt8(ascii: "\\"), k + 1 < raw.count else {
                if let high = pendingHigh { appendScalar(high); pendingHigh = nil }
                out.append(b)
                k += 1
                continue
            }
            let e = raw[k + 1]
            k += 2
            if e == UInt8(ascii: "u"), k + 4 <= raw.count {
                var value: UInt32 = 0
                for d in raw[k..<(k + 4)] {
                    let digit: UInt32
                    switch d {
                    case 0x30...0x39: digit = UInt32(d - 0x30)
                    case 0x41...0x46: digit = UInt32(d - 0x41 + 10)
                    case 0x61...0x66: digit = UInt32(d - 0x61 + 10)
                    default: throw Failure(reason: "bad \\u escape", offset: index)
                    }
                    value = value << 4 | digit
                }
                k += 4
                if (0xD800...0xDBFF).contains(value) {
                    if let high = pendingHigh { appendScalar(high) }
                    pendingHigh = value
                } else if (0xDC00...0xDFFF).contains(value), let high = pendingHigh {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                    pendingHigh = nil
                } else {
                    if let high = pendingHigh { appendScalar(high); pendingHigh = nil }
                    appendScalar(value)
                }
                continue
            }
            if let high = pendingHigh { appendScalar(high); pendingHigh = nil }
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            default: out.append(e)
            }
        }
        if let high = pendingHigh { appendScalar(high) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number that starts here; a string holding a number (`"+123"`, Wikidata's amounts) too.
    mutating func number() throws(Failure) -> Double {
        if peek() == UInt8(ascii: "\"") {
            let text = try string()
            guard let value = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { throw fail("not a number") }
            return value
        }
        skipSpace()
        let start = index
        while index < bytes.count, let b = Optional(bytes[index]),
              (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            index += 1
        }
        guard index > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) else {
            throw fail("not a number")
        }
        return value
    }

    /// Skips the value that starts here, whatever it is.
    mutating func skipValue() throws(Failure) {
        skipSpace()
        guard index < bytes.count else { throw fail("value expected") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            _ = try rawString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    _ = try rawString()
                    continue
                }
                index += 1
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                    depth += 1
                    if depth > Self.maxDepth { throw fail("nested too deeply") }
                } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
            throw fail("value not closed")
        default:
            // number, true, false, null
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { return }
                index += 1
            }
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when the bytes are the ASCII text `text`.
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { $0.elementsEqual(self) }
    }
}

/// Writes compact JSON text with keys in the order they are written (output contracts fix key order,
/// which `JSONEncoder` cannot).
package struct JSONWriter: Sendable {
    /// The JSON produced so far, as UTF-8 bytes.
    package private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// The JSON produced so far.
    package var output: String { String(decoding: bytes, as: UTF8.self) }

    /// An empty writer.
    package init() {
        bytes.reserveCapacity(1024)
        needsComma.reserveCapacity(8)
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Opens an object (`{`), as a value.
    package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    /// Closes the current object.
    package mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    /// Opens an array (`[`), as a value.
    package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    /// Closes the current array.
    package mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    /// Writes an object key; the next call writes its value.
    package mutating func key(_ name: String) {
        separate()
        JSONWriter.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    private mutating func valuePrefix() { separate() }

    /// Writes a string value.
    package mutating func string(_ value: String) { valuePrefix(); JSONWriter.appendQuoted(value, to: &bytes) }
    /// Writes a string value, or `null`.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }
    /// Writes an integer value.
    package mutating func int(_ value: Int) { valuePrefix(); append(String(value)) }
    /// Writes a number rounded to `digits` decimals (non-finite numbers become `0`).
    package mutating func number(_ value: Double, digits: Int = 4) {
        valuePrefix()
        JSONWriter.appendNumber(value, digits: digits, to: &bytes)
    }
    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) { valuePrefix(); value ? append("true" as StaticString) : append("false" as StaticString) }
    /// Writes `null`.
    package mutating func null() { valuePrefix(); append("null" as StaticString) }
    /// Writes pre-encoded JSON text as a value.
    package mutating func raw(_ json: String) { valuePrefix(); append(json) }

    /// Formats a number with at most `digits` decimals and no trailing zeros (`0.5`, `1`, `0.1234`).
    package static func format(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        if scaled == 0 { return "0" }
        // Past 64-bit integers (no score or coordinate comes near), Swift's shortest form, valid JSON.
        guard Swift.abs(scaled) < 9.0e18 else { return "\(value)" }
        let negative = scaled < 0
        let magnitude = UInt64(Swift.abs(scaled))
        let whole = magnitude / UInt64(scale)
        var fraction = magnitude % UInt64(scale)
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction > 0 {
            var decimals = digits
            while fraction % 10 == 0 { fraction /= 10; decimals -= 1 }
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digitsText.count) + digitsText
        }
        return text
    }

    /// Appends ``format(_:digits:)`` of `value` to UTF-8 bytes without building a string (the
    /// tag records write several numbers per entity).
    package static func appendNumber(_ value: Double, digits: Int, to output: inout [UInt8]) {
        guard value.isFinite, (0...18).contains(digits) else {
            output.append(contentsOf: format(value, digits: digits).utf8)
            return
        }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard Swift.abs(scaled) < 9.0e18 else {
            output.append(contentsOf: format(value, digits: digits).utf8)
            return
        }
        if scaled == 0 { output.append(UInt8(ascii: "0")); return }
        if scaled < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = UInt64(Swift.abs(scaled))
        appendDigits(magnitude / scale, minimumCount: 1, to: &output)
        var fraction = magnitude % scale
        guard fraction > 0 else { return }
        var decimals = digits
        while fraction % 10 == 0 { fraction /= 10; decimals -= 1 }
        output.append(UInt8(ascii: "."))
        appendDigits(fraction, minimumCount: decimals, to: &output)
    }

    /// Appends the decimal digits of `value`, zero-padded on the left to `minimumCount`.
    private static func appendDigits(_ value: UInt64, minimumCount: Int, to output: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, written backwards
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < 24
            while count < minimumCount && count < 24 {
                buffer[23 - count] = UInt8(ascii: "0")
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends `value` as a quoted JSON string to UTF-8 bytes, escaping quotes, backslashes and
    /// control characters.
    package static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape (nearly all of them) are copied whole.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                default: output.append(byte)
                }
            }
            if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// Writes compact JSON text with keys in the order they are written (output contracts fix key order,
/// which `JSONEncoder` cannot).
package struct JSONWriter: Sendable {
    /// The JSON produced so far.
    package private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    /// An empty writer.
    package init() { output.reserveCapacity(1024) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output.append(",") }
        needsComma[needsComma.count - 1] = true
    }

    /// Opens an object (`{`), as a value.
    package mutating func beginObject() { separate(); output.append("{"); needsComma.append(false) }
    /// Closes the current object.
    package mutating func endObject() { output.append("}"); needsComma.removeLast() }
    /// Opens an array (`[`), as a value.
    package mutating func beginArray() { separate(); output.append("["); needsComma.append(false) }
    /// Closes the current array.
    package mutating func endArray() { output.append("]"); needsComma.removeLast() }

    /// Writes an object key; the next call writes its value.
    package mutating func key(_ name: String) {
        separate()
        JSONWriter.appendQuoted(name, to: &output)
        output.append(":")
        needsComma[needsComma.count - 1] = false
    }

    private mutating func valuePrefix() { separate() }

    /// Writes a string value.
    package mutating func string(_ value: String) { valuePrefix(); JSONWriter.appendQuoted(value, to: &output) }
    /// Writes a string value, or `null`.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }
    /// Writes an integer value.
    package mutating func int(_ value: Int) { valuePrefix(); output.append(String(value)) }
    /// Writes a number rounded to `digits` decimals (non-finite numbers become `0`).
    package mutating func number(_ value: Double, digits: Int = 4) {
        valuePrefix()
        output.append(JSONWriter.format(value, digits: digits))
    }
    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) { valuePrefix(); output.append(value ? "true" : "false") }
    /// Writes `null`.
    package mutating func null() { valuePrefix(); output.append("null") }
    /// Writes pre-encoded JSON text as a value.
    package mutating func raw(_ json: String) { valuePrefix(); output.append(json) }

    /// Formats a number with at most `digits` decimals and no trailing zeros (`0.5`, `1`, `0.1234`).
    package static func format(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        if scaled == 0 { return "0" }
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

    /// Appends `value` as a quoted JSON string, escaping quotes, backslashes and control characters.
    package static func appendQuoted(_ value: String, to output: inout String) {
        output.append("\"")
        var needsEscape = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            output.append(value)
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output.append("\\\"")
                case "\\": output.append("\\\\")
                case "\n": output.append("\\n")
                case "\r": output.append("\\r")
                case "\t": output.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}

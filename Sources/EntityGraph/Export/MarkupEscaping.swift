/// Escaping for the text formats the exporters write (XML, CSV, DOT).
enum MarkupEscaping {
    /// `value` escaped for XML character data and attribute values; characters XML 1.0 cannot
    /// carry at all (C0 controls other than tab/newline/CR, U+FFFE, U+FFFF) become U+FFFD.
    static func xml(_ value: String) -> String {
        var needsWork = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF {
            needsWork = true
            break
        }
        if !needsWork { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` as one CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF or
    /// starts or ends with a space, with quotes doubled. `flattenLines` turns CR/LF into spaces
    /// for readers that want one record per line.
    static func csv(_ value: String, flattenLines: Bool = false) -> String {
        var text = value
        if flattenLines, text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            text = String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
        }
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }

    /// `value` as a Graphviz quoted string (with the quotes): `"` and `\` escaped, line breaks as
    /// `\n`, control characters dropped.
    static func dot(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": continue
            case _ where scalar.value < 0x20: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 4)
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}

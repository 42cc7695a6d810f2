/// `Name: value` header lines (WARC or HTTP), looked up case-insensitively.
package struct HeaderBlock {
    /// Header names in lowercase with their values, in order.
    private(set) var fields: [(name: String, value: String)] = []

    /// An empty block.
    init() {}

    /// Parses one `Name: value` line (without its line ending); lines without a colon are ignored.
    mutating func add(line: ArraySlice<UInt8>) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
        fields.append((HeaderBlock.trim(name).lowercased(), HeaderBlock.trim(value)))
    }

    /// The first value of `name` (lowercase), if present.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// `value` without surrounding spaces, tabs and line-ending bytes.
    package static func trim(_ value: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = value.firstIndex(where: { !isSpace($0) }),
              let last = value.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(value[first...last])
    }

    /// The media type of a `Content-Type` value in lowercase (`text/html`).
    package static func mediaType(_ contentType: String) -> String {
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return trim(String(type)).lowercased()
    }

    /// The `name=` parameter of a header value (`charset` of `text/html; charset="utf-8"`).
    package static func parameter(_ name: String, in value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, trim(String(pieces[0])).lowercased() == name else { continue }
            var result = trim(String(pieces[1]))
            if result.hasPrefix("\"") { result.removeFirst() }
            if result.hasSuffix("\"") { result.removeLast() }
            result = trim(result)
            return result.isEmpty ? nil : result
        }
        return nil
    }
}

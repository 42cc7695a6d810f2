/// The kinds of input file Gazette reads, recognised by file name extension.
public enum InputFormat: String, Sendable, CaseIterable {
    /// An HTML page (`.html`, `.htm`, `.xhtml`).
    case html
    /// A plain-text article (`.txt`).
    case text
    /// JSON Lines records `{"id", "url"?, "html" | "text"}` (`.jsonl`, `.ndjson`).
    case jsonl
    /// A WARC 1.0/1.1 web archive (`.warc`).
    case warc

    /// A file name's format, whether it is gzip-compressed, and its stem (name without the format
    /// extensions); nil when the extension is not one Gazette reads.
    public static func classify(fileName name: String) -> (format: InputFormat, gzip: Bool, stem: String)? {
        var stem = Substring(name)
        var gzip = false
        if let base = stripExtension(stem, "gz") {
            gzip = true
            stem = base
        }
        for (format, extensions) in [
            (InputFormat.html, ["html", "htm", "xhtml"]), (.text, ["txt"]), (.jsonl, ["jsonl", "ndjson"]), (.warc, ["warc"]),
        ] {
            for ext in extensions {
                if let base = stripExtension(stem, ext), !base.isEmpty { return (format, gzip, String(base)) }
            }
        }
        return nil
    }

    /// `name` without `.ext` (case-insensitive), or nil when it does not end so.
    private static func stripExtension(_ name: Substring, _ ext: String) -> Substring? {
        let suffix = "." + ext
        guard name.utf8.count > suffix.utf8.count else { return nil }
        let tail = name.utf8.suffix(suffix.utf8.count)
        guard tail.elementsEqual(suffix.utf8, by: { lowerASCII($0) == $1 }) else { return nil }
        return name[name.startIndex..<tail.startIndex]
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}

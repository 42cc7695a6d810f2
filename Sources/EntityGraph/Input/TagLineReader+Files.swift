public import GazetteCore

/// Counts from one pass over tag files.
public struct TagReadSummary: Sendable, Hashable {
    /// Tagged articles handed on.
    public var articles = 0
    /// Lines skipped: not JSON, error records, records without an id.
    public var skipped = 0

    /// No articles yet.
    public init() {}
}

extension TagLineReader {
    /// Streams every tagged article of `paths` (standard input when empty; `-` also means it) to
    /// `body`, calling `onSkip(file, line, reason)` for each line that is not a usable record.
    public static func forEachArticle(
        in paths: [String],
        onSkip: (_ file: String, _ line: Int, _ reason: String) -> Void,
        _ body: (TaggedArticle) throws(GazetteError) -> Void
    ) throws(GazetteError) -> TagReadSummary {
        var summary = TagReadSummary()
        for path in paths.isEmpty ? ["-"] : paths {
            var reader = try TagLineReader(path: path)
            while let outcome = try reader.next() {
                switch outcome {
                case .article(let article):
                    summary.articles += 1
                    try body(article)
                case .skipped(let reason):
                    summary.skipped += 1
                    onSkip(reader.name, reader.lineNumber, reason)
                }
            }
        }
        return summary
    }
}

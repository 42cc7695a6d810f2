public import GazetteCore
import GazetteIO

/// Reads `gazette tag` JSONL one line at a time from a file or standard input, plain or gzip (the
/// same inputs `gazette tag` writes and reads), so memory does not grow with the input; lines that
/// are not usable records are skipped and counted.
public struct TagLineReader {
    /// What happened to one input line.
    public enum Outcome: Sendable {
        /// A tagged article.
        case article(TaggedArticle)
        /// A line that was skipped, with the reason (`not JSON`, `error record: …`).
        case skipped(reason: String)
    }

    /// Longest line read; longer lines are skipped. Tag records with `--include-text` of a page at
    /// the record limit stay far below it.
    public static let maxLineBytes = 1 << 30

    /// The name used in warnings (`path` or `<stdin>`).
    public let name: String
    /// The 1-based number of the line returned last.
    public private(set) var lineNumber = 0
    private let input: BufferedInput

    /// Opens a file; `-` means standard input. Gzip is recognised by its first bytes.
    public init(path: String) throws(GazetteError) {
        name = path == InputFile.standardInputName ? "<stdin>" : path
        do {
            input = BufferedInput(try InputFile.open(path))
        } catch {
            throw GazetteError(error.code, "cannot read tag file '\(path)'", cause: error.cause ?? error.message)
        }
    }

    /// The next record: a tagged article or a skipped line; `nil` at the end of input.
    public mutating func next() throws(GazetteError) -> Outcome? {
        while true {
            let line = try input.readLine(maxBytes: Self.maxLineBytes)
            switch line {
            case .end:
                return nil
            case .tooLong(let length):
                lineNumber += 1
                return .skipped(reason: "a line of \(length) bytes, longer than \(Self.maxLineBytes)")
            case .line(let bytes):
                lineNumber += 1
                if Self.isBlank(bytes) { continue }
                return Self.decode(bytes)
            }
        }
    }

    /// Decodes one line: an article, or the reason it is skipped.
    public static func decode(_ line: [UInt8]) -> Outcome {
        let record: TaggedArticle
        do {
            record = try line.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try TaggedArticle.parse(line: buffer) }
        } catch {
            return .skipped(reason: "not a JSON tag record (\(error.reason) at byte \(error.offset + 1))")
        }
        if let failure = record.error {
            return .skipped(reason: "error record (\(failure.code ?? "unknown"): \(failure.message ?? "no message"))")
        }
        guard let id = record.id, !id.isEmpty else {
            return .skipped(reason: "record without an id")
        }
        return .article(record)
    }

    private static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

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
        for path in paths.isEmpty ? [InputFile.standardInputName] : paths {
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

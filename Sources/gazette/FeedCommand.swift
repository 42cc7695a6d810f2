import ArgumentParser
import Gazette

/// `gazette feed`: per-article tags for recommenders (MIND news.tsv, weighted-tag JSONL, CSV triples).
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Write recommender feeds from `gazette tag` output: MIND news.tsv, weighted tags as JSONL, or item,tag,weight CSV."
    )

    @Argument(help: "Tag JSONL files written by `gazette tag` (standard input when none are given; - also means it).")
    var files: [String] = []

    @Option(name: .long, help: "Output format: mind, jsonl, csv.")
    var format: String = "jsonl"

    @Option(name: .shortAndLong, help: "Output file; standard output when omitted.")
    var output: String?

    func validate() throws {
        guard FeedFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown feed format '\(format)'; the formats are: \(FeedFormat.names)")
        }
    }

    func run() throws {
        let format = FeedFormat(rawValue: format.lowercased()) ?? .jsonl
        let writer = try output.map { path throws(GazetteError) in try LineWriter(path: path, append: false) } ?? LineWriter(standardOutput: ())
        writer.write(lines: format.header)
        var warnings = SkipWarnings(command: "feed")
        let summary = try TagLineReader.forEachArticle(in: files, onSkip: { warnings.skip(file: $0, line: $1, reason: $2) }) {
            writer.write(lines: format.lines(for: $0))
        }
        try warnings.finish(summary: summary)
        writer.flush()
        if let failure = writer.failure { throw failure }
        StandardError.writeLine("gazette feed: \(summary.articles) article(s) written as \(format.rawValue)")
    }
}

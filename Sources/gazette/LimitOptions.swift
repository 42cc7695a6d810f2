import ArgumentParser
import Gazette

/// The resource-limit flags `tag` and `serve` share.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-record-bytes"), help: ArgumentHelp("Largest record, also after decompression (default \(Limits().maxRecordBytes)).", valueName: "N"))
    var maxRecordBytes: Int?

    @Option(name: .customLong("max-line-bytes"), help: ArgumentHelp("Longest JSONL line (default \(Limits().maxLineBytes)).", valueName: "N"))
    var maxLineBytes: Int?

    @Option(name: .customLong("max-depth"), help: ArgumentHelp("Deepest HTML element nesting walked (default \(Limits().maxDepth)).", valueName: "N"))
    var maxDepth: Int?

    @Option(name: .customLong("max-tokens"), help: ArgumentHelp("Most tokens analysed per document (default \(Limits().maxTokens)).", valueName: "N"))
    var maxTokens: Int?

    func validate() throws {
        for (name, value) in [
            ("--max-record-bytes", maxRecordBytes), ("--max-line-bytes", maxLineBytes),
            ("--max-depth", maxDepth), ("--max-tokens", maxTokens),
        ] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    /// Sets the limits given on the command line.
    func apply(to limits: inout Limits) {
        if let maxRecordBytes { limits.maxRecordBytes = maxRecordBytes }
        if let maxLineBytes { limits.maxLineBytes = maxLineBytes }
        if let maxDepth { limits.maxDepth = maxDepth }
        if let maxTokens { limits.maxTokens = maxTokens }
    }
}

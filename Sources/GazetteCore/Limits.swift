/// Resource limits that keep one hostile record from exhausting a machine; each has a CLI flag.
public struct Limits: Sendable, Hashable {
    /// Largest record accepted, in bytes (also the cap on decompressed size). Default 16 MiB.
    public var maxRecordBytes: Int = 16 << 20
    /// Deepest element nesting the HTML walker descends into. Default 2,000.
    public var maxDepth: Int = 2_000
    /// Most tokens analysed per document; text beyond is not tagged. Default 250,000 (about
    /// 200,000 words, ten times the longest news features), which keeps a tagged document under
    /// about 60 MB of working memory.
    public var maxTokens: Int = 250_000
    /// Longest JSONL line accepted, in bytes. Default 32 MiB (a 16 MiB page escaped grows).
    public var maxLineBytes: Int = 32 << 20

    /// The default limits.
    public init() {}
}

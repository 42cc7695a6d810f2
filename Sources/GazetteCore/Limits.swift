/// Resource limits that keep one hostile record from exhausting a machine; each has a CLI flag.
public struct Limits: Sendable, Hashable {
    /// Largest record accepted, in bytes (also the cap on decompressed size). Default 16 MiB.
    public var maxRecordBytes: Int = 16 << 20
    /// Deepest element nesting the HTML walker descends into. Default 2,000.
    public var maxDepth: Int = 2_000
    /// Most tokens analysed per document; text beyond is not tagged. Default 1,000,000.
    public var maxTokens: Int = 1_000_000
    /// Longest JSONL line accepted, in bytes. Default 32 MiB (a 16 MiB page escaped grows).
    public var maxLineBytes: Int = 32 << 20

    /// The default limits.
    public init() {}
}

public import GazetteCore
/// One input record as a reader produced it: an article ready for the pipeline, or the error that
/// stopped the reader from making one (which becomes an error record).
public struct InputRecord: Sendable {
    /// Record id: a JSONL `id`, a WARC-Record-ID, a file's relative path without extension, or
    /// `FILE:LINE` for a JSONL record without an id.
    public var id: String
    /// Source URL when the input names one (JSONL `url`, WARC-Target-URI).
    public var url: String?
    /// Where the record came from (`dump.jsonl:12`, `crawl.warc.gz@18342`, `pages/a.html`).
    public var origin: String
    /// The article to tag, or why there is none.
    public var content: Result<Article, GazetteError>
    /// Raw input bytes consumed by the whole run when this record was read, for progress and ETA.
    public var inputPosition: Int

    /// Creates a record holding an article.
    public init(article: Article, origin: String, inputPosition: Int = 0) {
        self.id = article.id
        self.url = article.url
        self.origin = origin
        self.content = .success(article)
        self.inputPosition = inputPosition
    }

    /// Creates an error record.
    public init(id: String, url: String? = nil, origin: String, error: GazetteError, inputPosition: Int = 0) {
        self.id = id
        self.url = url
        self.origin = origin
        self.content = .failure(error)
        self.inputPosition = inputPosition
    }

    /// True when the reader could not make an article.
    public var isError: Bool {
        if case .failure = content { return true }
        return false
    }

    /// Bytes of page or text the record carries (0 for an error record); what the batch window
    /// counts to bound memory.
    public var rawByteCount: Int {
        if case .success(let article) = content { return article.input.byteCount }
        return 0
    }
}

/// What a reader yields: a record to tag, or an input item it skipped on purpose (a WARC request
/// record, an image response, a file of unknown type in a directory).
public enum InputEvent: Sendable {
    /// A record; it yields exactly one output line.
    case record(InputRecord)
    /// Something that is not an article and yields no output line; counted in the summary.
    case skipped(reason: String)
}

/// A source of input events read one at a time; readers never throw: damage becomes an error record.
protocol RecordReader: AnyObject {
    /// The next event, or nil when the input is exhausted.
    func next() -> InputEvent?
}

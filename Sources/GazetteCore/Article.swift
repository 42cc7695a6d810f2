/// The document value that flows through the pipeline: each stage reads some layers and adds others.
///
/// A reader creates it from an input record (``ArticleInput``); the HTML cleaner fills `text` and the
/// metadata; segmentation fills `sentences` and `tokens`; entity stages fill `mentions` and
/// `entities`; the topic stage fills `topics`.
public struct Article: Sendable {
    /// Record id (file path without extension, JSONL `id`, WARC record id).
    public var id: String
    /// Source URL, if known (canonical URL once the cleaner has read it).
    public var url: String?
    /// The raw input as read.
    public var input: ArticleInput
    /// Where the record came from (file, line, byte offset), for error messages.
    public var origin: String?

    /// Headline, without the site-name suffix.
    public var title: String?
    /// Publication time, ISO 8601.
    public var published: String?
    /// BCP 47 language code (`en`), from markup or detection.
    public var language: String?
    /// Further page metadata found by the cleaner.
    public var metadata: ArticleMetadata

    /// The cleaned body text (paragraphs separated by a blank line); all offsets index into it.
    public var text: String
    /// Sentence ranges in `text` (UTF-8 bytes).
    public var sentences: [TextRange]
    /// Tokens of `text`, in order.
    public var tokens: [Token]
    /// The token limit that stopped analysis before the end of `text`, if it did: entities and
    /// topics then come from the first `tokenLimit` tokens only.
    public var tokenLimit: Int?
    /// Gazetteer matches (written by the matcher, read by recognition and resolution).
    public var candidates: [Candidate]
    /// Recognised mentions, in text order (typed spans; linked to ids by resolution).
    public var mentions: [Mention]
    /// Resolved entities, sorted by salience (best first).
    public var entities: [Entity]
    /// Topics, best first.
    public var topics: [TopicScore]

    /// Creates an article from raw input; nothing is analysed yet.
    public init(id: String, url: String? = nil, input: ArticleInput, origin: String? = nil) {
        self.id = id
        self.url = url
        self.input = input
        self.origin = origin
        self.title = nil
        self.published = nil
        self.language = nil
        self.metadata = ArticleMetadata()
        self.text = ""
        self.sentences = []
        self.tokens = []
        self.tokenLimit = nil
        self.candidates = []
        self.mentions = []
        self.entities = []
        self.topics = []
        if case .text(let text) = input { self.text = text }
    }

    /// Creates an article from an HTML page's bytes, with the charset a transport declared if any.
    public init(id: String, url: String? = nil, html: [UInt8], charset: String? = nil) {
        self.init(id: id, url: url, input: .html(html, charset: charset))
    }

    /// Creates an article from plain text; `text` is kept unchanged so offsets index into it.
    public init(id: String, url: String? = nil, text: String) {
        self.init(id: id, url: url, input: .text(text))
    }
}

/// The raw content of an input record.
public enum ArticleInput: Sendable {
    /// An HTML page's bytes and the charset its transport declared (HTTP header, record field).
    case html([UInt8], charset: String?)
    /// Plain text, used as the article text unchanged.
    case text(String)

    /// Size of the raw input in bytes.
    public var byteCount: Int {
        switch self {
        case .html(let bytes, _): bytes.count
        case .text(let text): text.utf8.count
        }
    }
}

/// What a page says about itself besides title, date and language.
public struct ArticleMetadata: Sendable, Hashable {
    /// Author names, in page order.
    public var authors: [String] = []
    /// Site or publisher name.
    public var site: String?
    /// Summary from `description`/`og:description`/JSON-LD.
    public var description: String?
    /// `article` for a story page; `index`, `gallery`, `search` … for pages that are not articles.
    public var pageType: String?
    /// The encoding the page was decoded with.
    public var encoding: String?

    /// Empty metadata.
    public init() {}
}

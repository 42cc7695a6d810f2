/// One line of `gazette tag` output, read leniently: the fields graphs and feeds use, every one
/// optional so that a record from an older or newer writer still reads.
///
/// The writer is `TagRecord.encode`; mention offsets are Unicode scalar offsets into the body text.
public struct TaggedArticle: Sendable, Hashable, Decodable {
    /// One entity of the article as written to output.
    public struct TaggedEntity: Sendable, Hashable, Decodable {
        /// Canonical entity id (a Wikidata QID, `geonames:<id>`, a gazetteer id, a generated id).
        public var id: String?
        /// `Person`, `Place` or `Organization` (other names are kept as written).
        public var type: String?
        /// Canonical display name.
        public var name: String?
        /// Wikidata QID when known.
        public var wikidata: String?
        /// Importance in the article, in [0, 1].
        public var salience: Double?
        /// Occurrences in the body text.
        public var mentions: [TaggedMention]?
        /// A place's `[latitude, longitude]`, when the writer knew it.
        public var coordinates: [Double]?
        /// A place's ISO 3166-1 alpha-2 country code, when the writer knew it.
        public var country: String?

        /// Creates an entity (tests and library callers).
        public init(id: String?, type: String?, name: String?, wikidata: String? = nil, salience: Double? = nil, mentions: [TaggedMention]? = nil) {
            self.id = id
            self.type = type
            self.name = name
            self.wikidata = wikidata
            self.salience = salience
            self.mentions = mentions
        }
    }

    /// One occurrence of an entity in the body text.
    public struct TaggedMention: Sendable, Hashable, Decodable {
        /// Start offset in Unicode scalars.
        public var start: Int?
        /// End offset (exclusive) in Unicode scalars.
        public var end: Int?
        /// The text as it appears.
        public var surface: String?

        /// Creates a mention.
        public init(start: Int? = nil, end: Int? = nil, surface: String?) {
            self.start = start
            self.end = end
            self.surface = surface
        }
    }

    /// One topic of the article.
    public struct TaggedTopic: Sendable, Hashable, Decodable {
        /// Topic code, e.g. `medtop:11000000`.
        public var id: String?
        /// Human-readable label, e.g. `politics`.
        public var label: String?
        /// Score in [0, 1].
        public var score: Double?

        /// Creates a topic.
        public init(id: String?, label: String?, score: Double?) {
            self.id = id
            self.label = label
            self.score = score
        }
    }

    /// The error object of a record that could not be processed.
    public struct RecordError: Sendable, Hashable, Decodable {
        /// Machine-readable error kind.
        public var code: String?
        /// What went wrong.
        public var message: String?
    }

    /// Record id.
    public var id: String?
    /// Source URL.
    public var url: String?
    /// Headline.
    public var title: String?
    /// Page summary, when the page gave one.
    public var description: String?
    /// The cleaned body text, when the tagger was run with `--include-text`.
    public var text: String?
    /// Entities, best first.
    public var entities: [TaggedEntity]?
    /// Topics, best first.
    public var topics: [TaggedTopic]?
    /// `nil` for a tagged article; the error of a record that failed.
    public var error: RecordError?

    /// Creates a record (tests and library callers).
    public init(
        id: String?, url: String? = nil, title: String? = nil, description: String? = nil, text: String? = nil,
        entities: [TaggedEntity] = [], topics: [TaggedTopic] = []
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.description = description
        self.text = text
        self.entities = entities
        self.topics = topics
        self.error = nil
    }
}

/// A span of tokens that matches one or more gazetteer entries: the gazetteer layer of an article.
///
/// The matcher writes candidates; the recogniser decides which become mentions and of what type;
/// the resolver links mentions to one entry.
public struct Candidate: Hashable, Sendable {
    /// Token indices covered (into `Article.tokens`).
    public var tokens: Range<Int>
    /// Bytes covered in `Article.text`.
    public var range: TextRange
    /// Entries whose name or alias matched, most likely first.
    public var entries: [CandidateEntry]
    /// True when the text matched an alias with its exact letter case (`NATO`, `Putin`), false when
    /// it matched only after case folding (`nato`, `PUTIN` in an all-caps headline).
    public var exactCase: Bool

    /// Creates a candidate.
    public init(tokens: Range<Int>, range: TextRange, entries: [CandidateEntry], exactCase: Bool) {
        self.tokens = tokens
        self.range = range
        self.entries = entries
        self.exactCase = exactCase
    }
}

/// One gazetteer entry a candidate span may refer to.
public struct CandidateEntry: Hashable, Sendable {
    /// Canonical id of the entry.
    public var id: String
    /// Its type.
    public var type: EntityType
    /// Its canonical name.
    public var name: String
    /// Subtype from the gazetteer (`country`, `city`, `ministry`, …), empty if none.
    public var subtype: String
    /// True when the matched alias is marked ambiguous (`~Georgia`) or shared with other entries.
    public var ambiguous: Bool
    /// True when the matched alias is marked `~` in the list: it names this entry only in context.
    public var marked: Bool
    /// True when the matched text is the canonical name (not an alias).
    public var isCanonicalName: Bool
    /// Prior weight in [0, 1]: how likely this entry is, before context (population, list rank).
    public var prior: Double

    /// Creates an entry reference.
    public init(id: String, type: EntityType, name: String, subtype: String = "", ambiguous: Bool = false, marked: Bool = false, isCanonicalName: Bool = false, prior: Double = 0.5) {
        self.id = id
        self.type = type
        self.name = name
        self.subtype = subtype
        self.ambiguous = ambiguous
        self.marked = marked
        self.isCanonicalName = isCanonicalName
        self.prior = prior
    }
}

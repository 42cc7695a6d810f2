/// The output formats of `gazette feed`.
public enum FeedFormat: String, Sendable, CaseIterable {
    /// MIND `news.tsv` rows.
    case mind
    /// One JSON object per article with weighted tags.
    case jsonl
    /// `item,tag,weight` triples with a header line.
    case csv

    /// The format names, comma-separated, for usage messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The text written before the first article (the CSV header).
    public var header: String {
        self == .csv ? "item,tag,weight\n" : ""
    }

    /// The lines for one article, each ending in a newline.
    public func lines(for article: TaggedArticle) -> String {
        switch self {
        case .mind: MINDNewsRow.row(for: article) + "\n"
        case .jsonl: RecommenderTags.jsonLine(for: article) + "\n"
        case .csv: RecommenderTags.csvRows(for: article)
        }
    }
}

import Foundation

/// How much of an article a reader has: its headline, the headline and first paragraph (a feed's
/// title and summary), or the full text.
public enum TextLength: String, CaseIterable, Sendable, Codable {
    /// The headline alone.
    case headline
    /// The headline and the first paragraph.
    case lead
    /// The whole article (its first ``SourceArticle/fullWordLimit`` words).
    case full
}

/// One labelled article of a ``NewsSource``, cleaned, with its IPTC labels.
public struct SourceArticle: Sendable, Hashable {
    /// The source it comes from.
    public var source: NewsSource = .bbc
    /// Its category in the source (`WORLD NEWS`, `19`, `sci.med`).
    public var category = ""
    /// Its IPTC top-level codes (several share the article).
    public var labels: [String] = []
    /// Where it is in the source file (`huffpost:123`).
    public var origin = ""
    /// The headline (a Usenet post's subject).
    public var headline: String
    /// The body's paragraphs (for the NYT set: the coder's one-line subject).
    public var paragraphs: [String]
    /// Whether the paragraphs are a whole article (false for the NYT subject line).
    public var hasBody = true

    /// Words kept from a lead paragraph.
    public static let leadWordLimit = 80
    /// Words kept from a full article (Usenet FAQs run to thousands).
    public static let fullWordLimit = 800

    /// Creates an article from its headline and body paragraphs.
    public init(headline: String, paragraphs: [String]) {
        self.headline = headline
        self.paragraphs = paragraphs
    }

    /// The article's text at `length`, or nil when the source does not have it (HuffPost has
    /// headlines only; an article of one paragraph has no full text beyond its lead).
    public func text(_ length: TextLength) -> String? {
        switch length {
        case .headline:
            return headline.isEmpty ? nil : headline
        case .lead:
            guard let first = paragraphs.first else { return nil }
            return joined([headline, Self.prefix(first, words: Self.leadWordLimit)])
        case .full:
            guard hasBody, paragraphs.count >= 2 else { return nil }
            return Self.prefix(joined([headline] + paragraphs), words: Self.fullWordLimit)
        }
    }

    /// The lengths this article has.
    public var lengths: [TextLength] { TextLength.allCases.filter { text($0) != nil } }

    private func joined(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The first `words` space-separated words of `text` (line breaks kept).
    static func prefix(_ text: String, words: Int) -> String {
        var count = 0
        var inWord = false
        for index in text.indices {
            let isSpace = text[index] == " " || text[index] == "\n"
            if !isSpace && !inWord {
                count += 1
                if count > words { return String(text[..<index]).trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            inWord = !isSpace
        }
        return text
    }
}

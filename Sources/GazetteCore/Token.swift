/// One token of an article's text: a word, a number or a punctuation mark, as a byte range.
public struct Token: Hashable, Sendable {
    /// What sort of token this is.
    public enum Kind: UInt8, Sendable {
        /// Letters (and marks, digits, apostrophes or hyphens inside a word).
        case word
        /// Starts with a digit.
        case number
        /// A single punctuation or symbol character.
        case punctuation
    }

    /// Where the token lies in the article's text (UTF-8 bytes).
    public var range: TextRange
    /// Word, number or punctuation.
    public var kind: Kind
    /// Index of the sentence the token belongs to.
    public var sentence: Int32
    /// True for the first token of its sentence.
    public var startsSentence: Bool

    /// Creates a token.
    public init(range: TextRange, kind: Kind, sentence: Int32, startsSentence: Bool) {
        self.range = range
        self.kind = kind
        self.sentence = sentence
        self.startsSentence = startsSentence
    }
}

/// A weaker guess at the language of a short text that ``LanguageIdentifier`` cannot name
/// (`José Bono Martínez`, `Landkreis Kelheim`), for choosing which recogniser reads it, never for
/// the article's `language` field, which stays unnamed.
///
/// Only a few languages compete: the ``candidates`` that have a recogniser of their own, and the
/// ``fallback`` (English) a text goes to when nothing speaks against it. The text's character
/// n-grams are scored under their profiles alone; the best candidate wins when it leads the
/// fallback by ``margin`` per n-gram, so a results line with a foreign club in it stays English
/// while `ü`, `ñ`, `ł`, `sch`, `ij` and the like, over a few words, pull a fragment to its language.
public struct LanguageGuesser: Sendable {
    /// Scores the n-grams.
    public let identifier: LanguageIdentifier
    /// The languages a guess may name (primary subtags), the fallback among them.
    public let candidates: Set<String>
    /// The language a text stays with unless another leads it by ``margin``.
    public let fallback: String

    /// Lead in nats per n-gram a candidate needs over the fallback. Tuned on 2,000 WikiANN train
    /// fragments per language against 4,000 CoNLL-2003 train sentences (docs/extraction.md §
    /// Guesses for short texts): 0.3 sends 13–34% of the unnamed fragments (Dutch to Spanish) to
    /// their language's recogniser and 6% of the unnamed English lines away from English; no lead
    /// at all would send a quarter of those away.
    public static let margin = 0.3
    /// Fewest letters a guess reads; fewer give the fallback (`LONDON 1996-08-26`).
    public static let minimumLetters = 8
    /// Most letters of a text named a language no recogniser reads that the router still guesses
    /// for: below it the language stage's scores read the names as much as the words (as
    /// ``LanguageIdentifier/minimumLowercaseLetters``).
    public static let maximumLetters = 60

    /// Creates a guesser over `candidates` (the fallback is added).
    public init(identifier: LanguageIdentifier, candidates: Set<String>, fallback: String = "en") {
        self.identifier = identifier
        self.candidates = candidates.union([fallback])
        self.fallback = fallback
    }

    /// The candidate `text` reads most like when it leads the fallback by ``margin`` per n-gram,
    /// otherwise the fallback; `nil` when the text has more than `maximumLetters` letters or no
    /// candidate is written in its script.
    public func guess(_ text: String, maximumLetters: Int = .max) -> String? {
        guard let scores = identifier.candidateScores(of: text, among: candidates, maximumLetters: maximumLetters),
              let fallbackScore = scores.perGram[fallback] else { return nil }
        guard scores.letters >= Self.minimumLetters,
              let (best, score) = scores.perGram.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return fallback }
        return score - fallbackScore >= Self.margin ? best : fallback
    }
}

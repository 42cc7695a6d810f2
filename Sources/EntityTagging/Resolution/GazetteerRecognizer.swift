public import GazetteCore

/// The simplest recogniser: every gazetteer candidate that is not ambiguous becomes a mention of its
/// most likely entry's type; an ambiguous one only when it matched with its exact case and, for a
/// single word, not at the start of a sentence (or when the article names the entry in full).
///
/// Used when no model is available (`--no-model`) and as the baseline the learned recogniser is
/// measured against.
public struct GazetteerRecognizer: PipelineStage {
    public let name = "recognize-gazetteer"
    /// Tokens and gazetteer matches.
    public var reads: ArticleLayers { [.tokens, .candidates] }
    /// Typed mention spans.
    public var writes: ArticleLayers { .mentions }

    /// Creates the recogniser.
    public init() {}

    public func process(_ article: inout Article) throws(GazetteError) {
        let bytes = Array(article.text.utf8)
        // An entry the article names in full explains its shorter forms elsewhere (`Meta` after `Ilir Meta`).
        var namedInFull: Set<String> = []
        for candidate in article.candidates where candidate.tokens.count > 1 {
            for entry in candidate.entries { namedInFull.insert(entry.id) }
        }
        article.mentions = article.candidates.compactMap { candidate -> Mention? in
            guard let best = candidate.entries.first(where: { namedInFull.contains($0.id) }) ?? candidate.entries.first else { return nil }
            if best.ambiguous && !candidate.exactCase && !namedInFull.contains(best.id) { return nil }
            // A one-word ambiguous name at the start of a sentence is most often a capitalised
            // common word (`Mobile`, `Split`, `Bath`): without the full name elsewhere, skip it.
            if best.ambiguous, candidate.tokens.count == 1, !namedInFull.contains(best.id),
               article.tokens.indices.contains(candidate.tokens.lowerBound) {
                let first = candidate.tokens.lowerBound
                let startsSentence = article.tokens[first].startsSentence
                    || (first > 0 && article.tokens[first - 1].kind == .punctuation && article.tokens[first - 1].startsSentence)
                if startsSentence { return nil }
            }
            let surface = String(decoding: bytes[candidate.range.start..<candidate.range.end], as: UTF8.self)
            return Mention(range: candidate.range, surface: surface, type: best.type, entityID: best.id, source: "gazetteer",
                           confidence: best.ambiguous ? 0.6 : 0.9)
        }
    }
}

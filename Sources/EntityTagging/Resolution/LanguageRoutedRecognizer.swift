public import GazetteCore
public import TextAnalysis

/// Recognises mentions with the recogniser of the article's language: the English model for
/// English, the model of the language or of a close one (``MultilingualRecognizers``) for others,
/// the gazetteer alone for the rest: no other language goes through the English model.
///
/// The English model learned English capitalisation: in German, where every noun is capitalised,
/// it would tag `Freitag` and `Gesetz`, and it knows no Russian case endings. A page whose
/// language is unknown (too short to tell) goes by its letters: mostly Latin letters to the
/// English recogniser, mostly Cyrillic to the Russian one, other alphabets (Greek, Arabic, …) to
/// the recogniser for other languages.
public struct LanguageRoutedRecognizer: PipelineStage {
    public let name = "recognize"
    /// The language it routes by, and what every recogniser reads.
    public var reads: ArticleLayers {
        recognizers.values.reduce(english.reads.union(other.reads).union(.language)) { $0.union($1.reads) }
    }
    /// What every recogniser writes.
    public var writes: ArticleLayers { recognizers.values.reduce(english.writes.union(other.writes)) { $0.union($1.writes) } }
    /// The recogniser for English (and Latin-script text of unknown language).
    public let english: any PipelineStage
    /// Recognisers by primary language subtag (`de`, `ru`).
    public let recognizers: [String: any PipelineStage]
    /// The recogniser for every other language.
    public let other: any PipelineStage
    /// Guesses which recogniser reads Latin-script text of unknown language (`nil`: the English one).
    public let guesser: LanguageGuesser?

    /// Creates the router.
    public init(english: any PipelineStage, recognizers: [String: any PipelineStage] = [:], other: any PipelineStage = GazetteerRecognizer(),
                guesser: LanguageGuesser? = nil) {
        self.english = english
        self.recognizers = recognizers
        self.other = other
        self.guesser = guesser
    }

    public func process(_ article: inout Article) throws(GazetteError) {
        try recognizer(for: article).process(&article)
    }

    /// The recogniser an article goes to.
    func recognizer(for article: Article) -> any PipelineStage {
        guard let language = article.language else {
            switch Self.dominantAlphabet(article.text) {
            case .latin: return guessed(article) ?? english
            case .cyrillic: return recognizers["ru"] ?? other
            case .other: return other
            }
        }
        let primary = Self.primarySubtag(language)
        if primary == "en" { return english }
        if let recognizer = recognizers[primary] { return recognizer }
        // A short text named a language no recogniser reads was named by a few names as much as by
        // its words (short English lines come out Norwegian or Indonesian at times): it is routed
        // as one of unknown language, by the guess, English when nothing speaks against it.
        return guessed(article, maximumLetters: LanguageGuesser.maximumLetters) ?? other
    }

    /// The recogniser of the guesser's guess for `article` (the English one when the guess is the
    /// fallback), or `nil` when there is no guesser, the text has more than `maximumLetters`
    /// letters or is not written in the candidates' script.
    private func guessed(_ article: Article, maximumLetters: Int = .max) -> (any PipelineStage)? {
        guard let guesser, let guess = guesser.guess(guesser.identifier.sampleText(of: article), maximumLetters: maximumLetters) else { return nil }
        return guess == guesser.fallback ? english : recognizers[guess] ?? english
    }

    /// The alphabets an article of unknown language is routed by.
    enum Alphabet { case latin, cyrillic, other }

    /// The alphabet of most letters among the text's first 2,000 scalars (Latin when it has none).
    static func dominantAlphabet(_ text: String) -> Alphabet {
        var latin = 0, cyrillic = 0, other = 0
        for scalar in text.unicodeScalars.prefix(2_000) where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0..<0x0250, 0x1E00...0x1EFF: latin += 1
            case 0x0400...0x052F: cyrillic += 1
            default: other += 1
            }
        }
        if latin >= cyrillic, latin >= other { return .latin }
        return cyrillic >= other ? .cyrillic : .other
    }

    /// `en` for `en-GB`, `EN_us`, `en`.
    static func primarySubtag(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}

public import GazetteCore

/// Recognises mentions with the learned model in the languages it was trained on, and with the
/// gazetteer alone elsewhere.
///
/// The shipped model learned English capitalisation: in German, where every noun is capitalised,
/// it would tag `Freitag` and `Gesetz`. A page whose language is known and not a model language
/// therefore gets gazetteer mentions only (the lists are multilingual in their names); a page of
/// unknown language is treated as English.
public struct LanguageRoutedRecognizer: PipelineStage {
    public let name = "recognize"
    /// The language it routes by, and what either recogniser reads.
    public var reads: ArticleLayers { model.reads.union(fallback.reads).union(.language) }
    /// What either recogniser writes.
    public var writes: ArticleLayers { model.writes.union(fallback.writes) }
    /// The recogniser for model languages.
    public let model: any PipelineStage
    /// The recogniser for every other language.
    public let fallback: any PipelineStage
    /// Primary language subtags the model handles (`en`).
    public let modelLanguages: Set<String>

    /// Creates the router.
    public init(model: any PipelineStage, fallback: any PipelineStage = GazetteerRecognizer(), modelLanguages: Set<String> = ["en"]) {
        self.model = model
        self.fallback = fallback
        self.modelLanguages = modelLanguages
    }

    public func process(_ article: inout Article) throws(GazetteError) {
        if let language = article.language, !modelLanguages.contains(Self.primarySubtag(language)) {
            try fallback.process(&article)
        } else {
            try model.process(&article)
        }
    }

    /// `en` for `en-GB`, `EN_us`, `en`.
    static func primarySubtag(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}

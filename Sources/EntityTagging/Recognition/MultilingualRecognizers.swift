public import GazetteCore
import Foundation
import Synchronization

/// The recognisers for text that is not English: one model per language the development data has
/// labelled text in (German, Spanish, Dutch, Polish and Russian, trained on WikiANN by
/// `Scripts/build-ner-languages`), each with letter suffixes and Cyrillic stems as features
/// (``PerceptronTrainer/letterFeatures``). A language without a model of its own borrows the model
/// of the closest one in how it writes names (``modelLanguage``): French and Italian capitalise
/// names only, as Spanish does; Ukrainian and Bulgarian write Cyrillic and decline names as Russian does.
public enum MultilingualRecognizers {
    /// The languages with a model of their own (primary subtags), each in `models/ner/languages/<language>.bin`.
    public static let modelLanguages = ["de", "es", "nl", "pl", "ru"]

    /// The language whose model a text in each language uses (primary subtags). The groups follow
    /// how names are written: nouns capitalised (German, Luxembourgish); names only, Germanic
    /// (Dutch, Afrikaans, Frisian); names only, Romance (Spanish,
    /// French, Italian, Portuguese, Catalan, Galician, Romanian); Latin-script Slavic and Baltic
    /// (Polish, Czech, Slovak, Slovene, Croatian, Bosnian, Lithuanian, Latvian); Cyrillic (Russian,
    /// Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian, Kazakh, Kyrgyz, Tajik, Mongolian).
    public static let modelLanguage: [String: String] = {
        var map: [String: String] = [:]
        for language in ["de", "lb"] { map[language] = "de" }
        for language in ["nl", "af", "fy"] { map[language] = "nl" }
        for language in ["es", "fr", "it", "pt", "ca", "gl", "ro", "oc"] { map[language] = "es" }
        for language in ["pl", "cs", "sk", "sl", "hr", "bs", "lt", "lv"] { map[language] = "pl" }
        for language in ["ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn"] { map[language] = "ru" }
        // Not the Scandinavian languages: the language stage takes short English texts for
        // Norwegian or Danish at times, and no Scandinavian text measured a borrowed model.
        return map
    }()

    /// Where the model of `language` (one of ``modelLanguages``) lives, relative to the data root.
    public static func modelPath(_ language: String) -> String { "models/ner/languages/\(language).bin" }

    /// The recognisers by primary language subtag (every language of ``modelLanguage``), from the
    /// models in `directory` (default: the shipped `models/ner/languages/`); empty when the data
    /// folder has none of them.
    /// The explicit rules (``EntityRecognizer``) are English patterns (`President X`, `X Ministry`)
    /// and are off (they cost F1 on WikiANN German, docs/ner.md).
    ///
    /// A model is read the first time a text in one of its languages comes (``LanguageModelStore``):
    /// most batches are in one or two languages, and reading all five models took a quarter of
    /// start-up. A model file that turns out unreadable then fails each record of its languages
    /// with a `model` error.
    public static func load(directory: String? = nil, lexicons: Lexicons) throws(GazetteError) -> [String: any PipelineStage] {
        var files: [String: String] = [:]
        for language in modelLanguages {
            let file: String
            if let directory { file = directory + "/\(language).bin" } else { file = try DataLocator.path(modelPath(language)) }
            if FileManager.default.fileExists(atPath: file) { files[language] = file }
        }
        let store = LanguageModelStore(files: files, lexicons: lexicons)
        return modelLanguage.compactMapValues { model -> (any PipelineStage)? in
            files[model] == nil ? nil : LanguageModelRecognizer(modelLanguage: model, store: store)
        }
    }
}

/// The models of other languages, each read from its file on first use and kept; shared by the
/// stages of every language (``LanguageModelRecognizer``) and safe to use from several workers.
final class LanguageModelStore: Sendable {
    /// Model files by model language.
    let files: [String: String]
    private let lexicons: Lexicons
    private struct Loaded {
        var cues: RecognizerLexicons?
        var recognizers: [String: Result<EntityRecognizer, GazetteError>] = [:]
    }
    private let loaded = Mutex(Loaded())

    init(files: [String: String], lexicons: Lexicons) {
        self.files = files
        self.lexicons = lexicons
    }

    /// The recogniser of `language` (a key of ``files``), read now if it was not yet; a worker
    /// that asks while another reads waits for it rather than reading the file twice.
    func recognizer(_ language: String) throws(GazetteError) -> EntityRecognizer {
        let result = loaded.withLock { state -> Result<EntityRecognizer, GazetteError> in
            if let known = state.recognizers[language] { return known }
            let cues = state.cues ?? RecognizerLexicons(lexicons)
            state.cues = cues
            let result: Result<EntityRecognizer, GazetteError>
            if let file = files[language] {
                do throws(GazetteError) {
                    result = .success(EntityRecognizer(model: try PerceptronModel(contentsOf: file), lexicons: cues, rules: false, letterFeatures: true))
                } catch {
                    result = .failure(error)
                }
            } else {
                result = .failure(GazetteError(.model, "no entity model for the language '\(language)' in the data folder"))
            }
            state.recognizers[language] = result
            return result
        }
        return try result.get()
    }
}

/// The recogniser of one model language, whose model ``LanguageModelStore`` reads on first use.
struct LanguageModelRecognizer: PipelineStage {
    let name = "recognize-model"
    /// As ``EntityRecognizer``: tokens and gazetteer matches.
    var reads: ArticleLayers { [.tokens, .candidates] }
    /// As ``EntityRecognizer``: typed mention spans.
    var writes: ArticleLayers { .mentions }
    /// The language whose model it runs (one of ``MultilingualRecognizers/modelLanguages``).
    let modelLanguage: String
    let store: LanguageModelStore

    func process(_ article: inout Article) throws(GazetteError) {
        try store.recognizer(modelLanguage).process(&article)
    }
}

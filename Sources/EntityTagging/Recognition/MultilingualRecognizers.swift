public import GazetteCore
import Foundation

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
    public static func load(directory: String? = nil, lexicons: Lexicons) throws(GazetteError) -> [String: EntityRecognizer] {
        let cues = RecognizerLexicons(lexicons)
        var models: [String: EntityRecognizer] = [:]
        for language in modelLanguages {
            let file: String
            if let directory { file = directory + "/\(language).bin" } else { file = try DataLocator.path(modelPath(language)) }
            guard FileManager.default.fileExists(atPath: file) else { continue }
            models[language] = EntityRecognizer(model: try PerceptronModel(contentsOf: file), lexicons: cues, rules: false, letterFeatures: true)
        }
        return modelLanguage.compactMapValues { models[$0] }
    }
}

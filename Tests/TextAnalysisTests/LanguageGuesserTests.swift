import Testing
import GazetteCore
@testable import TextAnalysis

/// Fragments too short for the language stage, written for these tests: names and captions as a
/// list, a caption or a results line holds them.
@Suite("Language guesses for short texts")
struct LanguageGuesserTests {
    static let guesser: LanguageGuesser? = (try? LanguageIdentifier()).map {
        LanguageGuesser(identifier: $0, candidates: ["de", "es", "nl", "pl"])
    }

    @Test("the language stage leaves these fragments unnamed", arguments: Self.foreign.map(\.text) + Self.english)
    func tooShortToIdentify(_ text: String) throws {
        let guesser = try #require(Self.guesser, "the shipped profiles at models/language/profiles.tsv did not load")
        #expect(guesser.identifier.identify(text) == nil)
    }

    static let foreign: [(language: String, text: String)] = [
        ("de", "Landkreis Fürth"),
        ("de", "Württemberg"),
        ("es", "Peñarroya y Añón"),
        ("pl", "Zagłębie Łódź"),
        ("pl", "Wróblewski, Michał"),
        ("nl", "Gemeente Ijsselmonde"),
    ]

    @Test("letters and letter groups of a language pull a fragment to it", arguments: Self.foreign)
    func foreignFragments(_ sample: (language: String, text: String)) throws {
        let guesser = try #require(Self.guesser)
        #expect(guesser.guess(sample.text) == sample.language)
    }

    static let english = [
        "Arsenal 2 Chelsea 1",
        "Sunday's results",
        "Kevin Anderson ( USA )",
        "Seattle Mariners 4",
    ]

    @Test("English lines, with names of any origin in them, stay English", arguments: Self.english)
    func englishLines(_ text: String) throws {
        let guesser = try #require(Self.guesser)
        #expect(guesser.guess(text) == "en")
    }

    @Test("too few letters give the fallback; another script or too many letters give no guess")
    func limits() throws {
        let guesser = try #require(Self.guesser)
        #expect(guesser.guess("Łódź 3") == "en")
        #expect(guesser.guess("Москва и Киев") == nil)
        #expect(guesser.guess("1996-08-26 12:30") == nil)
        #expect(guesser.guess("Landkreis Fürth", maximumLetters: 10) == nil)
        #expect(guesser.candidates == ["de", "es", "nl", "pl", "en"])
    }

    @Test("scores are per n-gram, for the candidates of the text's script only")
    func candidateScores() throws {
        let guesser = try #require(Self.guesser)
        let scores = try #require(guesser.identifier.candidateScores(of: "Zagłębie Łódź", among: ["pl", "en", "ru"]))
        #expect(Set(scores.perGram.keys) == ["pl", "en"])
        #expect(scores.letters == 12)
        #expect(scores.grams > 0)
        #expect(try #require(scores.perGram["pl"]) > (try #require(scores.perGram["en"])))
    }
}

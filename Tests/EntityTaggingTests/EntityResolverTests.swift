import Foundation
import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

@Suite struct EntityResolverTests {
    /// Runs matcher, gazetteer recogniser, extra mentions (as a model would add) and the resolver.
    private func resolve(_ text: String, title: String? = nil, extra: [(String, EntityType)] = []) throws -> Article {
        let gazetteer = GazetteerTestData.gazetteer()
        var article = Article(id: "t", text: text)
        article.title = title
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        try GazetteerRecognizer().process(&article)
        for (surface, type) in extra {
            var searchFrom = text.startIndex
            while let found = text.range(of: surface, range: searchFrom..<text.endIndex) {
                let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                let range = TextRange(start: start, end: start + surface.utf8.count)
                if !article.mentions.contains(where: { $0.range.overlaps(range) }) {
                    article.mentions.append(Mention(range: range, surface: surface, type: type, source: "model"))
                }
                searchFrom = found.upperBound
            }
        }
        try EntityResolver(gazetteer: gazetteer, lexicons: GazetteerTestData.lexicons).process(&article)
        return article
    }

    @Test func shortFormsJoinTheCanonicalEntity() throws {
        let article = try resolve("Vladimir Putin spoke in Moscow. Later Putin’s aide said Putin would travel.")
        let putin = try #require(article.entities.first { $0.id == "Q7747" })
        #expect(putin.mentions.count == 3)
        #expect(putin.name == "Vladimir Putin")
        #expect(putin.wikidata == "Q7747")
    }

    @Test func partialNamesJoinFullNamesNoListHolds() throws {
        let article = try resolve("Deputy minister Timur Ivanov was detained. Ivanov denied the charges.",
                                  extra: [("Timur Ivanov", .person), ("Ivanov", .person)])
        let ivanov = try #require(article.entities.first { $0.name == "Timur Ivanov" })
        #expect(ivanov.mentions.count == 2)
        #expect(ivanov.id == "new:person:timur-ivanov")
        #expect(ivanov.mentions.last?.reason?.contains("Timur Ivanov") == true)
    }

    @Test func aSurnameJoinsTheLongestFullerNameMentionedFirst() throws {
        // "Ivanova" ends three fuller names: the longest wins over the ones named before it.
        let longest = try resolve(
            "Anna Ivanova met Maria Ivanova. Later Anna Petrovna Ivanova spoke, and Ivanova left.",
            extra: [("Anna Petrovna Ivanova", .person), ("Anna Ivanova", .person), ("Maria Ivanova", .person), ("Ivanova", .person)])
        let full = try #require(longest.entities.first { $0.name == "Anna Petrovna Ivanova" })
        #expect(full.mentions.map(\.surface) == ["Anna Petrovna Ivanova", "Ivanova"])
        // Among names of equal length, the one the article names first.
        let first = try resolve(
            "Maria Ivanova met Anna Ivanova. Ivanova left.",
            extra: [("Anna Ivanova", .person), ("Maria Ivanova", .person), ("Ivanova", .person)])
        let maria = try #require(first.entities.first { $0.name == "Maria Ivanova" })
        #expect(maria.mentions.map(\.surface) == ["Maria Ivanova", "Ivanova"])
    }

    @Test func aLongArticleLinksEveryRepeatedPartialName() throws {
        // Thousands of mentions of a few people: each surname still joins its full name.
        var sentences: [String] = []
        for round in 0..<1_500 {
            sentences.append(round == 0 ? "Deputy minister Timur Ivanov met Olga Petrenko." : "Ivanov and Petrenko spoke again on day \(round).")
        }
        let article = try resolve(sentences.joined(separator: " "),
                                  extra: [("Timur Ivanov", .person), ("Olga Petrenko", .person), ("Ivanov", .person), ("Petrenko", .person)])
        let ivanov = try #require(article.entities.first { $0.id == "new:person:timur-ivanov" })
        let petrenko = try #require(article.entities.first { $0.id == "new:person:olga-petrenko" })
        #expect(ivanov.mentions.count == 1_500)
        #expect(petrenko.mentions.count == 1_500)
        #expect(!article.entities.contains { $0.id == "new:person:ivanov" || $0.id == "new:person:petrenko" })
    }

    @Test func generatedIDsAreStableAcrossArticles() throws {
        let a = try resolve("Anna Kovalenko spoke.", extra: [("Anna Kovalenko", .person)])
        let b = try resolve("Yesterday ANNA KOVALENKO left; Anna Kovalenko said so.", extra: [("Anna Kovalenko", .person)])
        #expect(a.entities.first?.id == b.entities.first?.id)
    }

    /// ASCII names take a byte-level path; the slugs are those of the general one.
    @Test(arguments: [("AT&T Inc.", "new:organization:at-t-inc"), ("U.S. Steel", "new:organization:u-s-steel"),
                      ("3M", "new:organization:3m"), ("--", "new:organization:x"), ("Zürich Re AG", "new:organization:zurich-re-ag"),
                      ("Газпром", "new:organization:газпром")])
    func generatedIDSlugs(surface: String, expected: String) {
        let resolver = EntityResolver(gazetteer: GazetteerTestData.gazetteer())
        let mention = Mention(range: TextRange(start: 0, end: surface.utf8.count), surface: surface, type: .organization, source: "model")
        #expect(resolver.generatedID(for: mention) == expected)
    }

    @Test func ambiguousPlaceDecidedByContext() throws {
        let us = try resolve("Georgia voters lined up in Atlanta on Tuesday.",
                             extra: [("Georgia", .place)])
        #expect(us.entities.first { $0.name.hasPrefix("Georgia") }?.id == "Q1428")
        let caucasus = try resolve("Protesters in Tbilisi said Georgia must stay on its course. Georgian officials agreed.",
                                   extra: [("Georgia", .place)])
        let georgia = try #require(caucasus.entities.first { $0.name.hasPrefix("Georgia") })
        #expect(georgia.id == "Q230")
        #expect(georgia.mentions.first?.reason?.hasPrefix("context") == true)
    }

    @Test func salienceRanksFrequentTitleEntitiesFirst() throws {
        let article = try resolve("NATO met in Kyiv. NATO leaders said NATO would help Ukraine. Putin objected.",
                                  title: "NATO pledges help")
        #expect(article.entities.first?.id == "Q7184")
        #expect(article.entities.allSatisfy { $0.salience >= 0 && $0.salience <= 1 })
        let saliences = article.entities.map(\.salience)
        #expect(saliences == saliences.sorted(by: >))
    }

    @Test func loneSharedSurnameLinksOnlyWhenTheFullNameAppears() throws {
        // "Meta" is both a company and the surname of Ilir Meta: a mention typed Person links to
        // him only in an article that names him in full.
        let alone = try resolve("Shares of Meta fell on Monday.", extra: [])
        #expect(alone.entities.first?.id == "gz:o:meta")
        let named = try resolve("Ilir Meta resigned on Monday. Meta said the vote was unfair.")
        let person = try #require(named.entities.first { $0.id == "Q57401" })
        #expect(person.mentions.count == 2)
    }
}

@Suite struct LanguageRoutedRecognizerTests {
    struct Marker: PipelineStage {
        let name = "marker"
        let label: String
        var reads: ArticleLayers { .language }
        var writes: ArticleLayers { .text }
        func process(_ article: inout Article) throws(GazetteError) { article.metadata.site = label }
    }

    @Test(arguments: [("en", "english"), ("en-GB", "english"), (nil, "english"), ("de", "german"), ("DE-at", "german"), ("fr_FR", "other")])
    func routesByLanguage(language: String?, expected: String) throws {
        var article = Article(id: "x", text: "Der Bundestag stimmte am Freitag zu.")
        article.language = language
        try LanguageRoutedRecognizer(english: Marker(label: "english"), recognizers: ["de": Marker(label: "german")], other: Marker(label: "other"))
            .process(&article)
        #expect(article.metadata.site == expected)
    }

    /// Text too short to tell its language goes by its letters: Latin to English, Cyrillic to the
    /// Russian recogniser, other alphabets to the one for other languages; never Cyrillic to English.
    @Test(arguments: [("Нагибин, Владимир", "russian"), ("Nagibin, Vladimir", "english"), ("Αθήνα, Πειραιάς", "other")])
    func unknownLanguageGoesByAlphabet(text: String, expected: String) throws {
        let router = LanguageRoutedRecognizer(english: Marker(label: "english"), recognizers: ["ru": Marker(label: "russian")],
                                              other: Marker(label: "other"))
        var article = Article(id: "x", text: text)
        try router.process(&article)
        #expect(article.metadata.site == expected)
    }

    /// With a guesser, a Latin-script text too short to identify goes to the recogniser of the
    /// language it reads most like, and stays English when nothing speaks against it; the
    /// article's language stays unknown.
    @Test(arguments: [("Peñarroya y Añón", "spanish"), ("Landkreis Fürth", "german"), ("Arsenal 2 Chelsea 1", "english"),
                      ("Łódź 3", "english"), ("Нагибин, Владимир", "russian")])
    func unknownLanguageGoesByTheGuess(text: String, expected: String) throws {
        let guesser = LanguageGuesser(identifier: try LanguageIdentifier(), candidates: ["de", "es", "ru"])
        let router = LanguageRoutedRecognizer(english: Marker(label: "english"),
                                              recognizers: ["de": Marker(label: "german"), "es": Marker(label: "spanish"), "ru": Marker(label: "russian")],
                                              other: Marker(label: "other"), guesser: guesser)
        var article = Article(id: "x", text: text)
        try router.process(&article)
        #expect(article.metadata.site == expected)
        #expect(article.language == nil)
    }

    /// A short text named a language without a recogniser is routed by the guess as well (an
    /// English line the stage took for Norwegian goes to the English model); a longer one, or any
    /// text without a guesser, goes to the recogniser for other languages.
    @Test func shortTextOfALanguageWithoutARecogniserGoesByTheGuess() throws {
        let guesser = LanguageGuesser(identifier: try LanguageIdentifier(), candidates: ["de"])
        let router = LanguageRoutedRecognizer(english: Marker(label: "english"), recognizers: ["de": Marker(label: "german")],
                                              other: Marker(label: "other"), guesser: guesser)
        let plain = LanguageRoutedRecognizer(english: Marker(label: "english"), recognizers: ["de": Marker(label: "german")],
                                             other: Marker(label: "other"))
        let cases: [(text: String, router: LanguageRoutedRecognizer, expected: String)] = [
            ("Tromso 2 Kongsvinger 1 , Brann 0 Viking 3", router, "english"),
            ("Großherzogtum Württemberg und Baden", router, "german"),
            ("Tromso 2 Kongsvinger 1 , Brann 0 Viking 3", plain, "other"),
            ("Regjeringen la fram statsbudsjettet for neste år på torsdag, og opposisjonen var ikke fornøyd med kuttene i bistand.", router, "other"),
        ]
        for (text, router, expected) in cases {
            var article = Article(id: "x", text: text)
            article.language = "no"
            try router.process(&article)
            #expect(article.metadata.site == expected, "\(text)")
            #expect(article.language == "no")
        }
    }

    /// Every language with a model of its own uses it; a close language borrows one.
    @Test func languagesBorrowTheModelOfACloseLanguage() {
        for language in MultilingualRecognizers.modelLanguages {
            #expect(MultilingualRecognizers.modelLanguage[language] == language)
        }
        #expect(MultilingualRecognizers.modelLanguage["uk"] == "ru")
        #expect(MultilingualRecognizers.modelLanguage["fr"] == "es")
        #expect(MultilingualRecognizers.modelLanguage["en"] == nil)
    }

    /// A model is read when the first text of its languages comes: a bad file does not stop the
    /// pipeline from loading, it fails the records of its languages with a `model` error, and the
    /// languages of a missing file get no recogniser.
    @Test func modelsAreReadOnFirstUse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-models-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try PerceptronModel(bits: 10).write(to: folder + "/ru.bin")
        #expect(FileManager.default.createFile(atPath: folder + "/de.bin", contents: Data("not a model".utf8)))
        let stages = try MultilingualRecognizers.load(directory: folder, lexicons: Lexicons())
        #expect(stages["es"] == nil && stages["fr"] == nil)
        let russian = try #require(stages["ru"]), ukrainian = try #require(stages["uk"]), german = try #require(stages["de"])
        var article = Article(id: "r", text: "Совет собрался в Москве во вторник.")
        try Segmenter().process(&article)
        try russian.process(&article)
        try ukrainian.process(&article)
        #expect(article.mentions.isEmpty)  // a zero model finds nothing
        article = Article(id: "g", text: "Der Rat tagte am Dienstag in Bonn.")
        try Segmenter().process(&article)
        var caught: GazetteError?
        do { try german.process(&article) } catch { caught = error }
        #expect(caught?.code == .model)
        #expect(caught?.message.contains("de.bin") == true)
    }
}

@Suite struct MentionTrimmingTests {
    @Test func punctuationAtMentionEdgesIsTrimmed() throws {
        let text = "In Zürich, “Anna Müller” met officials of the U.S. on Monday."
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        func range(_ s: String) -> TextRange {
            let start = text.utf8.distance(from: text.startIndex, to: text.range(of: s)!.lowerBound)
            return TextRange(start: start, end: start + s.utf8.count)
        }
        let mentions = [
            Mention(range: range("Zürich,"), surface: "Zürich,", type: .place, source: "model"),
            Mention(range: range("“Anna Müller”"), surface: "“Anna Müller”", type: .person, source: "model"),
            Mention(range: range("U.S."), surface: "U.S.", type: .place, source: "model"),
            Mention(range: range(","), surface: ",", type: .place, source: "model"),
        ]
        let trimmed = EntityResolver.trimmingPunctuation(mentions, tokens: article.tokens, text: text)
        #expect(trimmed.map(\.surface) == ["Zürich", "Anna Müller", "U.S."])
        #expect(trimmed[1].range == range("Anna Müller"))
    }
}

import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// Names in other scripts and languages: Cyrillic case forms, transliteration to the Latin names
/// of people and organisations, German genitives, French elisions.
@Suite struct MultilingualMatchingTests {
    /// Native names as the build script adds them (aliases of the same entries).
    static let native = """
    Q649\tPlace\tMoscow\tМосква|Moskau|Moscou\tRU\tcity\t12506468\t\ttest
    Q1899\tPlace\tKyiv\tКиев|Київ|Kiew\tUA\tcity\t2952301\t\ttest
    Q42308\tPlace\tKharkiv\tХарьков|Харків\tUA\tcity\t1430885\t\ttest
    Q58217\tPerson\tSergey Lavrov\tLavrov|Sergei Lavrov\tRU\tpolitician\t\tForeign Minister of Russia\ttest
    Q2044\tPlace\tVladimir\t~Владимир|Wladimir\tRU\tcity\t356168\t\ttest
    Q458\tOrganization\tEuropean Union\tEU|Union européenne|Евросоюз\t\tintergovernmental\t\t\ttest
    Q183\tPlace\tGermany\tDeutschland|Германия\tDE\tcountry\t\t\ttest
    """

    /// The test lists with the native names merged in, as a later list's rows merge when loaded.
    static let gazetteer: Gazetteer = {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        var entries = GazetteerFile.parse(bytes: Array(GazetteerTestData.tsv.utf8), path: "test.tsv", diagnostics: &diagnostics)
        let header = "id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource\n"
        for row in GazetteerFile.parse(bytes: Array((header + native).utf8), path: "native.tsv", diagnostics: &diagnostics) {
            if let k = entries.firstIndex(where: { $0.id == row.id }) { entries[k].absorb(row) } else { entries.append(row) }
        }
        return Gazetteer(entries: entries)
    }()

    static func match(_ text: String, language: String?) throws -> [(surface: String, id: String?)] {
        try listedMatches(text, language: language, gazetteer: gazetteer)
    }

    static func stems(_ word: String) -> (stem: String, oblique: String)? {
        Array(word.utf8).withUnsafeBufferPointer { CyrillicNames.stems($0) }
    }

    @Test func everyCaseFormOfADeclinedNameHasOneStem() {
        for forms in [["Москва", "Москвы", "Москве", "Москву", "Москвой"],
                      ["Путин", "Путина", "Путину", "Путиным", "Путине"],
                      ["Зеленский", "Зеленского", "Зеленскому", "Зеленским", "Зеленском"],
                      ["Київ", "Києва", "Києві", "Києву", "Києвом"],
                      ["Харків", "Харкова", "Харкові"],
                      ["Иерусалим", "Иерусалима", "Иерусалиме", "Иерусалимом"]] {
            let nominative = Self.stems(forms[0])?.stem
            #expect(nominative != nil)
            for form in forms.dropFirst() {
                let stems = Self.stems(form)
                #expect(stems?.stem == nominative || stems?.oblique == nominative, "\(form) vs \(forms[0])")
            }
        }
        // Acronyms, short words and Latin words are not stemmed.
        #expect(Self.stems("НАТО")?.stem == "нато")
        #expect(Self.stems("Рим")?.stem == "рим")
        #expect(Self.stems("Putin") == nil)
    }

    @Test func transliterationKeysMeetAcrossAlphabetsAndSpellings() {
        func key(_ cyrillic: String) -> String { TransliterationKey.key(CyrillicNames.romanized(Self.stems(cyrillic)?.oblique ?? "")) }
        #expect(key("Путина") == TransliterationKey.key("putin"))
        #expect(key("Зеленского") == TransliterationKey.key("zelenskyy"))
        #expect(key("Зеленський") == TransliterationKey.key("zelensky"))
        #expect(TransliterationKey.key("selenskyj") == TransliterationKey.key("zelenskiy"))
        #expect(TransliterationKey.key("poutine") == TransliterationKey.key("putin"))
        #expect(TransliterationKey.key("nato", acronym: true) == "^nato")
        #expect(TransliterationKey.key("mid", acronym: true) != TransliterationKey.key("midea"))
        #expect(TransliterationKey.key("f", acronym: true) != TransliterationKey.key("fff", acronym: true))
        #expect(TransliterationKey.key("shmyhal") == key("Шмигаль"))
        #expect(TransliterationKey.key("putin") != TransliterationKey.key("rutte"))
    }

    /// The gazetteer cache stores these keys' hashes: each spelling rule, pinned.
    @Test func transliterationKeysKeepTheirSpellingRules() {
        let expected: [(String, String)] = [
            ("shchukin", "SCukin"), ("tschaikowsky", "Caikovsk"), ("schmidt", "Smidt"), ("chekhov", "CeHov"),
            ("zhukov", "Zukov"), ("tzipi", "Tip"), ("mackenzie", "makens"), ("philippe", "filip"),
            ("boutros", "butros"), ("xavier", "ksavier"), ("o'brien-jones", "obrieniones"), ("hughes", "HuHes"),
            ("quinn", "kuin"), ("tsai", "Tai"), ("ana", "ana"),
        ]
        for (word, key) in expected { #expect(TransliterationKey.key(word) == key, "\(word)") }
        #expect(TransliterationKey.key("ussr", acronym: true) == "^ussr")
        #expect(TransliterationKey.key("xx", acronym: true) == "^ksks")
    }

    @Test func russianAndUkrainianTextReachesTheSameEntries() throws {
        let russian = try Self.match("Владимир Путин и Сергей Лавров прилетели в Москву, затем в Киев. НАТО ответило Путину.", language: "ru")
        #expect(russian.map(\.id) == ["Q7747", "Q58217", "Q649", "Q1899", "Q7184", "Q7747"])
        #expect(russian.map(\.surface) == ["Владимир Путин", "Сергей Лавров", "Москву", "Киев", "НАТО", "Путину"])
        let ukrainian = try Self.match("У Києві та Харкові Зеленського підтримав Євросоюз.", language: "uk")
        #expect(ukrainian.map(\.id) == ["Q1899", "Q42308", "Q3874799"])
    }

    @Test func aGivenNameBeforeASurnameIsNotTheCity() throws {
        let german = try Self.match("Wladimir Putin sprach mit Sergej Lawrow.", language: "de")
        #expect(german.map(\.id) == ["Q7747", "Q58217"])
        let russian = try Self.match("Сегодня Владимир Путин прибыл.", language: "ru")
        #expect(russian.map(\.id) == ["Q7747"])
    }

    @Test func germanGenitivesAndFrenchElisionsMatch() throws {
        let german = try Self.match("Deutschlands Regierung kritisierte Putins Krieg.", language: "de")
        #expect(german.map(\.id) == ["Q183", "Q7747"])
        #expect(german.map(\.surface) == ["Deutschlands", "Putins"])
        // Only in German text: in English `Russias` is not Russia.
        #expect(try Self.match("Russias", language: "en").isEmpty)
        let french = try Self.match("Vladimir Poutine critique l'Union européenne à Moscou.", language: "fr")
        #expect(french.map(\.id) == ["Q7747", "Q458", "Q649"])
        #expect(french.map(\.surface) == ["Vladimir Poutine", "Union européenne", "Moscou"])
    }

    @Test func looseMatchesStayOutOfEnglishText() throws {
        // `Poutine` is a dish in English; only Cyrillic words use the transliteration index there.
        #expect(try Self.match("He ordered Poutine in Montreal.", language: "en").isEmpty)
        #expect(try Self.match("Путин", language: "en").map(\.id) == ["Q7747"])
    }

    @Test func compiledCacheKeepsTheTransliterationIndex() throws {
        let restored = try #require(Gazetteer(compiled: Self.gazetteer.compiled()))
        var article = Article(id: "t", text: "Лавров и Путин")
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: restored).process(&article)
        #expect(article.candidates.compactMap { $0.entries.first?.id } == ["Q58217", "Q7747"])
    }
}

/// How the models of other languages' spans are corrected by the gazetteer (news conventions their
/// Wikipedia training fragments lack).
@Suite struct ListedNameSpanTests {
    /// `Президент России Владимир Путин заявил в Москве .` with listed names Russia, Vladimir
    /// Putin, Moscow.
    static func analysed() -> (candidates: [Candidate], features: TokenFeatures) {
        func candidate(_ tokens: Range<Int>, _ id: String, _ type: EntityType) -> Candidate {
            Candidate(tokens: tokens, range: TextRange(start: 0, end: 0), entries: [CandidateEntry(id: id, type: type, name: id)], exactCase: false)
        }
        var features = TokenFeatures()
        let c = CaseClass.capitalized, l = CaseClass.lower
        features.caseClass = [c, c, c, c, l, l, c, CaseClass.other]
        features.cues = Array(repeating: [], count: 8)
        features.candidateAt = [-1, 0, 1, 1, -1, -1, 2, -1]
        return ([candidate(1..<2, "Q159", .place), candidate(2..<4, "Q7747", .person), candidate(6..<7, "Q649", .place)], features)
    }

    @Test func aListedNameBeforeAListedPersonIsASpanOfItsOwn() {
        let (candidates, features) = Self.analysed()
        let spans = [EntitySpan(tokens: 1..<4, spanClass: 1, source: "model", confidence: 0.9)]
        let out = EntityRecognizer.listedNameSpans(spans, candidates: candidates, features: features)
        #expect(out.map(\.tokens) == [1..<2, 2..<4])
        #expect(out.map(\.spanClass) == [2, 1])
    }

    @Test func aSpanInsideAListedNameGrowsToItAndTakesItsType() {
        let (candidates, features) = Self.analysed()
        // `Путин` alone, tagged as a place; `Владимир` untagged.
        let out = EntityRecognizer.listedNameSpans([EntitySpan(tokens: 3..<4, spanClass: 2, source: "model", confidence: 0.8)],
                                                   candidates: candidates, features: features)
        #expect(out.map(\.tokens) == [2..<4])
        #expect(out.map(\.spanClass) == [1])
    }

    @Test func anOrganisationAfterALocativePrepositionIsTheListedPlace() {
        // `Суд у Страсбурзі ухвалив рішення`: Strasbourg is a city and, by the same name, a club.
        func features(before: String) -> TokenFeatures {
            var f = TokenFeatures()
            f.lower = ["суд", before, "страсбурзі", "ухвалив", "рішення"].map { FeatureHash.lowercased($0) }
            f.caseClass = [CaseClass.capitalized, CaseClass.lower, CaseClass.capitalized, CaseClass.lower, CaseClass.lower]
            f.cues = Array(repeating: [], count: 5)
            f.candidateAt = [-1, -1, 0, -1, -1]
            return f
        }
        let both = Candidate(tokens: 2..<3, range: TextRange(start: 0, end: 0), entries: [
            CandidateEntry(id: "Q6602", type: .place, name: "Strasbourg"),
            CandidateEntry(id: "Q126334", type: .organization, name: "RC Strasbourg"),
        ], exactCase: false)
        let span = EntitySpan(tokens: 2..<3, spanClass: 3, source: "model", confidence: 0.7)
        #expect(EntityRecognizer.listedNameSpans([span], candidates: [both], features: features(before: "у")).map(\.spanClass) == [2])
        #expect(EntityRecognizer.listedNameSpans([span], candidates: [both], features: features(before: "à")).map(\.spanClass) == [2])
        // No preposition before it, or no place of that name: the model's type stays.
        #expect(EntityRecognizer.listedNameSpans([span], candidates: [both], features: features(before: "суд")).map(\.spanClass) == [3])
        var club = both
        club.entries.removeFirst()
        #expect(EntityRecognizer.listedNameSpans([span], candidates: [club], features: features(before: "у")).map(\.spanClass) == [3])
    }

    @Test func anUnlistedSpanStaysAsTagged() {
        let (_, features) = Self.analysed()
        let span = EntitySpan(tokens: 2..<4, spanClass: 1, source: "model", confidence: 0.8)
        #expect(EntityRecognizer.listedNameSpans([span], candidates: [], features: {
            var f = features
            f.candidateAt = Array(repeating: -1, count: 8)
            return f
        }()) == [span])
    }
}

/// The gazetteer matches of `text` segmented as `language`: each candidate's surface and its first
/// entry's id.
func listedMatches(_ text: String, language: String?, gazetteer: Gazetteer) throws -> [(surface: String, id: String?)] {
    var article = Article(id: "t", text: text)
    article.language = language
    try Segmenter().process(&article)
    try GazetteerMatcher(gazetteer: gazetteer).process(&article)
    let bytes = Array(text.utf8)
    return article.candidates.map { (String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self), $0.entries.first?.id) }
}

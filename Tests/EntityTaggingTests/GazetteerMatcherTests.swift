import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

@Suite struct GazetteerMatcherTests {
    /// The compiled gazetteer cache and the entity model store these hashes: they must never move.
    @Test func tokenAndFeatureHashesKeepTheirValues() {
        let new = Array("New".utf8).withUnsafeBufferPointer { TokenHash.token($0) }
        let york = Array("YORK".utf8).withUnsafeBufferPointer { TokenHash.token($0) }
        #expect(TokenHash.combine(TokenHash.combine(TokenHash.empty, new), york) == 0x8C83_4E60_6998_560D)
        #expect(FeatureHash.combine(FeatureHash.lowercased("Kyiv"), FeatureHash.value(3)) == 0x79E6_07A8_A704_3973)
    }

    @Test func findsNamesAliasesAndPossessives() throws {
        let (_, surfaces) = try GazetteerTestData.match("Putin’s envoy told Zelenskiy in Kiev that NATO's Bank of England loan stood.")
        #expect(surfaces == ["Putin", "Zelenskiy", "Kiev", "NATO", "Bank of England"])
    }

    @Test func longestMatchWinsAndNoOverlap() throws {
        let (article, surfaces) = try GazetteerTestData.match("The Bank of England raised rates.")
        #expect(surfaces == ["Bank of England"])
        #expect(article.candidates[0].entries.first?.id == "gz:o:bank-of-england")
    }

    @Test func caseRulesKeepCommonWordsOut() throws {
        // Lower-case "apple" is fruit; "nato" in lower case is not the alliance.
        let (_, lower) = try GazetteerTestData.match("She ate an apple while nato talks went on.")
        #expect(lower.isEmpty)
        let (_, capital) = try GazetteerTestData.match("Apple said sales rose.")
        #expect(capital == ["Apple"])
    }

    @Test func namesListedWithALowerCaseFirstWordStillMatchInLowerCase() throws {
        // Lists that write a name's first word in lower case (`eBay`, `de Gaulle`, a Danish
        // `daa`) let it start a name written so; other lower-case words start none.
        let extra = """

        gz:o:ebay\tOrganization\teBay\t\tUS\tcompany\t\t\ttest
        gz:p:de-gaulle\tPerson\tCharles de Gaulle\tde Gaulle\tFR\tpolitician\t\t\ttest
        """
        let gazetteer = GazetteerTestData.gazetteer(extra: extra)
        let text = "He said eBay and de Gaulle, and the bank of england, met in kyiv."
        let (_, surfaces) = try GazetteerTestData.match(text, gazetteer: gazetteer)
        #expect(surfaces == ["eBay", "de Gaulle"])
        // The same through the compiled cache, which stores the set of such first words.
        let compiled = try #require(Gazetteer(compiled: gazetteer.compiled()))
        let (_, fromCache) = try GazetteerTestData.match(text, gazetteer: compiled)
        #expect(fromCache == surfaces)
        // In another language the transliteration index is consulted too, with the same rule.
        var article = Article(id: "t", text: "Er sagte, eBay und de Gaulle und die bank of england.")
        article.language = "de"
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: compiled).process(&article)
        let ids = article.candidates.compactMap { $0.entries.first?.id }
        #expect(ids == ["gz:o:ebay", "gz:p:de-gaulle"])
    }

    @Test func allCapsHeadlinesMatch() throws {
        let (_, surfaces) = try GazetteerTestData.match("PUTIN WARNS NATO OVER KYIV")
        #expect(surfaces == ["PUTIN", "NATO", "KYIV"])
    }

    @Test func diacriticsFoldButOffsetsStayExact() throws {
        let text = "In İstanbul, ERDOĞAN and Erdogan spoke; Straße closed."
        let (article, surfaces) = try GazetteerTestData.match(text)
        #expect(surfaces == ["İstanbul", "ERDOĞAN", "Erdogan"])
        #expect(article.candidates[1].entries.first?.id == "Q39723")
        #expect(article.candidates[0].exactCase)
        #expect(!article.candidates[1].exactCase)
    }

    @Test func dottedAbbreviationsAndHyphenatedCompounds() throws {
        let (_, surfaces) = try GazetteerTestData.match("U.S.-Russia talks and Russia-Ukraine ties.")
        #expect(surfaces == ["U.S.", "Russia", "Russia", "Ukraine"])
    }

    @Test func ambiguousNamesKeepAllEntries() throws {
        let (article, _) = try GazetteerTestData.match("Georgia held a vote.")
        let ids = Set(article.candidates.first?.entries.map(\.id) ?? [])
        #expect(ids == ["Q230", "Q1428"])
        #expect(article.candidates.first?.entries.allSatisfy(\.ambiguous) == true)
    }

    @Test func matchesNeverCrossSentences() throws {
        let (_, surfaces) = try GazetteerTestData.match("He spoke of the Bank of.\nEngland won.")
        #expect(surfaces == ["England"])
    }

    /// A simple reference matcher (string search over folded, space-joined tokens) must agree with
    /// the hashed matcher on random text built from names and filler words.
    @Test func agreesWithReferenceMatcherOnRandomText() throws {
        let gazetteer = GazetteerTestData.gazetteer()
        let words = ["Putin", "Kyiv", "Bank", "of", "England", "the", "said", "Georgia", "NATO", "Russian", "Federation",
                     "Russia", "United", "States", "U.S.", "Volodymyr", "Zelensky", "Tbilisi", "met", "in", "and", ",", "."]
        var generator = SplitMix(seed: 42)
        let names: [(tokens: [String], id: String)] = gazetteer.entries.flatMap { entry in
            ([entry.name] + entry.aliases).map { alias in (tokenize(alias), entry.id) }
        }
        for _ in 0..<200 {
            let count = Int(generator.next() % 30) + 1
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            let (article, _) = try GazetteerTestData.match(text, gazetteer: gazetteer)
            let tokens = tokenize(text)
            // Reference: leftmost-longest over folded tokens with the same case rule for capitalised names.
            var expected: [Range<Int>] = []
            var i = 0
            while i < tokens.count {
                var best = 0
                for name in names where name.tokens.count > best && i + name.tokens.count <= tokens.count {
                    let window = Array(tokens[i..<(i + name.tokens.count)])
                    if zip(window, name.tokens).allSatisfy({ fits(text: $0, alias: $1) }) { best = name.tokens.count }
                }
                if best > 0 {
                    expected.append(i..<(i + best))
                    i += best
                } else {
                    i += 1
                }
            }
            // No name holds a '.' token, so no reference match crosses a sentence boundary.
            #expect(article.candidates.map(\.tokens) == expected, "text: \(text)")
        }
    }

    private func tokenize(_ text: String) -> [String] {
        var article = Article(id: "r", text: text)
        try? Segmenter().process(&article)
        let bytes = Array(text.utf8)
        return article.tokens.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    private func fits(text: String, alias: String) -> Bool {
        guard TextFolding.fold(text) == TextFolding.fold(alias) else { return false }
        let aliasLetters = alias.filter(\.isLetter)
        if aliasLetters.count >= 2, aliasLetters.allSatisfy(\.isUppercase) { return text.filter(\.isLetter).allSatisfy(\.isUppercase) }
        if alias.first?.isUppercase == true { return text.first?.isUppercase == true }
        return true
    }
}

/// Deterministic random numbers for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct GazetteerRecognizerTests {
    @Test func ambiguousWordsAtSentenceStartAreSkipped() throws {
        let gazetteer = GazetteerTestData.gazetteer(extra: "\ngeonames:4076598\tPlace\tMobile\t~Mobile\tUS\tcity\t187041\t\ttest\n")
        var article = Article(id: "t", text: "Mobile phones were banned. Rain fell on Mobile and Kyiv.")
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        try GazetteerRecognizer().process(&article)
        let bytes = Array(article.text.utf8)
        let surfaces = article.mentions.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
        #expect(surfaces == ["Mobile", "Kyiv"])
        #expect(article.mentions.first?.range.start == 40)
    }
}

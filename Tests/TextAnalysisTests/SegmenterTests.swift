import GazetteCore
import Testing
@testable import TextAnalysis

@Suite struct SegmenterTests {
    private func segment(_ text: String) -> (tokens: [String], sentences: [String], article: Article) {
        var article = Article(id: "t", text: text)
        try? Segmenter().process(&article)
        let bytes = Array(text.utf8)
        func slice(_ r: TextRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }
        return (article.tokens.map { slice($0.range) }, article.sentences.map(slice), article)
    }

    @Test func splitsWordsPunctuationAndPossessives() {
        let result = segment("Putin’s envoy met NATO's chief in Kyiv, O'Brien said.")
        #expect(result.tokens == ["Putin", "’s", "envoy", "met", "NATO", "'s", "chief", "in", "Kyiv", ",", "O'Brien", "said", "."])
    }

    @Test func keepsDottedAbbreviationsAndNumbers() {
        let result = segment("The U.S. and U.K. paid $1,200.50 to Amazon.com Inc. at 22:30 on Sept. 3.")
        #expect(result.tokens.contains("U.S."))
        #expect(result.tokens.contains("U.K."))
        #expect(result.tokens.contains("1,200.50"))
        #expect(result.tokens.contains("Inc."))
        #expect(result.tokens.contains("22:30"))
        #expect(result.tokens.contains("Sept."))
        #expect(result.sentences.count == 1)
    }

    @Test func splitsHyphenatedCompounds() {
        #expect(segment("Russia-Ukraine talks").tokens == ["Russia", "-", "Ukraine", "talks"])
    }

    @Test func sentencesEndAtPunctuationAndBlankLines() {
        let result = segment("NATO met in Brussels. Leaders agreed! \"Is it over?\" he asked.\n\nA new paragraph starts here")
        #expect(result.sentences == ["NATO met in Brussels.", "Leaders agreed!", "\"Is it over?\"", "he asked.", "A new paragraph starts here"]
            || result.sentences == ["NATO met in Brussels.", "Leaders agreed!", "\"Is it over?\" he asked.", "A new paragraph starts here"])
        #expect(result.article.tokens.first?.startsSentence == true)
    }

    @Test func lineBreaksEndHeadlinesButNotWrappedProse() {
        let headline = segment("SOCCER - JAPAN GET LUCKY WIN\nAL-AIN , United Arab Emirates 1996-12-06\nJapan began the defence .")
        #expect(headline.sentences.count == 3)
        let wrapped = segment("The minister said the talks would\ncontinue next week in Geneva.")
        #expect(wrapped.sentences.count == 1)
    }

    @Test func nonASCIILettersAndDashes() {
        let result = segment("Erdoğan — in İstanbul — met Zelenskyy «today».")
        #expect(result.tokens == ["Erdoğan", "—", "in", "İstanbul", "—", "met", "Zelenskyy", "«", "today", "»", "."])
    }

    @Test func tokenLimitStopsTokenising() {
        var article = Article(id: "t", text: String(repeating: "word ", count: 100))
        try? Segmenter(maxTokens: 10).process(&article)
        #expect(article.tokens.count == 10)
        #expect(article.tokenLimit == 10)
        // Exactly at the limit, with only white space after it: nothing was left out.
        var exact = Article(id: "t", text: String(repeating: "word ", count: 10) + "\n")
        try? Segmenter(maxTokens: 10).process(&exact)
        #expect(exact.tokens.count == 10)
        #expect(exact.tokenLimit == nil)
    }

    @Test(arguments: [("Erdoğan", "erdogan"), ("ZELENSKYY", "zelenskyy"), ("İstanbul", "istanbul"), ("Straße", "strasse"), ("Putin’s", "putin's"), ("São Paulo", "sao paulo")])
    func foldingRemovesCaseAndDiacritics(input: String, expected: String) {
        var copy = input
        let folded = copy.withUTF8 { TextFolding.fold($0) }
        #expect(folded == expected)
    }

    @Test(arguments: ["Erdoğan Meets NATO Chiefs in İstanbul", "Straße Blocked After Storm", "Kremlin Talks Stall"])
    func stringFoldingAgreesWithTokenFolding(title: String) {
        var copy = title
        #expect(TextFolding.fold(title) == copy.withUTF8 { TextFolding.fold($0) })
    }

    @Test func foldedSearchFindsWholeNamesInFoldedTitles() {
        let title = TextFolding.fold("Erdoğan meets Putin in Sochi as talks resume")
        #expect(TextFolding.contains(title, TextFolding.fold("ERDOGAN")))
        #expect(TextFolding.contains(title, "putin in sochi"))
        #expect(TextFolding.contains(title, "resume"))
        #expect(!TextFolding.contains(title, "resumes"))
        #expect(!TextFolding.contains(title, "zelensky"))
        #expect(TextFolding.contains(title, ""))
        #expect(!TextFolding.contains("", "x"))
    }

    @Test func capitalisationTests() {
        var a = "NATO", b = "Östersund", c = "apple"
        #expect(a.withUTF8 { TextFolding.isAllCaps($0) })
        #expect(b.withUTF8 { TextFolding.isCapitalized($0) })
        #expect(!c.withUTF8 { TextFolding.isCapitalized($0) })
    }
}

import Testing
@testable import HTMLCleaning
import GazetteCore

@Suite("Metadata")
struct MetadataTests {
    static let jsonLD = """
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Coastal Courier"},
          {"@type": "NewsArticle", "headline": "Ferry crossings to double from April",
           "datePublished": "2024-03-12T09:30:00+01:00", "inLanguage": "en-GB",
           "author": [{"@type": "Person", "name": "Jonas Berg"}, {"@type": "Person", "name": "Ida Lund"}],
           "publisher": {"@type": "Organization", "name": "Coastal Courier Ltd"},
           "description": "The harbour board adds a second vessel."}]}
        </script>
        """

    @Test("JSON-LD in an @graph gives headline, date, authors, publisher and description")
    func jsonLDFacts() throws {
        let article = try TestPages.clean(TestPages.article(head: Self.jsonLD))
        #expect(article.title == "Ferry crossings to double from April")
        #expect(article.published == "2024-03-12T09:30:00+01:00")
        #expect(article.metadata.authors == ["Jonas Berg", "Ida Lund"])
        #expect(article.metadata.site == "Coastal Courier Ltd")
        #expect(article.metadata.description == "The harbour board adds a second vessel.")
        #expect(article.language == "en")
    }

    @Test("Open Graph and article meta tags when there is no JSON-LD")
    func openGraph() throws {
        let head = """
            <meta property="og:title" content="Ferry timetable doubles | Coastal Courier">
            <meta property="og:site_name" content="Coastal Courier">
            <meta property="article:published_time" content="2024-03-12 08:15:00">
            <meta name="author" content="By Jonas Berg and Ida Lund">
            <meta property="og:description" content="Twice as many crossings.">
            <link rel="canonical" href="https://courier.example/news/ferry">
            """
        let article = try TestPages.clean(TestPages.article(head: head))
        #expect(article.title == "Ferry timetable doubles")
        #expect(article.published == "2024-03-12T08:15:00")
        #expect(article.metadata.authors == ["Jonas Berg", "Ida Lund"])
        #expect(article.metadata.site == "Coastal Courier")
        #expect(article.metadata.description == "Twice as many crossings.")
        #expect(article.url == "https://courier.example/news/ferry")
    }

    @Test("the record's own URL is kept over the canonical link")
    func recordURLKept() throws {
        let article = try TestPages.clean(TestPages.article(head: "<link rel=\"canonical\" href=\"https://courier.example/a\">"), url: "https://mirror.example/a")
        #expect(article.url == "https://mirror.example/a")
    }

    @Test("h1 and a <title> without its site suffix; <time datetime> for the date")
    func pageElements() throws {
        let html = """
            <html><head><title>Harbour board elects new chair - Coastal Courier</title></head><body>
            <h1>Harbour board elects new chair</h1><time datetime="2024-02-01T12:00:00Z">1 February</time>
            <p>The harbour board elected Marta Ekdahl as its chair on Thursday, after a long meeting that ran past midnight in the town hall.</p>
            </body></html>
            """
        let article = try TestPages.clean(html)
        #expect(article.title == "Harbour board elects new chair")
        #expect(article.published == "2024-02-01T12:00:00Z")
        #expect(article.text.hasPrefix("The harbour board elected"))
    }

    @Test("<title> alone, site name removed by the short-suffix rule")
    func titleElementOnly() throws {
        let html = "<html><head><title>Storm closes the island school for a week | Courier</title></head><body><p>The island school will stay closed for a week after the storm damaged its roof, the council said.</p></body></html>"
        let article = try TestPages.clean(html)
        #expect(article.title == "Storm closes the island school for a week")
    }

    @Test("the declared language from html lang or og:locale, as its primary subtag", arguments: [
        ("<html lang=\"de-AT\">", "de"),
        ("<html><head><meta property=\"og:locale\" content=\"fr_FR\"></head>", "fr"),
    ])
    func languageMarkup(_ item: (String, String)) throws {
        let html = item.0 + "<body><p>Some words of text that are long enough to make a paragraph in this test page.</p></body></html>"
        #expect(try TestPages.clean(html).language == item.1)
    }

    @Test("the cleaner reports only what the markup declares; the language stage reads the text")
    func noDeclaredLanguage() throws {
        let german = "<html><body><p>Die Fähre zwischen der Insel und dem Festland wird ab dem Frühjahr doppelt so oft fahren, und das ist für die Bewohner eine gute Nachricht.</p></body></html>"
        #expect(try TestPages.clean(german).language == nil)
    }

    @Test("a script-rendered page with an empty body falls back to JSON-LD articleBody")
    func structuredBodyFallback() throws {
        let first = "The harbour board confirmed on Tuesday that a second ferry will join the Lindholm route in April, doubling the number of daily crossings."
        let second = "Fares will stay the same, the board said, and freight will move to a separate evening crossing from the same month."
        let html = """
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Second ferry for Lindholm", "articleBody": "\(first)\\n\(second)\\n\(first)\\n\(second)"}
            </script></head><body><div id="root"></div><nav><a href="/">Home</a></nav></body></html>
            """
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == [first, second, first, second])
        #expect(article.metadata.pageType == "article")
    }

    @Test("plain-text input is left as it is")
    func plainText() throws {
        var article = Article(id: "t", text: "  The ferry runs twice as often from April, the board said.  ")
        try HTMLCleaner().process(&article)
        #expect(article.text == "  The ferry runs twice as often from April, the board said.  ")
        #expect(article.title == nil)
        #expect(article.language == nil)
    }

    @Test("dates in the forms pages use become ISO 8601", arguments: [
        ("2024-03-12", "2024-03-12"), ("2024-03-12T09:30:00.000Z", "2024-03-12T09:30:00Z"),
        ("2024-03-12T09:30+0100", "2024-03-12T09:30:00+01:00"), ("2024/03/12 09:30", "2024-03-12T09:30:00"),
    ])
    func dates(_ item: (String, String)) {
        #expect(DateNormalizer.iso8601(item.0) == item.1)
    }

    @Test("strings that are not dates are refused", arguments: ["March 12", "12/03/2024", "2024-13-01", ""])
    func notDates(_ raw: String) {
        #expect(DateNormalizer.iso8601(raw) == nil)
    }
}

import Testing
@testable import HTMLCleaning
import GazetteCore
import Foundation

@Suite("Fallback chain, introductions and labels")
struct FallbackTests {
    /// A page builder whose story paragraphs sit in containers named like furniture, so the main
    /// extractor removes them, next to a comment thread and a related-stories list.
    static func pageWithFurnitureNamedStory(storyClass: String) -> String {
        let story = TestPages.paragraphs.map { "<div class=\"\(storyClass)\"><p>\($0)</p></div>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lindholm ferry to double its crossings</title></head>
            <body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <div class="layout">
            <h1>Lindholm ferry to double its crossings</h1>
            \(story)
            </div>
            <div class="related-stories"><h3>Read next</h3><ul>
            <li><a href="/a">Island school reopens after storm damage repaired by volunteers</a></li>
            <li><a href="/b">Harbour board elects new chair after long debate over budget</a></li>
            </ul></div>
            <section id="comments"><div class="comment"><p>Twice as often, and still no night crossing for shift workers.</p></div></section>
            </body></html>
            """
    }

    @Test("story paragraphs in teaser-card containers still give the story, through the paragraph clusters")
    func teaserCardStory() throws {
        var article = Article(id: "cards", html: Array(Self.pageWithFurnitureNamedStory(storyClass: "promo-card sponsor-widget").utf8))
        let trace = try HTMLCleaner().explain(&article)
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
        #expect(!article.text.contains("Island school reopens"))
        #expect(!article.text.contains("night crossing"))
        let chosen = trace.first { $0.hasPrefix("chosen: ") }
        #expect(chosen?.hasPrefix("chosen: paragraph clusters, because the main extractor") == true, "\(chosen ?? "no choice traced")")
    }

    @Test("a page whose only text is a short note is not replaced by a longer comment thread elsewhere")
    func shortStoryKeepsItsText() throws {
        let comments = (1...6).map {
            "<li class=\"reply\"><p>Reader \($0) wrote: the timetable looks good on paper, but we will believe it when the second boat actually arrives in April.</p></li>"
        }.joined()
        let html = """
            <html><body><article class="post"><h1>Ferry update</h1>
            <div class="entry-content"><p>The second ferry has left the shipyard and is due in Lindholm on Friday morning.</p>
            <p>Crossings with both boats start next week, first on weekdays and from May also at weekends.</p>
            <p>The harbour board will publish the full timetable on its notice board by the fish market.</p></div></article>
            <ul>\(comments)</ul></body></html>
            """
        var article = Article(id: "short", html: Array(html.utf8))
        let trace = try HTMLCleaner().explain(&article)
        #expect(article.text.hasPrefix("The second ferry has left the shipyard"))
        #expect(!article.text.contains("Reader 3 wrote"))
        #expect(trace.contains { $0.hasPrefix("chosen: main extractor") })
    }

    @Test("the paragraph-cluster extractor finds the densest run of paragraphs without reading class names")
    func clusterExtractorAlone() throws {
        let html = """
            <html><body><div><a href="/1">One</a> <a href="/2">Two</a> <a href="/3">Three</a> <a href="/4">Four</a></div>
            <div><div><p>\(TestPages.paragraphs[0])</p><p>\(TestPages.paragraphs[1])</p><p>\(TestPages.paragraphs[2])</p></div></div>
            <div><ul><li><a href="/x">A list of other stories on the site with long link text</a></li>
            <li><a href="/y">Another story about the island and its harbour board meetings</a></li></ul></div>
            </body></html>
            """
        let tree = try HTMLParser.parse(Array(html.utf8), maxDepth: 100)
        var extractor = ParagraphClusterExtractor(tree: tree, measures: PageStatistics.measureText(tree))
        let body = tree.nodes.indices.first { tree.nodes[$0].tag == .body } ?? 0
        let found = extractor.extract(body: body)
        #expect(found.blocks.map(\.text) == Array(TestPages.paragraphs.prefix(3)))
        #expect(found.cluster.map { tree.nodes[$0].tag } == .div)
    }

    @Test("a standfirst in the article header comes before the body")
    func standfirstInHeader() throws {
        let lead = "The island's only ferry will be joined by a second boat in April, ending years of queues, breakdowns and cancelled school days."
        let html = TestPages.article().replacingOccurrences(
            of: "<h1>Lindholm ferry to double its crossings</h1>",
            with: "<header><h1>Lindholm ferry to double its crossings</h1><p class=\"standfirst\">\(lead)</p><p class=\"byline\">By Anna Berg</p></header>")
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == [lead] + TestPages.paragraphs)
    }

    @Test("a list of key points between the headline and the story comes first; a list of links does not")
    func keyPoints() throws {
        let points = "<ul><li>A second ferry joins the Lindholm route in April</li><li>Departures every forty minutes at peak times</li><li>Fares stay at four euros for adults</li></ul>"
        let links = "<ul class=\"tags\"><li><a href=\"/t/ferry\">Ferry</a></li><li><a href=\"/t/lindholm\">Lindholm</a></li></ul>"
        let html = TestPages.article().replacingOccurrences(
            of: "<h1>Lindholm ferry to double its crossings</h1>",
            with: "<header><h1>Lindholm ferry to double its crossings</h1>\(links)<h2>Key points</h2>\(points)</header>")
        let article = try TestPages.clean(html)
        #expect(article.text.hasPrefix("A second ferry joins the Lindholm route in April\nDepartures every forty minutes at peak times\nFares stay at four euros for adults\n\n"))
        #expect(!article.text.contains("Ferry\nLindholm"))
        #expect(article.text.hasSuffix(TestPages.paragraphs[3]))
    }

    @Test("a byline with a date and a caption with its credit are not the introduction", arguments: [
        "Von Anna Berg, Lindholm · 05.12.2025, 11:32 Uhr · Lesezeit: 4 Min.",
        "By Anna Berg, Lindholm, March 3, 2024. Updated 5 p.m.",
        "The second ferry at the shipyard quay in the south. Photo: Anna Berg",
        "Die neue Fähre am Kai der Werft. Foto: Anna Berg",
    ])
    func bylineAndCaption(_ line: String) throws {
        let html = TestPages.article().replacingOccurrences(
            of: "<h1>Lindholm ferry to double its crossings</h1>",
            with: "<h1>Lindholm ferry to double its crossings</h1><div class=\"zeile\">\(line)</div>")
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("a headline far above the story brings no introduction")
    func noIntroductionAcrossThePage() throws {
        let links = (1...250).map { "<li><a href=\"/s/\($0)\">Archive page \($0)</a></li>" }.joined()
        let story = TestPages.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><h1>Lindholm ferry to double its crossings</h1>
            <div><p>The Coastal Courier has reported on the islands since 1921, every day of the week.</p></div>
            <ul>\(links)</ul>
            <div class="story-body">\(story)</div></body></html>
            """
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("the label of a list of links inside the story goes with the list; a closing sentence heading stays")
    func labelsOfLinkLists() throws {
        let inside = """
            <p>More on this story:</p>
            <ul><li><a href="/a">Harbour board elects new chair after a long debate</a></li>
            <li><a href="/b">Island school reopens after the storm damage is repaired</a></li></ul>
            <p>The harbour board meets again in March to approve the contract for the second vessel.</p>
            <h3>For the islanders, the wait is nearly over.</h3>
            """
        let article = try TestPages.clean(TestPages.article(inside: inside))
        let paragraphs = TestPages.paragraphsOf(article)
        #expect(!article.text.contains("More on this story"))
        #expect(!article.text.contains("Harbour board elects"))
        #expect(paragraphs.suffix(2) == ["The harbour board meets again in March to approve the contract for the second vessel.", "For the islanders, the wait is nearly over."])
    }

    @Test("a table and prose in containers named like cards stay in the story")
    func weakClassNamesKeepContent() throws {
        let inside = """
            <div class="card"><p>Fares stay at four euros for adults and two for children, the board confirmed in its written answer.</p></div>
            <table class="card-table"><tr><th>Departure</th><th>Arrival</th></tr><tr><td>07:10</td><td>07:50</td></tr></table>
            """
        let article = try TestPages.clean(TestPages.article(inside: inside))
        #expect(article.text.contains("Fares stay at four euros"))
        #expect(article.text.contains("Departure | Arrival\n07:10 | 07:50"))
    }

    @Test("a hidden pop-up with more text than the story is not taken for the story")
    func hiddenPopUp() throws {
        let legal = (1...8).map { "<p>Section \($0): the provider processes usage data, stores identifiers on the device and shares them with partners for measurement.</p>" }.joined()
        let popUp = "<div class=\"consent-layer\"><div style=\"display:none\">\(legal)</div><p>Please choose your settings for this site and our partners.</p></div>"
        let article = try TestPages.clean(TestPages.article(after: popUp))
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("source, picture and date stamps in other languages are not body text", arguments: [
        "Quelle: Hafenbehörde Lindholm", "Veröffentlichung: 2. Februar 2022", "Aktualisiert am 17.01.2021, 09:12 Uhr",
        "Crédits photos : Anna Berg", "3 mars 2024 à 14h05", "Abbildung: Die neue Fähre im Hafen von Lindholm",
        "Lire aussi : le port veut s'agrandir",
    ])
    func foreignLabels(_ line: String) throws {
        let article = try TestPages.clean(TestPages.article(inside: "<p>\(line)</p>"))
        #expect(!article.text.contains(line))
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("body text comes out composed (NFC) whatever form the page stored")
    func composedText() throws {
        let decomposed = "The cafe\u{0301} by the pier reopens; its owner, Zoe\u{0308} Lind, said the ferry brings the customers back."
        let article = try TestPages.clean(TestPages.article(inside: "<p>\(decomposed)</p>"))
        #expect(article.text.utf8.contains(0xCC) == false)
        #expect(article.text.contains("The caf\u{00E9} by the pier reopens; its owner, Zo\u{00EB} Lind"))
    }

    @Test("a page with no prose at all has an empty body and says why")
    func noProse() throws {
        let html = "<html><body><nav><a href='/a'>Archive</a> <a href='/b'>Contact</a></nav><div><img src='a.jpg'><img src='b.jpg'></div></body></html>"
        var article = Article(id: "pictures", html: Array(html.utf8))
        let trace = try HTMLCleaner().explain(&article)
        #expect(article.text.isEmpty)
        #expect(trace.contains("chosen: none, because no path found text shaped like prose"))
    }
}

import Testing
@testable import HTMLCleaning
import GazetteCore

@Suite("Main content and furniture")
struct FurnitureTests {
    @Test("the story's paragraphs come out in order, separated by blank lines, without the headline")
    func paragraphsInOrder() throws {
        let article = try TestPages.clean(TestPages.article())
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
        #expect(article.title == "Lindholm ferry to double its crossings")
        #expect(!article.text.contains("Lindholm ferry to double"))
        #expect(!article.text.contains("Home"))
        #expect(!article.text.contains("All rights reserved"))
        #expect(article.metadata.pageType == "article")
    }

    static let furniture: [(name: String, html: String, marker: String)] = [
        ("related rail", """
            <aside class="related-stories"><h3>More on this</h3><ul>
            <li><a href="/a">Island school reopens after storm damage repaired by volunteers</a></li>
            <li><a href="/b">Harbour board elects new chair after long debate over budget</a></li>
            </ul></aside>
            """, "Island school reopens"),
        ("related rail without an aside", """
            <div class="recommended-articles"><a href="/c">Fish market to move to new site next year says council</a>
            <a href="/d">Mainland bridge plan rejected again by planners</a></div>
            """, "Fish market to move"),
        ("comments", """
            <section id="comments"><h3>12 comments</h3>
            <div class="comment"><p>About time too, I have missed three hospital appointments because of that boat, and nobody cared.</p></div>
            <div class="comment"><p>Twice as often but still no night crossing, typical of this board and its priorities.</p></div></section>
            """, "hospital appointments"),
        ("cookie banner", """
            <div class="cookie-consent"><p>We use cookies to improve your experience on our site and to show you relevant advertising.</p>
            <button>Accept all</button></div>
            """, "We use cookies"),
        ("app banner", """
            <div class="smart-banner app-promo"><p>Read the Coastal Courier in our free app for iPhone and Android, with offline reading.</p></div>
            """, "free app"),
        ("share widget", """
            <div class="share-tools"><a href="https://example.org/share">Share on Facebook</a> <a href="mailto:">Email this story to a friend</a></div>
            """, "Share on Facebook"),
        ("newsletter box", """
            <div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our daily newsletter and never miss a story from the islands and the coast.</p>
            <form><input type="email"><button>Subscribe</button></form></div>
            """, "daily newsletter"),
        ("advertisement", """
            <div class="ad-slot"><p>Advertisement</p><a href="https://ads.example.org/">Cheap flights to the sun this winter from your local airport</a></div>
            """, "Cheap flights"),
        ("hidden element", """
            <div style="display: none"><p>This paragraph is hidden from readers and should never appear in the body of the story at all.</p></div>
            """, "hidden from readers"),
    ]

    @Test("furniture inside the story container is left out", arguments: furniture)
    func furnitureInside(_ item: (name: String, html: String, marker: String)) throws {
        let article = try TestPages.clean(TestPages.article(inside: item.html))
        #expect(!article.text.contains(item.marker), "\(item.name) leaked into the body")
        #expect(article.text.contains(TestPages.paragraphs[3]), "\(item.name): story text lost")
    }

    @Test("furniture after the story is left out", arguments: furniture)
    func furnitureAfter(_ item: (name: String, html: String, marker: String)) throws {
        let article = try TestPages.clean(TestPages.article(after: item.html))
        #expect(!article.text.contains(item.marker), "\(item.name) leaked into the body")
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("captions, credits, bylines and datelines are not body text")
    func captionsAndBylines() throws {
        let before = """
            <p class="byline">By Jonas Berg</p>
            <p>Updated 14:05 GMT, 12 March 2024</p>
            """
        let inside = """
            <figure><img src="ferry.jpg" alt="The ferry"><figcaption>The Lindholm ferry in the harbour. Photo: Jonas Berg</figcaption></figure>
            <p>Image copyright Getty Images</p>
            """
        let html = TestPages.article(inside: inside).replacingFirst("<div class=\"story-body\">", with: "<div class=\"story-body\">" + before)
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }

    @Test("lists and tables inside the story are kept as text")
    func listsAndTables() throws {
        let inside = """
            <p>The new timetable at a glance:</p>
            <ul><li>Departures every forty minutes at peak times</li><li>A freight crossing every evening at nine</li></ul>
            <table><tr><th>Route</th><th>Crossings per day</th></tr><tr><td>Lindholm to mainland</td><td>24</td></tr></table>
            """
        let article = try TestPages.clean(TestPages.article(inside: inside))
        #expect(article.text.contains("Departures every forty minutes at peak times\nA freight crossing every evening at nine"))
        #expect(article.text.contains("Lindholm to mainland | 24"))
        #expect(article.text.hasPrefix(TestPages.paragraphs[0]))
    }

    @Test("an index page of teasers gives page_type index and no wall of teasers")
    func indexPage() throws {
        var teasers = ""
        for number in 1...24 {
            teasers += """
                <div class="card"><h2><a href="/news/\(number)">Island council votes on plan number \(number) for the harbour front</a></h2>
                <p class="summary">Councillors debated the proposal for two hours.</p></div>

                """
        }
        let html = """
            <html><head><title>News | Coastal Courier</title></head><body>
            <nav><a href="/">Home</a></nav><main><h1>Latest news</h1>\(teasers)</main></body></html>
            """
        let article = try TestPages.clean(html)
        #expect(article.metadata.pageType == "index")
        #expect(article.text.count < 300)
    }

    @Test("a page wrapped in one big form still gives its story")
    func pageInsideForm() throws {
        let html = TestPages.article().replacingFirst("<body>", with: "<body><form id=\"aspnetForm\" method=\"post\">").replacingFirst("</body>", with: "</form></body>")
        let article = try TestPages.clean(html)
        #expect(TestPages.paragraphsOf(article) == TestPages.paragraphs)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return self }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return String(decoding: bytes[..<start], as: UTF8.self) + replacement + String(decoding: bytes[(start + needle.count)...], as: UTF8.self)
        }
        return self
    }
}

import Testing
@testable import HTMLCleaning

@Suite("Markup prefilter")
struct MarkupPrefilterTests {
    private func strip(_ html: String) -> String {
        String(decoding: MarkupPrefilter.strip(Array(html.utf8)), as: UTF8.self)
    }

    @Test("scripts, styles, comments and images go; JSON-LD and text stay")
    func removesNonText() {
        let html = """
            <head><script>var a = "<p>not text</p>";</script><STYLE>p{}</STYLE>\
            <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>\
            <body><!-- a <p>comment</p> --><p>Kept <img src="a.jpg" alt="x > y">text.</p></body>
            """
        #expect(strip(html) == "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head><body><p>Kept text.</p></body>")
    }

    @Test("an element without its closing tag loses only the start tag")
    func unclosedElement() {
        #expect(strip("<p>Before <button class=\"x\">after the button, the rest of the page.</p>") == "<p>Before after the button, the rest of the page.</p>")
    }

    @Test("start tags keep only the attributes the cleaner reads")
    func attributes() {
        #expect(strip("<div data-x=\"1 > 2\" class='story body' onclick=go()><a href=\"/x\" rel=author>Jo</a></div>")
            == "<div class='story body'><a rel=author>Jo</a></div>")
        #expect(strip("<link rel=\"canonical\" href=\"https://a.example/x\" media=all/>") == "<link rel=\"canonical\" href=\"https://a.example/x\">")
        #expect(strip("<p>text <div class=\"x\"") == "<p>text <div class=\"x\"")
    }

    @Test("names that only begin like a dropped element are kept")
    func similarNames() {
        #expect(strip("<scripture>Psalm</scripture><imgx>y</imgx>") == "<scripture>Psalm</scripture><imgx>y</imgx>")
    }
}

import Testing
@testable import HTMLCleaning

/// The tree `HTMLParser` builds from libxml2's SAX events: the shape that walking libxml2's own
/// tree gave (joined text runs, skipped elements, the depth limit, JSON-LD, kept attributes).
@Suite struct HTMLParserTreeTests {
    private func parse(_ html: String, maxDepth: Int = 100) throws -> DOMTree {
        try HTMLParser.parse(Array(html.utf8), maxDepth: maxDepth)
    }

    private func texts(_ tree: DOMTree) -> [String] {
        tree.nodes.filter { $0.tag == .text }.map {
            String(decoding: tree.text[Int($0.textStart)..<Int($0.textStart + $0.textLength)], as: UTF8.self)
        }
    }

    @Test("text split by character references is one text node, as in libxml2's tree")
    func referencesJoinOneTextRun() throws {
        let tree = try parse("<html><body><p>Procter &amp; Gamble raised prices by 4&#37; in M&uuml;nster</p></body></html>")
        #expect(texts(tree) == ["Procter & Gamble raised prices by 4% in Münster"])
    }

    @Test("an element or a comment between two runs of text keeps them apart")
    func elementsAndCommentsSplitText() throws {
        let tree = try parse("<html><body><p>Shares fell <b>sharply</b> on Monday<!-- ad -->, traders said</p></body></html>")
        #expect(texts(tree) == ["Shares fell ", "sharply", " on Monday", ", traders said"])
        let bold = try #require(tree.nodes.firstIndex { $0.tag == .b })
        let paragraph = try #require(tree.nodes.firstIndex { $0.tag == .p })
        #expect(tree.nodes[bold].parent == Int32(paragraph))
        #expect(tree.nodes[paragraph].end == Int32(tree.nodes.count))
    }

    @Test("whitespace between block elements stays, as libxml2 keeps blanks")
    func blanksStay() throws {
        let tree = try parse("<html><body><div><time>19 May</time>\n\n<time>20 May</time></div></body></html>")
        #expect(texts(tree) == ["19 May", "\n\n", "20 May"])
    }

    @Test("skipped elements leave no nodes; a JSON-LD script is captured, other scripts are not")
    func skippedElementsAndJSONLD() throws {
        let tree = try parse("""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry"}</script>
            <script>var tracking = 1;</script></head>
            <body><nav><a href="/">Home</a></nav><select><option>One</option></select><p>Body text</p></body></html>
            """)
        #expect(tree.jsonLD == [#"{"@type":"NewsArticle","headline":"Ferry"}"#])
        #expect(!tree.nodes.contains { $0.tag == .select || $0.tag == .script })
        #expect(texts(tree).contains("Body text"))
        #expect(!texts(tree).contains { $0.contains("tracking") || $0.contains("One") })
    }

    @Test("an element at the depth limit is kept without its children, and the tree says it was cut")
    func depthLimit() throws {
        let html = "<html><body><div><div><div><p>Deep text</p></div></div></div></body></html>"
        let cut = try parse(html, maxDepth: 3)
        #expect(cut.depthLimited)
        #expect(!texts(cut).contains("Deep text"))
        // html 0, body 1, div 2, div 3: the second div is the deepest element kept.
        #expect(cut.nodes.filter { $0.tag == .div }.count == 2)
        let whole = try parse(html, maxDepth: 10)
        #expect(!whole.depthLimited)
        #expect(texts(whole) == ["Deep text"])
    }

    @Test("kept attributes and class cues reach the tree")
    func attributes() throws {
        let tree = try parse(#"<html lang="de"><body><div class="article-body" itemprop="articleBody" style="display: none"><p>Text</p></div></body></html>"#)
        let html = try #require(tree.nodes.firstIndex { $0.tag == .html })
        #expect(tree.attribute(.lang, of: html) == "de")
        let div = try #require(tree.nodes.firstIndex { $0.tag == .div })
        #expect(tree.nodes[div].flags.contains(.articleBody))
        #expect(tree.nodes[div].flags.contains(.hidden))
        #expect(tree.nodes[div].classHash != 0)
    }
}

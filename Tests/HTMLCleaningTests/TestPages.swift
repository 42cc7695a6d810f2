@testable import HTMLCleaning
import GazetteCore

/// Small pages written for the tests: a story about a harbour town's ferry, with furniture around it.
enum TestPages {
    static let paragraphs = [
        "The ferry between Lindholm and the mainland will run twice as often from next spring, the harbour board said on Tuesday, after a winter in which queues stretched past the fish market.",
        "Board chair Marta Ekdahl told reporters that a second vessel, leased from a shipyard in the south, would join the route in April. \"People have waited long enough,\" she said, adding that fares would not rise.",
        "Residents have complained for years that the single boat, built in 1987, breaks down in storms. Last February the island was cut off for four days, and the school closed because teachers could not cross.",
        "The new timetable has departures every forty minutes at peak times. Freight will move to a separate evening crossing, which local hauliers welcomed in a statement on Wednesday.",
    ]

    /// An article page: `head` extra tags, `before`/`after` furniture around the story body.
    static func article(head: String = "", before: String = "", inside: String = "", after: String = "", title: String = "Lindholm ferry to double its crossings") -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(title) | Coastal Courier</title>\(head)</head>
            <body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            \(before)
            <article>
            <h1>\(title)</h1>
            <div class="story-body">
            \(body)
            \(inside)
            </div>
            </article>
            \(after)
            <footer><p>© 2024 Coastal Courier. All rights reserved.</p><a href="/about">About us</a></footer>
            </body></html>
            """
    }

    /// Runs the cleaner on UTF-8 page text.
    static func clean(_ html: String, charset: String? = nil, url: String? = nil) throws(GazetteError) -> Article {
        try clean(Array(html.utf8), charset: charset, url: url)
    }

    /// Runs the cleaner on page bytes.
    static func clean(_ bytes: [UInt8], charset: String? = nil, url: String? = nil, limits: Limits = Limits()) throws(GazetteError) -> Article {
        var article = Article(id: "test", url: url, html: bytes, charset: charset)
        try HTMLCleaner(limits: limits).process(&article)
        return article
    }

    /// Paragraphs of a cleaned body.
    static func paragraphsOf(_ article: Article) -> [String] {
        article.text.split(separator: "\n\n").map(String.init)
    }
}

import Foundation
import Gazette
import Testing

// The code of the article `Sources/Gazette/Gazette.docc/WritingYourOwnStage.md`, compiled and run
// here; `articleShowsThisCode` fails when the two drift apart.
// snippet: ExchangeTickerTagger
/// Tags exchange tickers written as `(NYSE: ABC)` or `(Nasdaq: ABCD)` as organisations.
struct ExchangeTickerTagger: PipelineStage {
    let name = "tickers"
    var reads: ArticleLayers { [.text, .mentions] }
    var writes: ArticleLayers { .mentions }

    static let exchanges = ["NYSE", "NASDAQ", "LSE", "TSX"]

    func process(_ article: inout Article) throws(GazetteError) {
        let bytes = Array(article.text.utf8)
        var found: [Mention] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "(")) {
            index = open + 1
            guard let colon = bytes[index...].prefix(8).firstIndex(of: UInt8(ascii: ":")) else { continue }
            let exchange = String(decoding: bytes[index..<colon], as: UTF8.self).uppercased()
            guard Self.exchanges.contains(exchange) else { continue }
            var start = colon + 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            while end < bytes.count, end - start < 6, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end]) { end += 1 }
            guard end > start, end < bytes.count, bytes[end] == UInt8(ascii: ")") else { continue }
            let range = TextRange(start: start, end: end)
            // Never overlap what the recogniser found.
            if article.mentions.contains(where: { $0.range.overlaps(range) }) { continue }
            found.append(Mention(range: range, surface: String(decoding: bytes[start..<end], as: UTF8.self),
                                 type: .organization, source: "rule:ticker"))
        }
        article.mentions = (article.mentions + found).sorted { $0.range < $1.range }
    }
}

/// The standard pipeline with the ticker stage before resolution, so tickers become entities.
func pipelineWithTickers() throws(GazetteError) -> Pipeline {
    var stages = try Pipeline.standard().stages
    let resolve = stages.firstIndex { $0.name == "resolve" } ?? stages.endIndex
    stages.insert(ExchangeTickerTagger(), at: resolve)
    return try Pipeline(stages: stages)
}
// end snippet

@Suite("Writing your own stage (the DocC article)")
struct WritingYourOwnStageTests {
    @Test func theStageTagsTickersThroughTheWholePipeline() throws {
        let pipeline = try pipelineWithTickers()
        let tagged = try pipeline.tag(Article(id: "t", text: "Shares of Nvidia (Nasdaq: NVDA) rose 4% while Ford Motor (NYSE: F) slipped."))
        // Each ticker is an organisation's mention: found by the stage, or already by the recogniser.
        for ticker in ["NVDA", "F"] {
            #expect(tagged.entities.contains { $0.type == .organization && $0.mentions.contains { $0.surface == ticker } }, "\(ticker)")
        }
        // "F" is no name the recogniser knows: the stage found it.
        let byStage = tagged.entities.flatMap(\.mentions).filter { $0.source == "rule:ticker" }.map(\.surface)
        #expect(byStage.contains("F"))
        // Without the stage, "F" is not an entity.
        let plain = try Pipeline.standard().tag(Article(id: "t", text: "Ford Motor (NYSE: F) slipped."))
        #expect(!plain.entities.contains { $0.mentions.contains { $0.surface == "F" } })
    }

    @Test func aStagePutAfterResolutionIsRejected() throws {
        var stages = try Pipeline.standard().stages
        stages.insert(ExchangeTickerTagger(), at: 1)  // right after the cleaner: no mentions yet
        #expect(throws: GazetteError.self) { try Pipeline(stages: stages) }
    }

    @Test func articleShowsThisCode() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(contentsOf: root.appendingPathComponent("Sources/Gazette/Gazette.docc/WritingYourOwnStage.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let snippet = try #require(Self.between(source, "// snippet: ExchangeTickerTagger\n", "// end snippet\n"))
        let code = try #require(Self.between(article, "```swift\n", "```\n"))
        #expect(code == snippet, "the article's code block must be the snippet in this file, character for character")
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}

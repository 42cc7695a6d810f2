import Foundation
import GazetteTestSupport
import Testing
import GazetteCore
@testable import ArticleIO

/// A stage that takes a different, pseudo-random time per article so completion order differs from
/// input order, and fails on articles whose text asks for it.
private struct JitterStage: PipelineStage {
    let name = "jitter"
    var reads: ArticleLayers { .input }
    var writes: ArticleLayers { .text }

    func process(_ article: inout Article) throws(GazetteError) {
        var hash: UInt64 = 1469598103934665603
        for byte in article.id.utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        usleep(UInt32(hash % 3_000))
        if article.text.contains("FAIL") { throw GazetteError(.parse, "asked to fail") }
        article.title = "T-" + article.id
    }
}

/// A stage that counts how many articles are being processed at once.
private final class ConcurrencyProbe: PipelineStage, @unchecked Sendable {
    let name = "probe"
    var reads: ArticleLayers { .input }
    var writes: ArticleLayers { [] }
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0

    func process(_ article: inout Article) throws(GazetteError) {
        lock.withLock { current += 1; maximum = max(maximum, current) }
        usleep(2_000)
        lock.withLock { current -= 1 }
    }
}

@Suite("batch runner")
struct BatchRunnerTests {
    private func runBatch(records: [InputRecord], jobs: Int, skipped: Int = 0) throws -> (lines: [String], statistics: BatchStatistics) {
        let directory = try TemporaryDirectory()
        let outputPath = directory.path + "/out.jsonl"
        let writer = try LineWriter(path: outputPath, append: false)
        var events = records.map { InputEvent.record($0) } + Array(repeating: InputEvent.skipped(reason: "test"), count: skipped)
        events.reverse()
        let runner = BatchRunner(pipeline: try Pipeline(stages: [JitterStage()]), options: .init(jobs: jobs, profile: true))
        let statistics = runner.run(next: { events.popLast() }, writer: writer)
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        return (text.split(separator: "\n").map(String.init), statistics)
    }

    @Test(arguments: [1, 2, 4])
    func threeHundredRecordsComeOutInInputOrder(jobs: Int) throws {
        let records = (0..<300).map { i in
            i % 37 == 5
                ? InputRecord(id: "r\(i)", origin: "test", error: GazetteError(.invalidJSON, "bad line"))
                : InputRecord(article: Article(id: "r\(i)", text: i % 50 == 7 ? "FAIL here" : "Story \(i)"), origin: "test")
        }
        let (lines, statistics) = try runBatch(records: records, jobs: jobs, skipped: 3)
        #expect(lines.count == 300)
        let ids = try lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["id"] as? String)
        }
        #expect(ids == (0..<300).map { "r\($0)" })
        let expectedErrors = (0..<300).filter { $0 % 37 == 5 || $0 % 50 == 7 }.count
        #expect(statistics.records == 300)
        #expect(statistics.errors == expectedErrors)
        #expect(statistics.skipped == 3)
        #expect(lines[1].contains(#""title":"T-r1""#))
        #expect(lines[5].contains(#""code":"invalid_json""#))
        #expect(lines[7].contains(#""code":"parse_error""#))
        #expect(statistics.profile.names == ["jitter"])
    }

    @Test func emptyInputWritesNothing() throws {
        let (lines, statistics) = try runBatch(records: [], jobs: 2)
        #expect(lines.isEmpty)
        #expect(statistics.records == 0)
    }

    @Test func takenRecordsAreReleasedAtOnce() {
        // The state must not keep pages a worker has taken: a crawl of 200 kB pages would
        // otherwise hold hundreds of megabytes long after they were tagged.
        let state = BatchState(window: 4)
        for round in 0..<600 {
            let record = InputRecord(article: Article(id: "r\(round)", text: String(repeating: "x", count: 1000)), origin: "test")
            state.submit(record)
            guard let (sequence, taken) = state.take() else { Issue.record("no record to take"); return }
            #expect(taken.id == "r\(round)")
            #expect(state.heldRecords == 0)
            state.complete(sequence, BatchRunner.Output(line: "{}", error: nil, inputPosition: 0), of: taken)
            #expect(state.heldRecords == 1)
            let (batch, _) = state.takeReady(wait: false, timeout: 0)
            #expect(batch.count == 1)
            #expect(state.heldRecords == 0)
        }
    }

    @Test func theByteBudgetLimitsLargePagesInFlight() throws {
        // Forty 600 kB pages with a 1 MB budget: one page at a time, although four workers wait.
        let page = Array("<p>\(String(repeating: "Kyiv and NATO. ", count: 40_000))</p>".utf8)
        let records = (0..<40).map { InputRecord(article: Article(id: "p\($0)", html: page), origin: "test") }
        for (budget, expectSerial) in [(1 << 20, true), (64 << 20, false)] {
            let probe = ConcurrencyProbe()
            let directory = try TemporaryDirectory()
            let writer = try LineWriter(path: directory.path + "/out.jsonl", append: false)
            var events = records.map { InputEvent.record($0) }.reversed() as [InputEvent]
            let runner = BatchRunner(pipeline: try Pipeline(stages: [probe]), options: .init(jobs: 4, byteBudget: budget))
            let statistics = runner.run(next: { events.popLast() }, writer: writer)
            #expect(statistics.records == 40)
            let lines = try String(contentsOfFile: directory.path + "/out.jsonl", encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 40)
            #expect(lines.last?.contains(#""id":"p39""#) == true)
            if expectSerial {
                #expect(probe.maximum == 1)
            } else {
                #expect(probe.maximum > 1)
            }
        }
    }
}

import Foundation
import Gazette
import GazetteTestSupport
import Testing
@testable import GazetteServer

/// `POST /v1/tag` with `Content-Type: application/x-ndjson`: many records in, one line each out,
/// in order, by the JSONL reader's rules.
@Suite("NDJSON streams")
struct StreamTests {
    @Test func everyLineGetsItsRecordInOrderWithTheJSONLRules() async throws {
        var limits = Limits()
        limits.maxLineBytes = 2_000
        let server = try await TestServer.start(limits: limits)
        let lines = [
            #"{"id":"w-1","text":"Olaf Scholz met Emmanuel Macron in Paris."}"#,
            #"{"id":"w-2","html":"<p>Storm warnings for Bergen and Stavanger.</p>"}"#,
            "",
            #"{"id":"w-3","text":"unterminated"#,
            #"{"id":"w-1","text":"A repeated id."}"#,
            #"{"text":"No id: talks in Nairobi went on late."}"#,
            #"{"id":"w-4","text":""# + String(repeating: "Kyiv ", count: 600) + #""}"#,
            #"{"id":"w-5","text":"Lula spoke in Brasília.","include_text":true}"#,
        ]
        let reply = try await server.send(
            "POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson")], body: Array(lines.joined(separator: "\n").utf8))
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "application/x-ndjson")
        let records = reply.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 7)
        #expect(records.map { $0["id"] as? String } == ["w-1", "w-2", "request:4", "w-1", "request:6", "request:7", "w-5"])
        let codes = records.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == [nil, nil, "invalid_json", "duplicate_id", nil, "limit_exceeded", nil])
        #expect(records[6]["text"] as? String == "Lula spoke in Brasília.")
        // The first line is exactly the record `gazette tag` writes for it.
        let pipeline = try TestServer.standard.get()
        let first = TagRecord.encode(try pipeline.tag(Article(id: "w-1", url: nil, input: .text("Olaf Scholz met Emmanuel Macron in Paris."), origin: "x")))
        #expect(reply.lines.first == first)
        try await server.stop()
    }

    @Test func aLongStreamKeepsItsOrderThroughSeveralWorkers() async throws {
        let server = try await TestServer.start(jobs: 3)
        let cities = ["Oslo", "Lisbon", "Warsaw", "Nairobi", "Lagos", "Tokyo", "Lima", "Cairo"]
        var body = ""
        for index in 0..<60 {
            let city = cities[index % cities.count]
            // Records of very different lengths finish out of order on the workers.
            let filler = String(repeating: "The council in \(city) met again. ", count: index % 7 == 0 ? 300 : 1)
            body += #"{"id":"r\#(index)","text":"Talks in \#(city) opened. \#(filler)"}"# + "\n"
        }
        let reply = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson")], body: Array(body.utf8))
        #expect(reply.status == 200)
        let ids = reply.lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        #expect(ids == (0..<60).map { "r\($0)" })
        try await server.stop()
    }

    @Test func anEmptyStreamIsAnEmptyAnswer() async throws {
        let server = try await TestServer.start()
        let reply = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson")], body: Array("\n\n  \n".utf8))
        #expect(reply.status == 200)
        #expect(reply.body.isEmpty)
        try await server.stop()
    }
}

@Suite("Line splitter")
struct LineSplitterTests {
    @Test func linesSplitAcrossChunksAndTheLastLineWithoutNewline() {
        var splitter = LineSplitter(maxLineBytes: 100)
        var lines = splitter.feed(Array("{\"a\":1}\n{\"b\"".utf8))
        lines += splitter.feed(Array(":2}\r\n\n{\"c\":3}".utf8))
        if let last = splitter.finish() { lines.append(last) }
        #expect(lines == [.line(Array("{\"a\":1}".utf8)), .line(Array("{\"b\":2}\r".utf8)), .line([]), .line(Array("{\"c\":3}".utf8))])
    }

    @Test func aLineOverTheLimitIsMeasuredNotKept() {
        var splitter = LineSplitter(maxLineBytes: 10)
        var lines = splitter.feed(Array("short\n0123456".utf8))
        lines += splitter.feed(Array("789abcdef".utf8))
        lines += splitter.feed(Array("ghij\nok\n".utf8))
        lines += splitter.feed(Array("exactly10!\n0123456789abc".utf8))
        if let last = splitter.finish() { lines.append(last) }
        #expect(lines == [
            .line(Array("short".utf8)), .tooLong(20), .line(Array("ok".utf8)), .line(Array("exactly10!".utf8)), .tooLong(13),
        ])
    }
}

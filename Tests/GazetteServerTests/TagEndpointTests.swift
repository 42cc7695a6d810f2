import Foundation
import Gazette
import GazetteTestSupport
import Testing
@testable import GazetteServer

/// `POST /v1/tag` against a server running in this process with the standard pipeline.
@Suite("POST /v1/tag")
struct TagEndpointTests {
    static let story = """
        Finance ministers of the euro area met in Luxembourg on Friday. Christine Lagarde, president of the \
        European Central Bank, told them that inflation in Germany and Italy was easing faster than expected, \
        while Ireland's finance minister asked for a common line on tariffs before talks in Washington.
        """

    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storm closes ports in Norway | North Desk</title>
        <meta property="og:url" content="https://north.example/storm"></head><body>
        <nav><a href="/">Home</a> <a href="/weather">Weather</a></nav>
        <article><h1>Storm closes ports in Norway</h1>
        <p>Ferries between Bergen and Stavanger stayed in port on Monday as the storm reached the coast.</p>
        <p>Prime Minister Jonas Gahr Støre said the coast guard in Oslo had moved ships north overnight.</p>
        </article><footer>North Desk</footer></body></html>
        """

    /// The line `gazette tag` writes for `article`: what the server must answer.
    static func expectedLine(_ article: Article, includeText: Bool = false) throws -> String {
        let pipeline = try TestServer.standard.get()
        return TagRecord.encode(try pipeline.tag(article), options: TagRecord.Options(includeText: includeText)) + "\n"
    }

    @Test func aJSONRecordGetsExactlyTheRecordTheCLIWrites() async throws {
        let server = try await TestServer.start()
        let json = try String(decoding: JSONSerialization.data(withJSONObject: ["id": "euro-1", "url": "https://news.example/euro-1", "text": Self.story]), as: UTF8.self)
        let reply = try await server.tag(json: json)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "application/json")
        let article = Article(id: "euro-1", url: "https://news.example/euro-1", input: .text(Self.story), origin: "request")
        #expect(reply.text == (try Self.expectedLine(article)))
        let names = (reply.object?["entities"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("Christine Lagarde"))
        #expect(names.contains("Luxembourg"))
        try await server.stop()
    }

    @Test func includeTextComesFromTheRecordOrTheQuery() async throws {
        let server = try await TestServer.start()
        let fromRecord = try await server.tag(json: #"{"text":"Ferries left Bergen.","include_text":true}"#)
        #expect(fromRecord.object?["text"] as? String == "Ferries left Bergen.")
        #expect(fromRecord.object?["id"] as? String == "request")
        let fromQuery = try await server.tag(json: #"{"text":"Ferries left Bergen."}"#, query: "?include_text=true")
        #expect(fromQuery.object?["text"] as? String == "Ferries left Bergen.")
        let recordWins = try await server.tag(json: #"{"text":"Ferries left Bergen.","include_text":false}"#, query: "?include_text=true")
        #expect(recordWins.object?["text"] == nil)
        try await server.stop()
    }

    @Test func anHTMLBodyIsReadAsAFileIsWithIDAndURLFromTheQuery() async throws {
        let server = try await TestServer.start()
        let reply = try await server.send(
            "POST", "/v1/tag?id=storm&url=https%3A%2F%2Fnorth.example%2Fstorm",
            headers: [("Content-Type", "text/html")], body: Array(Self.page.utf8))
        #expect(reply.status == 200)
        let article = Article(id: "storm", url: "https://north.example/storm", input: .html(Array(Self.page.utf8), charset: nil), origin: "request")
        #expect(reply.text == (try Self.expectedLine(article)))
        #expect(reply.object?["title"] as? String == "Storm closes ports in Norway")
        try await server.stop()
    }

    @Test func theCharsetOfContentTypeDecodesTheBytes() async throws {
        let server = try await TestServer.start()
        // "Zürich" in windows-1252, with nothing in the page saying so.
        let bytes = Array("<p>Talks in Z".utf8) + [0xFC] + Array("rich ended on Tuesday.</p>".utf8)
        let reply = try await server.send(
            "POST", "/v1/tag?include_text=1", headers: [("Content-Type", "text/html; charset=windows-1252")], body: bytes)
        #expect(reply.status == 200)
        #expect((reply.object?["text"] as? String)?.contains("Zürich") == true)
        try await server.stop()
    }

    @Test func aPlainTextBodyAndAGzipBodyGiveTheSameRecordAsTheJSONOne() async throws {
        let server = try await TestServer.start()
        let plain = try await server.send("POST", "/v1/tag?id=euro-2", headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(Self.story.utf8))
        let json = try String(decoding: JSONSerialization.data(withJSONObject: ["id": "euro-2", "text": Self.story]), as: UTF8.self)
        let gzipped = try await server.send(
            "POST", "/v1/tag", headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: gzipMember(Array(json.utf8)))
        #expect(plain.status == 200)
        #expect(gzipped.status == 200)
        #expect(plain.text == gzipped.text)
        try await server.stop()
    }

    @Test(arguments: [
        (#"{"id":"a","text":"unterminated"#, 400, "invalid_json", "request"),
        (#"["not","an","object"]"#, 400, "invalid_record", "request"),
        (#"{"id":42,"text":"A numeric id."}"#, 400, "invalid_record", "request"),
        (#"{"id":"no-body","url":"https://news.example/x"}"#, 400, "invalid_record", "no-body"),
        (#"{"id":"t","text":12}"#, 400, "invalid_record", "t"),
        (#"{"id":"f","text":"Oslo.","include_text":"yes"}"#, 400, "invalid_record", "f"),
        (#"{"id":"blank","html":"   "}"#, 422, "empty_input", "blank"),
        ("", 400, "invalid_json", "request"),
    ])
    func badRecordsGetTheCLIsErrorRecordAndA4xx(body: String, status: Int, code: String, id: String) async throws {
        let server = try await TestServer.start()
        let reply = try await server.tag(json: body)
        #expect(reply.status == status)
        #expect(reply.errorCode == code)
        #expect(reply.object?["id"] as? String == id)
        #expect((reply.object?["entities"] as? [Any])?.isEmpty == true)
        #expect(reply.headers["content-type"] == "application/json")
        try await server.stop()
    }

    @Test func binaryAndDamagedInputAreClientErrorsAndTheServerStaysUp() async throws {
        let server = try await TestServer.start()
        var generator = SystemRandomNumberGenerator()
        var noise = [UInt8](repeating: 0, count: 4096)
        for index in noise.indices { noise[index] = index % 5 == 0 ? 0 : UInt8.random(in: 0...255, using: &generator) }
        let binary = try await server.send("POST", "/v1/tag?id=png", headers: [("Content-Type", "text/html")], body: noise)
        #expect(binary.status == 422)
        #expect(binary.errorCode == "binary_input")
        let damaged = try await server.send(
            "POST", "/v1/tag", headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: Array("not gzip at all".utf8))
        #expect(damaged.status == 400)
        #expect(damaged.errorCode == "truncated_input")
        let deep = String(repeating: "<div>", count: 20_000) + "<p>Talks in Nairobi.</p>"
        let nested = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "text/html")], body: Array(deep.utf8))
        #expect(nested.status == 200)
        let health = try await server.send("GET", "/healthz")
        #expect(health.status == 200)
        try await server.stop()
    }

    @Test func bodiesOverTheLimitAre413WithOrWithoutContentLength() async throws {
        var limits = Limits()
        limits.maxRecordBytes = 2_000
        limits.maxLineBytes = 3_000
        let server = try await TestServer.start(limits: limits)
        let longText = String(repeating: "Ferries left Bergen. ", count: 200)
        let declared = try await server.send("POST", "/v1/tag?id=long", headers: [("Content-Type", "text/plain")], body: Array(longText.utf8))
        #expect(declared.status == 413)
        #expect(declared.errorCode == "limit_exceeded")
        #expect(declared.object?["id"] as? String == "long")
        // Chunked, so the length is only known while reading.
        var chunked: [UInt8] = Array("POST /v1/tag HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        for _ in 0..<5 { chunked += Array("3e8\r\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1000) + Array("\r\n".utf8) }
        chunked += Array("0\r\n\r\n".utf8)
        let streamed = try await LoopbackHTTP.exchange(port: server.port, raw: chunked)
        #expect(streamed.status == 413)
        #expect(streamed.errorCode == "limit_exceeded")
        // A JSON record within the line limit whose text is over the record limit: the CLI's rule.
        let json = try String(decoding: JSONSerialization.data(withJSONObject: ["id": "big", "text": String(repeating: "b", count: 2_500)]), as: UTF8.self)
        let record = try await server.tag(json: json)
        #expect(record.status == 413)
        #expect(record.object?["id"] as? String == "big")
        // A gzip bomb stops at the limit.
        let bomb = gzipMember(Array(repeating: UInt8(ascii: "z"), count: 1 << 20))
        let inflated = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
        #expect(inflated.status == 413)
        try await server.stop()
    }

    @Test func requestErrorsAreJSONWithTheirOwnCodes() async throws {
        let server = try await TestServer.start()
        let form = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("a=b".utf8))
        #expect(form.status == 415)
        #expect(form.errorCode == "unsupported_media_type")
        let brotli = try await server.send("POST", "/v1/tag", headers: [("Content-Type", "application/json"), ("Content-Encoding", "br")], body: Array("{}".utf8))
        #expect(brotli.status == 415)
        let gzipStream = try await server.send(
            "POST", "/v1/tag", headers: [("Content-Type", "application/x-ndjson"), ("Content-Encoding", "gzip")], body: gzipMember(Array("{}".utf8)))
        #expect(gzipStream.status == 415)
        let badFlag = try await server.tag(json: #"{"text":"Oslo."}"#, query: "?include_text=maybe")
        #expect(badFlag.status == 400)
        #expect(badFlag.errorCode == "invalid_request")
        let wrongMethod = try await server.send("GET", "/v1/tag")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "POST")
        #expect(wrongMethod.errorCode == "method_not_allowed")
        let missing = try await server.send("GET", "/v2/tag")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not_found")
        try await server.stop()
    }
}

import GazetteTestSupport
import Testing
import GazetteCore
@testable import ArticleIO

@Suite("WARC reader")
struct WARCReaderTests {
    static let storyA = Array("<!doctype html><html><head><title>Ceasefire talks</title></head><body><p>Talks in Doha resumed, Qatar said.</p></body></html>".utf8)
    /// windows-1252 bytes: the charset must travel from the HTTP header to the cleaner.
    static let storyB: [UInt8] = Array("<html><body><p>M".utf8) + [0xFC] + Array("ller visited Z".utf8) + [0xFC] + Array("rich.</p></body></html>".utf8)
    static let storyC = Array(("<html><body>" + String(repeating: "<p>Parliament in Berlin debated the budget.</p>", count: 40) + "</body></html>").utf8)
    static let storyD = Array("<html><body><p>Compressed on the wire in Nairobi.</p></body></html>".utf8)

    /// A small crawl: warcinfo, request/response pairs, an image, a redirect, metadata, a resource.
    static func crawlRecords(version: String = "1.1") -> [[UInt8]] {
        let info = WARCBuilder.record(type: "warcinfo", id: "0000", uri: nil, contentType: "application/warc-fields",
                                      block: Array("software: test\r\n".utf8), version: version)
        return [
            info,
            WARCBuilder.request(id: "a-req", uri: "https://news.example/a"),
            WARCBuilder.response(id: "a", uri: "https://news.example/a",
                                 httpHeaders: ["Content-Type: text/html; charset=UTF-8", "Content-Length: \(storyA.count)"], body: storyA),
            WARCBuilder.response(id: "logo", uri: "https://news.example/logo.png",
                                 httpHeaders: ["Content-Type: image/png"], body: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]),
            WARCBuilder.request(id: "b-req", uri: "https://news.example/b"),
            WARCBuilder.response(id: "b", uri: "<https://news.example/b>",
                                 httpHeaders: ["Content-Type: text/html;charset=\"windows-1252\"", "Transfer-Encoding: chunked"],
                                 body: WARCBuilder.chunked(storyB, size: 7)),
            WARCBuilder.response(id: "moved", uri: "https://news.example/old",
                                 httpHeaders: ["Content-Type: text/html", "Location: https://news.example/new"],
                                 body: Array("<html>Moved</html>".utf8), status: "301 Moved Permanently"),
            WARCBuilder.record(type: "metadata", id: "meta", uri: "https://news.example/b", contentType: "application/warc-fields",
                               block: Array("fetchTimeMs: 88\r\n".utf8), version: version),
            WARCBuilder.response(id: "c", uri: "https://news.example/c", httpHeaders: [], body: storyC),
            WARCBuilder.response(id: "d", uri: "https://news.example/d",
                                 httpHeaders: ["Content-Type: text/html; charset=iso-8859-1", "Content-Encoding: gzip"], body: gzipMember(storyD)),
            WARCBuilder.record(type: "resource", id: "res", uri: "file:///notes.txt", contentType: "text/plain",
                               block: Array("notes".utf8), version: version),
        ]
    }

    private func checkCrawl(_ result: ReadResult) {
        #expect(result.ids == ["urn:uuid:a", "urn:uuid:b", "urn:uuid:c", "urn:uuid:d"])
        #expect(result.errorCodes == [nil, nil, nil, nil])
        #expect(result.skipped.count == 7)
        #expect(result.records.map(\.url) == ["https://news.example/a", "https://news.example/b", "https://news.example/c", "https://news.example/d"])
        #expect(result.records[0].html?.bytes == Self.storyA)
        #expect(result.records[0].html?.charset == "UTF-8")
        #expect(result.records[1].html?.bytes == Self.storyB)
        #expect(result.records[1].html?.charset == "windows-1252")
        #expect(result.records[2].html?.bytes == Self.storyC)
        #expect(result.records[2].html?.charset == nil)
        #expect(result.records[3].html?.bytes == Self.storyD)
        #expect(result.records[3].html?.charset == "iso-8859-1")
    }

    @Test(arguments: ["1.0", "1.1"])
    func plainWARCYieldsHTMLResponsesOnly(version: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("crawl.warc", Self.crawlRecords(version: version).flatMap { $0 })
        checkCrawl(try readAll([path]))
    }

    @Test func gzipMemberPerRecordReadsTheSame() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("crawl.warc.gz", Self.crawlRecords().flatMap { gzipMember($0) })
        checkCrawl(try readAll([path]))
    }

    @Test func truncatedWARCGzipGivesEarlierRecordsThenOneErrorAndTheNextFileIsRead() throws {
        let directory = try TemporaryDirectory()
        let members = Self.crawlRecords().map { gzipMember($0) }
        // Cut inside the member of record "c" (index 8).
        let before = members[..<8].flatMap { $0 }
        let cut = before + members[8].prefix(members[8].count / 2)
        let damaged = try directory.write("a-damaged.warc.gz", cut)
        let next = try directory.write("b-next.jsonl", #"{"id":"after","text":"The run goes on."}"# + "\n")
        let result = try readAll([damaged, next])
        #expect(result.ids == ["urn:uuid:a", "urn:uuid:b", "a-damaged", "after"])
        #expect(result.errorCodes == [nil, nil, "truncated_input", nil])
    }

    @Test func plainWARCCutInsideABlockGivesTruncatedInput() throws {
        let directory = try TemporaryDirectory()
        let bytes = Self.crawlRecords().flatMap { $0 }
        let path = try directory.write("cut.warc", Array(bytes.prefix(bytes.count * 2 / 3)))
        let result = try readAll([path])
        #expect(result.ids.last == "cut")
        #expect(result.errorCodes.last == "truncated_input")
        #expect(result.errorCodes.dropLast().allSatisfy { $0 == nil })
        #expect(result.records.count >= 2)
    }

    @Test func fileThatIsNotWARCGivesOneParseError() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("fake.warc", "<html><body>not an archive</body></html>\n")
        let result = try readAll([path])
        #expect(result.ids == ["fake"])
        #expect(result.errorCodes == ["parse_error"])
    }

    @Test func overLargeHTMLResponseIsALimitErrorButOverLargeImageIsSkipped() throws {
        let directory = try TemporaryDirectory()
        let page = Array(("<html><body>" + String(repeating: "<p>Long page.</p>", count: 10_000) + "</body></html>").utf8)
        let records = [
            WARCBuilder.response(id: "big", uri: "https://news.example/big", httpHeaders: ["Content-Type: text/html"], body: page),
            WARCBuilder.response(id: "img", uri: "https://news.example/big.jpg", httpHeaders: ["Content-Type: image/jpeg"],
                                 body: [UInt8](repeating: 0xFF, count: 200_000)),
            WARCBuilder.response(id: "small", uri: "https://news.example/s", httpHeaders: ["Content-Type: text/html"], body: Self.storyA),
        ]
        let path = try directory.write("big.warc", records.flatMap { $0 })
        var limits = Limits()
        limits.maxRecordBytes = 100_000
        let result = try readAll([path], limits: limits)
        #expect(result.ids == ["urn:uuid:big", "urn:uuid:small"])
        #expect(result.errorCodes == ["limit_exceeded", nil])
        #expect(result.skipped.count == 1)
    }

    @Test func httpBodyGzipBombIsALimitError() throws {
        let directory = try TemporaryDirectory()
        let bomb = gzipMember([UInt8](repeating: 0x20, count: 4 << 20), level: 9)
        let records = [
            WARCBuilder.response(id: "bomb", uri: "https://news.example/bomb",
                                 httpHeaders: ["Content-Type: text/html", "Content-Encoding: gzip"], body: bomb),
            WARCBuilder.response(id: "ok", uri: "https://news.example/ok", httpHeaders: ["Content-Type: text/html"], body: Self.storyA),
        ]
        let path = try directory.write("bomb.warc", records.flatMap { $0 })
        var limits = Limits()
        limits.maxRecordBytes = 1 << 20
        let result = try readAll([path], limits: limits)
        #expect(result.ids == ["urn:uuid:bomb", "urn:uuid:ok"])
        #expect(result.errorCodes == ["limit_exceeded", nil])
    }
}

@Suite("HTTP response")
struct HTTPResponseTests {
    @Test func dechunksWithExtensionsAndReportsNonChunkedBytes() {
        let body = Array("Chunked bodies arrive in pieces of any size.".utf8)
        for size in [1, 5, 16, 100] {
            #expect(HTTPResponse.dechunk(WARCBuilder.chunked(body, size: size)) == body)
        }
        #expect(HTTPResponse.dechunk(Array("<html>already decoded</html>".utf8)) == nil)
    }

    @Test func keepsBodyWhenHeaderSaysChunkedButCrawlerDecodedIt() throws {
        let block = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n<html><p>x</p></html>".utf8)
        let response = try #require(HTTPResponse(block: block))
        #expect(response.body == Array("<html><p>x</p></html>".utf8))
        #expect(response.status == 200)
    }

    @Test func readsCharsetAndSniffsMissingContentType() throws {
        let block = Array("HTTP/1.0 200 OK\nServer: x\n\n  <!DOCTYPE html><html></html>".utf8)
        let response = try #require(HTTPResponse(block: block))
        #expect(response.isHTML(identifiedType: nil))
        #expect(response.charset == nil)
        #expect(HeaderBlock.parameter("charset", in: "text/html; Charset = \"Shift_JIS\" ; q=1") == "Shift_JIS")
        #expect(HTTPResponse(block: Array("dns:example 1.2.3.4".utf8)) == nil)
    }
}

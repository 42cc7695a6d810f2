import GazetteTestSupport
import Testing
import GazetteCore
@testable import ArticleIO

@Suite("JSONL reader")
struct JSONLReaderTests {
    /// A dump as exporters write them, with every kind of bad line between good ones.
    static let dump = [
        #"{"id":"ap-0412","url":"https://news.example/ap-0412","html":"<html><head><meta charset=\"windows-1252\"></head><body><p>NATO ministers met in Brussels.</p></body></html>"}"#,
        #"{"id":"ap-0413","text":"Vladimir Putin spoke in Moscow on Tuesday."#,
        #"["ap-0414","not an object"]"#,
        #"{"id":"ap-0415","url":"https://news.example/ap-0415"}"#,
        "",
        "   \t",
        #"{"id":77,"text":"A numeric id."}"#,
        #"{"id":"ap-0412","text":"Repeated id."}"#,
        #"{"text":"No id: Kyiv was quiet overnight."}"#,
        #"{"id":"ap-0416","text":12345}"# + "\r",
        #"{"id":"ap-0417","html":null,"text":"Text used when html is null."}"#,
        #"{"id":"ap-0418","text":"Last line without a newline."}"#,
    ].joined(separator: "\n")

    @Test func oneRecordPerNonBlankLineWithIDsAndErrors() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("wire.jsonl", Self.dump)
        let result = try readAll([path])
        #expect(result.ids == [
            "ap-0412", "wire.jsonl:2", "wire.jsonl:3", "ap-0415", "wire.jsonl:7", "ap-0412", "wire.jsonl:9",
            "ap-0416", "ap-0417", "ap-0418",
        ])
        #expect(result.errorCodes == [
            nil, "invalid_json", "invalid_record", "invalid_record", "invalid_record", "duplicate_id", nil,
            "invalid_record", nil, nil,
        ])
        #expect(result.records[0].url == "https://news.example/ap-0412")
        // JSON strings are Unicode: the page is handed on as UTF-8 whatever its meta tag says.
        #expect(result.records[0].html?.charset == "utf-8")
        #expect(result.records[6].text == "No id: Kyiv was quiet overnight.")
        #expect(result.records[8].text == "Text used when html is null.")
        #expect(result.records[9].text == "Last line without a newline.")
        #expect(result.records[1].origin.hasSuffix("wire.jsonl:2"))
        #expect(result.records[5].error?.message.contains("line 1") == true)
    }

    @Test func overlongLinesAndRecordsBecomeLimitErrorsAndReadingGoesOn() throws {
        let directory = try TemporaryDirectory()
        let big = String(repeating: "Kyiv ", count: 4_000)
        let lines = [
            #"{"id":"first","text":"Short story from Warsaw."}"#,
            #"{"id":"huge-line","text":""# + big + big + #""}"#,
            #"{"id":"big-record","text":""# + big + #""}"#,
            #"{"id":"last","text":"Short story from Riga."}"#,
        ]
        let path = try directory.write("limits.jsonl", lines.joined(separator: "\n") + "\n")
        var limits = Limits()
        limits.maxLineBytes = 30_000
        limits.maxRecordBytes = 15_000
        let result = try readAll([path], limits: limits)
        #expect(result.ids == ["first", "limits.jsonl:2", "big-record", "last"])
        #expect(result.errorCodes == [nil, "limit_exceeded", "limit_exceeded", nil])
        #expect(result.records[1].error?.message.contains("--max-line-bytes") == true)
        #expect(result.records[2].error?.message.contains("--max-record-bytes") == true)
    }

    @Test func gzipDumpReadsLikeThePlainOne() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("wire.jsonl", Self.dump)
        // Two members, split mid-line, as `cat a.gz b.gz` gives.
        let bytes = Array(Self.dump.utf8)
        let gz = try directory.write("wire2.jsonl.gz", gzipMember(Array(bytes[..<300])) + gzipMember(Array(bytes[300...])))
        let a = try readAll([plain])
        let b = try readAll([gz])
        #expect(a.errorCodes == b.errorCodes)
        #expect(b.ids.first == "ap-0412")
        #expect(b.ids[1] == "wire2.jsonl.gz:2")
    }
}

import Foundation
import GazetteCore
import GazetteTestSupport
@testable import ArticleIO

/// Builds WARC records the way crawlers write them.
enum WARCBuilder {
    static func record(type: String, id: String, uri: String?, contentType: String, block: [UInt8], version: String = "1.1") -> [UInt8] {
        var header = "WARC/\(version)\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: 2026-03-01T10:00:00Z\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func response(id: String, uri: String, httpHeaders: [String], body: [UInt8], status: String = "200 OK") -> [UInt8] {
        let head = (["HTTP/1.1 \(status)"] + httpHeaders).joined(separator: "\r\n") + "\r\n\r\n"
        return record(type: "response", id: id, uri: uri, contentType: "application/http; msgtype=response", block: Array(head.utf8) + body)
    }

    static func request(id: String, uri: String) -> [UInt8] {
        let head = "GET /story HTTP/1.1\r\nHost: news.example\r\nUser-Agent: test\r\n\r\n"
        return record(type: "request", id: id, uri: uri, contentType: "application/http; msgtype=request", block: Array(head.utf8))
    }

    static func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < body.count {
            let piece = body[start..<min(body.count, start + size)]
            out += Array((String(piece.count, radix: 16) + ";ext=1\r\n").utf8) + piece + Array("\r\n".utf8)
            start += size
        }
        return out + Array("0\r\n\r\n".utf8)
    }
}

/// Everything a stream yields, split into records and skip notices.
struct ReadResult {
    var records: [InputRecord] = []
    var skipped: [String] = []

    var ids: [String] { records.map(\.id) }
    var errorCodes: [String?] { records.map { record in
        if case .failure(let error) = record.content { return error.code.rawValue }
        return nil
    } }
}

func readAll(_ arguments: [String], limits: Limits = Limits()) throws -> ReadResult {
    let stream = RecordStream(plan: try InputPlan.resolve(arguments: arguments), limits: limits)
    var result = ReadResult()
    while let event = stream.next() {
        switch event {
        case .record(let record): result.records.append(record)
        case .skipped(let reason): result.skipped.append(reason)
        }
    }
    return result
}

extension InputRecord {
    /// The article's HTML bytes and charset, when it holds HTML.
    var html: (bytes: [UInt8], charset: String?)? {
        guard case .success(let article) = content, case .html(let bytes, let charset) = article.input else { return nil }
        return (bytes, charset)
    }

    /// The article's plain text, when it holds text.
    var text: String? {
        guard case .success(let article) = content, case .text(let text) = article.input else { return nil }
        return text
    }

    var error: GazetteError? {
        if case .failure(let error) = content { return error }
        return nil
    }
}

import CZlib
import Foundation
import GazetteCore
@testable import ArticleIO

/// A temporary directory for one test, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let template = NSTemporaryDirectory() + "gazette-io-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `relativePath`, creating folders; returns the full path.
    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }
}

/// Compresses `bytes` as one gzip member with zlib.
func gzipMember(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    precondition(deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let produced = input.withUnsafeMutableBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            stream.next_out = target.baseAddress
            stream.avail_out = UInt32(target.count)
            precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            return target.count - Int(stream.avail_out)
        }
    }
    return Array(output.prefix(produced))
}

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

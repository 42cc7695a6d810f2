import ArticleIO
import GazetteCore
import GazetteIO
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /v1/tag`: one record in, the line `gazette tag` writes for it out; or, with
/// `Content-Type: application/x-ndjson`, many records streamed in and their lines streamed back in
/// order.
///
/// Bodies:
/// - `application/json` (the default): one record `{"id"?, "url"?, "html" | "text",
///   "include_text"?}`, judged by ``JSONInputRecord`` exactly as a JSONL line is (fallback id
///   `request`); at most `maxLineBytes` bytes, like a JSONL line.
/// - `application/x-ndjson`: JSON Lines, each line as above (fallback id `request:LINE`, duplicate
///   ids are `duplicate_id`, a line over `maxLineBytes` is `limit_exceeded`), no limit on the whole.
/// - `text/html` or `text/plain`: the page or text itself, read as `gazette tag` reads a file (the
///   charset of `Content-Type` is honoured for HTML); `?id=` and `?url=` name it (id default
///   `request`); at most `maxRecordBytes` bytes.
/// `Content-Encoding: gzip` is read for single records (inflated up to the record limit).
/// `?include_text=true` includes the cleaned text (a JSON record's own `include_text` wins).
///
/// A tagged record answers 200; an error record answers with the status of its code (400 for
/// `invalid_json`/`invalid_record`, 413 for `limit_exceeded`, 422 for input that cannot be
/// tagged) and the error record as body.
struct TagEndpoint: Sendable {
    let pipeline: Pipeline
    let workers: TagWorkers
    let metrics: ServerMetrics
    let limits: Limits
    let timeout: Duration

    /// Records of one stream in the pool at once: enough to keep every worker busy.
    var streamWindow: Int { 2 * workers.jobs }

    /// What the body holds.
    enum BodyKind: Equatable {
        case json, ndjson, html, text
    }

    func respond(to request: Request) async -> Response {
        let contentType = request.headers[.contentType] ?? Self.defaultContentType
        let kind: BodyKind
        switch HeaderBlock.mediaType(contentType) {
        case "application/json", "": kind = .json
        case "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines": kind = .ndjson
        case "text/html", "application/xhtml+xml": kind = .html
        case "text/plain": kind = .text
        default:
            return failure(GazetteError(
                .unsupportedMediaType,
                "Content-Type \(contentType) is not read here; send application/json, application/x-ndjson, text/html or text/plain"))
        }
        let gzip: Bool
        switch request.headers[.contentEncoding].map({ HeaderBlock.trim($0).lowercased() }) {
        case nil, "", "identity": gzip = false
        case let encoding? where kind != .ndjson && (encoding == "gzip" || encoding == "x-gzip"): gzip = true
        case let other?:
            return failure(GazetteError(
                .unsupportedMediaType,
                "Content-Encoding \(other) is not read \(kind == .ndjson ? "for streams" : "here"); send identity\(kind == .ndjson ? "" : " or gzip")"))
        }
        let query = request.uri.queryParameters
        let includeText: Bool
        switch query["include_text"]?.lowercased() {
        case "true", "1", "yes": includeText = true
        case nil, "false", "0", "no", "": includeText = false
        case let value?:
            return failure(GazetteError(.invalidRequest, "include_text=\(value) is not a boolean; use true or false"))
        }
        if workers.isFull {
            return overloaded()
        }
        if kind == .ndjson {
            return stream(request, includeText: includeText)
        }
        let id = query["id"].map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "request"
        let url = query["url"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try await withTimeLimit(timeout) {
                try await single(request, kind: kind, gzip: gzip, id: id, url: url, includeText: includeText)
            }
        } catch is TagWorkers.Overloaded {
            return overloaded()
        } catch is TimedOut {
            return failure(GazetteError(.timeout, "the request took longer than the server's timeout of \(Self.seconds(timeout)) s; retry, or split the work"))
        } catch {
            return failure(GazetteError(.internalError, "the request failed: \(error)"))
        }
    }

    /// What a request without `Content-Type` is taken to be.
    static let defaultContentType = "application/json"

    // MARK: One record

    private func single(
        _ request: Request, kind: BodyKind, gzip: Bool, id: String, url: String?, includeText: Bool
    ) async throws -> Response {
        let (limit, flag) = kind == .json ? (limits.maxLineBytes, "--max-line-bytes") : (limits.maxRecordBytes, "--max-record-bytes")
        let collected = try await Self.collect(request, limit: limit)
        let output: BatchRunner.Output
        switch collected {
        case .tooLarge(let count):
            // Who an error about the body itself is for: a JSON record's own id is not known yet.
            let size = count.map { "\($0) bytes" } ?? "more than \(limit) bytes"
            let record = InputRecord(
                id: kind == .json ? "request" : id, url: kind == .json ? nil : url, origin: "request",
                error: GazetteError(.limitExceeded, "the request body holds \(size), more than the limit of \(limit) (raise it with \(flag))"))
            output = try await tag(record, includeText: includeText, bypassingLimit: false)
        case .bytes(let body):
            // Inflating, decoding and tagging the body all run on a worker: the event loops and
            // the tasks that read requests only move bytes.
            let body = Body(
                bytes: body, kind: kind, gzip: gzip, id: id, url: url,
                charset: kind == .html ? request.headers[.contentType].flatMap { HeaderBlock.parameter("charset", in: $0) } : nil,
                limit: limit, limitFlag: flag)
            let pipeline = self.pipeline, limits = self.limits
            output = try await workers.run {
                let (record, include) = body.record(limits: limits)
                var profile = StageProfile()
                let options = BatchRunner.Options(jobs: 1, record: TagRecord.Options(includeText: include ?? includeText))
                let output = BatchRunner.tag(record, pipeline: pipeline, options: options, profile: &profile)
                BatchRunner.releaseFreedMemory(after: record)
                return output
            }
        }
        metrics.record(error: output.error)
        return APIResponse.line(output.line, status: output.error.map(APIResponse.status(for:)) ?? .ok)
    }

    /// A single record's body as it came, with what is needed to read it.
    private struct Body: Sendable {
        var bytes: [UInt8]
        var kind: BodyKind
        var gzip: Bool
        /// The `?id=` and `?url=` of a page or text body.
        var id: String
        var url: String?
        /// The charset of an HTML body's `Content-Type`.
        var charset: String?
        var limit: Int
        /// The flag that raises `limit`, for messages.
        var limitFlag: String

        /// The record the body holds (an error record when it cannot be read), and a JSON record's
        /// own `include_text`.
        func record(limits: Limits) -> (InputRecord, Bool?) {
            // Who an error about the body itself is for: a JSON record's own id is not known yet.
            let bodyID = kind == .json ? "request" : id
            let bodyURL: String? = kind == .json ? nil : url
            var bytes = self.bytes
            if gzip {
                do {
                    switch try Inflate.inflate(self.bytes, limit: limit, displayName: "the request body") {
                    case .bytes(let inflated): bytes = inflated
                    case .tooLarge:
                        let error = GazetteError(
                            .limitExceeded, "the request body inflates to more than the limit of \(limit) bytes (raise it with \(limitFlag))")
                        return (InputRecord(id: bodyID, url: bodyURL, origin: "request", error: error), nil)
                    }
                } catch {
                    return (InputRecord(id: bodyID, url: bodyURL, origin: "request", error: error), nil)
                }
            }
            if kind == .json {
                let decoded = JSONInputRecord.decode(bytes, fallbackID: "request", origin: "request", limits: limits, flags: ["include_text"])
                return (decoded.record, decoded.flags["include_text"])
            }
            let record = DocumentFileReader.record(
                .bytes(bytes), format: kind == .text ? .text : .html, id: id, url: url, charset: charset, origin: "request", limits: limits)
            return (record, nil)
        }
    }

    /// Tags `record` on a worker (an error record is encoded here: nothing to tag).
    private func tag(_ record: InputRecord, includeText: Bool, bypassingLimit: Bool) async throws -> BatchRunner.Output {
        let options = BatchRunner.Options(jobs: 1, record: TagRecord.Options(includeText: includeText))
        if record.isError {
            var profile = StageProfile()
            return BatchRunner.tag(record, pipeline: pipeline, options: options, profile: &profile)
        }
        let pipeline = self.pipeline
        return try await workers.run(bypassingLimit: bypassingLimit) {
            var profile = StageProfile()
            let output = BatchRunner.tag(record, pipeline: pipeline, options: options, profile: &profile)
            BatchRunner.releaseFreedMemory(after: record)
            return output
        }
    }

    /// A body read whole, or how it outgrew the limit.
    enum Collected {
        case bytes([UInt8])
        /// Over the limit; the declared length when `Content-Length` said so.
        case tooLarge(Int?)
    }

    /// Reads the whole body, or stops as soon as it passes `limit` bytes (at once when
    /// `Content-Length` says so).
    static func collect(_ request: Request, limit: Int) async throws -> Collected {
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > limit { return .tooLarge(declared) }
        var bytes: [UInt8] = []
        // One allocation for a body whose length is declared, instead of a doubling per chunk.
        if let declared, declared > 0 { bytes.reserveCapacity(declared) }
        for try await chunk in request.body {
            if bytes.count + chunk.readableBytes > limit { return .tooLarge(nil) }
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
        }
        return .bytes(bytes)
    }

    // MARK: Streams

    /// Streams the lines of an NDJSON body through the pool, at most ``streamWindow`` records at a
    /// time, and writes their output lines in input order as they are ready.
    private func stream(_ request: Request, includeText: Bool) -> Response {
        let endpoint = self
        let body = ResponseBody { writer in
            var splitter = LineSplitter(maxLineBytes: endpoint.limits.maxLineBytes)
            var tracker = DuplicateIDTracker()
            var lineNumber = 0
            try await withThrowingTaskGroup(of: (Int, BatchRunner.Output).self) { group in
                var ready: [Int: BatchRunner.Output] = [:]
                var issued = 0
                var written = 0
                func writeReady() async throws {
                    while let output = ready.removeValue(forKey: written) {
                        var buffer = ByteBuffer(string: output.line)
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        try await writer.write(buffer)
                        written += 1
                    }
                }
                func submit(_ line: LineSplitter.Line) async throws {
                    lineNumber += 1
                    let lineID = "request:\(lineNumber)"
                    let origin = "request line \(lineNumber)"
                    let decoded: JSONInputRecord.Decoded
                    switch line {
                    case .tooLong(let length):
                        decoded = JSONInputRecord.Decoded(
                            record: InputRecord(
                                id: lineID, origin: origin,
                                error: GazetteError(
                                    .limitExceeded,
                                    "line \(lineNumber) of the request has \(length) bytes, more than the line limit of \(endpoint.limits.maxLineBytes) (raise it with --max-line-bytes)")),
                            flags: [:])
                    case .line(let bytes):
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                        decoded = JSONInputRecord.decode(
                            bytes, fallbackID: lineID, origin: origin, limits: endpoint.limits, flags: ["include_text"]
                        ) { id in
                            guard let earlier = tracker.firstPosition(of: id, at: lineNumber) else { return nil }
                            return GazetteError(.duplicateID, "\(origin): id \"\(id)\" was already used on line \(earlier) of the request")
                        }
                    }
                    while issued - written >= endpoint.streamWindow, let (sequence, output) = try await group.next() {
                        ready[sequence] = output
                        try await writeReady()
                    }
                    let sequence = issued
                    issued += 1
                    let record = decoded.record
                    let include = decoded.flags["include_text"] ?? includeText
                    group.addTask { (sequence, await endpoint.streamed(record, includeText: include)) }
                }
                for try await chunk in request.body {
                    for line in chunk.withUnsafeReadableBytes({ splitter.feed($0) }) { try await submit(line) }
                }
                if let last = splitter.finish() { try await submit(last) }
                while let (sequence, output) = try await group.next() {
                    ready[sequence] = output
                    try await writeReady()
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: body)
    }

    /// One record of a stream: its output line, or an error record when it timed out.
    private func streamed(_ record: InputRecord, includeText: Bool) async -> BatchRunner.Output {
        let output: BatchRunner.Output
        do {
            output = try await withTimeLimit(timeout) { try await tag(record, includeText: includeText, bypassingLimit: true) }
        } catch {
            let message = error is TimedOut
                ? "tagging took longer than the server's timeout of \(Self.seconds(timeout)) s"
                : "the record could not be tagged: \(error)"
            let code: GazetteError.Code = error is TimedOut ? .timeout : .internalError
            output = BatchRunner.Output(
                line: TagRecord.encodeError(id: record.id, url: record.url, error: GazetteError(code, message)), error: code, inputPosition: 0)
        }
        metrics.record(error: output.error)
        return output
    }

    // MARK: Helpers

    private func failure(_ error: GazetteError) -> Response {
        metrics.error(error.code)
        return APIResponse.error(error)
    }

    private func overloaded() -> Response {
        metrics.error(.overloaded)
        return APIResponse.overloaded(
            "all \(workers.jobs) workers are busy and \(workers.queueLimit) requests are waiting; retry after a second")
    }

    /// `timeout` in whole or decimal seconds, for messages.
    static func seconds(_ duration: Duration) -> String {
        JSONWriter.format(duration.seconds, digits: 3)
    }
}

/// The deadline of ``withTimeLimit(_:_:)`` passed.
struct TimedOut: Error {}

/// Runs `body`, cancelling it and throwing ``TimedOut`` when it takes longer than `timeout`.
func withTimeLimit<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw TimedOut()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}

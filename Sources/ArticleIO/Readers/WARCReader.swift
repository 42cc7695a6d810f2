import GazetteCore
import GazetteIO
/// Reads WARC 1.0/1.1 files (plain, or gzip with one member per record): every `response` record
/// with a 2xx HTTP status and an HTML payload becomes an article; every other record is skipped.
///
/// The article's id is the `WARC-Record-ID` without angle brackets, its url the
/// `WARC-Target-URI`, and the charset of the HTTP `Content-Type` travels with the bytes. A file
/// that ends inside a record, or holds bytes where a record header should start, yields one error
/// record (with the file's id) after the records before the damage.
final class WARCReader: RecordReader {
    private let input: BufferedInput
    private let fileID: String
    private let originPath: String
    private let limits: Limits
    private let positionBase: Int
    private var finished = false
    private var recordIndex = 0
    private var seenIDs = DuplicateIDTracker()

    /// Longest WARC or HTTP header line accepted.
    static let maxHeaderLine = 64 << 10
    /// Most header bytes accepted in one WARC record header.
    static let maxHeaderBytes = 1 << 20
    /// How much of an over-large block is read to tell whether it is an HTML response.
    static let probeBytes = 64 << 10

    /// Reads records from `input`; `fileID` names the error record of a damaged file.
    init(input: BufferedInput, fileID: String, originPath: String, limits: Limits, positionBase: Int) {
        self.input = input
        self.fileID = fileID
        self.originPath = originPath
        self.limits = limits
        self.positionBase = positionBase
    }

    private var position: Int { positionBase + input.rawBytesRead }

    func next() -> InputEvent? {
        guard !finished else { return nil }
        do {
            return try nextEvent()
        } catch {
            finished = true
            return .record(InputRecord(id: fileID, origin: "\(originPath)@\(input.offset)", error: error, inputPosition: position))
        }
    }

    private func fileError(_ code: GazetteError.Code, _ message: String) -> InputEvent {
        finished = true
        return .record(InputRecord(
            id: fileID, origin: "\(originPath)@\(input.offset)", error: GazetteError(code, message), inputPosition: position))
    }

    private func nextEvent() throws(GazetteError) -> InputEvent? {
        // Skip the CRLF CRLF that ends the previous record (and any stray blank lines).
        var versionLine: [UInt8]?
        while versionLine == nil {
            switch try input.readLine(maxBytes: WARCReader.maxHeaderLine) {
            case .end:
                finished = true
                return nil
            case .tooLong:
                return fileError(.parse, "\(originPath) holds a \(WARCReader.maxHeaderLine)-byte line where a WARC record should start; the file is damaged or not WARC")
            case .line(let line):
                if line.allSatisfy({ $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }) { continue }
                versionLine = line
            }
        }
        let recordStart = input.offset
        guard let versionLine, versionLine.starts(with: Array("WARC/".utf8)) else {
            let what = recordIndex == 0 ? "does not start with a WARC/1.x version line; it is not a WARC file" : "has bytes that are not a WARC record header after record \(recordIndex); the file is damaged"
            return fileError(recordIndex == 0 ? .parse : .truncated, "\(originPath) \(what)")
        }
        var headers = HeaderBlock()
        var headerBytes = 0
        while true {
            switch try input.readLine(maxBytes: WARCReader.maxHeaderLine) {
            case .end:
                return fileError(.truncated, "\(originPath) ends inside the header of WARC record \(recordIndex + 1) (the file is truncated)")
            case .tooLong:
                return fileError(.parse, "\(originPath) has a WARC header line longer than \(WARCReader.maxHeaderLine) bytes in record \(recordIndex + 1)")
            case .line(let line):
                headerBytes += line.count
                if headerBytes > WARCReader.maxHeaderBytes {
                    return fileError(.parse, "\(originPath) has a WARC record header over \(WARCReader.maxHeaderBytes) bytes in record \(recordIndex + 1)")
                }
                if line.isEmpty || line == [0x0D] {
                    return try readBlock(headers: headers, recordStart: recordStart)
                }
                headers.add(line: line[...])
            }
        }
    }

    private func readBlock(headers: HeaderBlock, recordStart: Int) throws(GazetteError) -> InputEvent {
        recordIndex += 1
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            return fileError(.parse, "\(originPath): WARC record \(recordIndex) has no valid Content-Length")
        }
        let type = headers["warc-type"]?.lowercased() ?? ""
        let recordID = WARCReader.unbracket(headers["warc-record-id"]) ?? "\(fileID)#\(recordIndex)"
        let url = WARCReader.unbracket(headers["warc-target-uri"])
        let origin = "\(originPath)@\(recordStart)"
        guard type == "response" else {
            let skipped = try input.skip(count: length)
            if skipped < length { return truncatedBlock() }
            return .skipped(reason: "WARC \(type.isEmpty ? "untyped" : type) record")
        }
        if length > limits.maxRecordBytes {
            let probe = try input.read(count: WARCReader.probeBytes)
            let skipped = try input.skip(count: length - probe.count)
            if probe.count + skipped < length { return truncatedBlock() }
            guard let response = HTTPResponse(block: probe), (200..<300).contains(response.status),
                  response.isHTML(identifiedType: headers["warc-identified-payload-type"]) else {
                return .skipped(reason: "WARC response that is not an HTML page")
            }
            return .record(InputRecord(
                id: recordID, url: url, origin: origin,
                error: GazetteError(
                    .limitExceeded,
                    "WARC record \(recordID) holds \(length) bytes, more than the record limit of \(limits.maxRecordBytes) (raise it with --max-record-bytes)"),
                inputPosition: position))
        }
        let block = try input.read(count: length)
        if block.count < length { return truncatedBlock() }
        guard let response = HTTPResponse(block: block) else {
            return .skipped(reason: "WARC response that is not HTTP")
        }
        guard (200..<300).contains(response.status) else {
            return .skipped(reason: "WARC response with HTTP status \(response.status)")
        }
        guard response.isHTML(identifiedType: headers["warc-identified-payload-type"]) else {
            return .skipped(reason: "WARC response that is not an HTML page")
        }
        if let earlier = seenIDs.firstPosition(of: recordID, at: recordIndex) {
            return .record(InputRecord(
                id: recordID, url: url, origin: origin,
                error: GazetteError(.duplicateID, "WARC record \(recordIndex) of \(originPath) repeats the WARC-Record-ID of record \(earlier)"),
                inputPosition: position))
        }
        var body = response.body
        let encoding = response.headers["content-encoding"]?.lowercased() ?? "identity"
        switch encoding {
        case "identity", "", "none":
            break
        case "gzip", "x-gzip", "deflate":
            if HTTPResponse.looksLikeHTML(body) { break }  // stored already decoded
            do {
                switch try Inflate.inflate(body, limit: limits.maxRecordBytes, displayName: "the body of \(recordID)") {
                case .bytes(let bytes): body = bytes
                case .tooLarge:
                    return .record(InputRecord(
                        id: recordID, url: url, origin: origin,
                        error: GazetteError(
                            .limitExceeded,
                            "WARC record \(recordID) inflates to more than the record limit of \(limits.maxRecordBytes) bytes (raise it with --max-record-bytes)"),
                        inputPosition: position))
                }
            } catch {
                return .record(InputRecord(id: recordID, url: url, origin: origin, error: error, inputPosition: position))
            }
        default:
            if !HTTPResponse.looksLikeHTML(body) {
                return .record(InputRecord(
                    id: recordID, url: url, origin: origin,
                    error: GazetteError(.unsupported, "WARC record \(recordID) uses Content-Encoding \(encoding), which Gazette cannot decode"),
                    inputPosition: position))
            }
        }
        let article = Article(id: recordID, url: url, input: .html(body, charset: response.charset), origin: origin)
        return .record(InputRecord(article: article, origin: origin, inputPosition: position))
    }

    private func truncatedBlock() -> InputEvent {
        fileError(.truncated, "\(originPath) ends inside WARC record \(recordIndex) (the file is truncated); the records before it were read")
    }

    /// A header value without the angle brackets WARC 1.0 puts around URIs.
    static func unbracket(_ value: String?) -> String? {
        guard var value, !value.isEmpty else { return nil }
        if value.hasPrefix("<") && value.hasSuffix(">") && value.count >= 2 {
            value = String(value.dropFirst().dropLast())
        }
        return value.isEmpty ? nil : value
    }
}

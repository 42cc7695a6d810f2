import GazetteCore
import GazetteIO
/// Reads JSON Lines records `{"id", "url"?, "html" | "text"}`, one article per non-blank line.
///
/// Rules (documented in docs/batch.md):
/// - `id`: a string is used as is; missing, `null` or `""` gives `FILE:LINE`; any other type
///   (a number too: no silent coercion) makes the record `invalid_record` with id `FILE:LINE`.
/// - `html` wins over `text` when both are present; each must be a string.
/// - a line that is not JSON → `invalid_json`; JSON that is not an object, or an object without a
///   string `html`/`text` → `invalid_record`; a line over `maxLineBytes` or a page over
///   `maxRecordBytes` → `limit_exceeded`. Blank lines are skipped silently.
/// - an id already used earlier in the same file → `duplicate_id` error record with that id (the
///   first occurrence is tagged); see ``DuplicateIDTracker``. `--resume` counts occurrences of ids,
///   so it stays exact.
final class JSONLReader: RecordReader {
    private let input: BufferedInput
    private let fileLabel: String
    private let fileID: String
    private let originPath: String
    private let limits: Limits
    private let positionBase: Int
    private var lineNumber = 0
    private var seenIDs = DuplicateIDTracker()
    private var finished = false

    private static let wanted: Set<String> = ["id", "url", "html", "text"]

    /// Reads lines from `input`; `fileLabel` forms `FILE:LINE` ids, `fileID` names the error record
    /// of a damaged file, `originPath` the origins.
    init(input: BufferedInput, fileLabel: String, fileID: String, originPath: String, limits: Limits, positionBase: Int) {
        self.input = input
        self.fileLabel = fileLabel
        self.fileID = fileID
        self.originPath = originPath
        self.limits = limits
        self.positionBase = positionBase
    }

    func next() -> InputEvent? {
        while !finished {
            let line: BufferedInput.Line
            do {
                line = try input.readLine(maxBytes: limits.maxLineBytes)
            } catch {
                finished = true
                return .record(InputRecord(
                    id: fileID, origin: "\(originPath):\(lineNumber + 1)", error: error, inputPosition: position))
            }
            lineNumber += 1
            let lineID = "\(fileLabel):\(lineNumber)"
            let origin = "\(originPath):\(lineNumber)"
            switch line {
            case .end:
                finished = true
                return nil
            case .tooLong(let length):
                return .record(InputRecord(
                    id: lineID, origin: origin,
                    error: GazetteError(
                        .limitExceeded,
                        "line \(lineNumber) of \(originPath) has \(length) bytes, more than the line limit of \(limits.maxLineBytes) (raise it with --max-line-bytes)"),
                    inputPosition: position))
            case .line(let bytes):
                if JSONLReader.isBlank(bytes) { continue }
                return .record(record(from: bytes, lineID: lineID, origin: origin))
            }
        }
        return nil
    }

    private var position: Int { positionBase + input.rawBytesRead }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Turns one line into an article or an error record.
    private func record(from bytes: [UInt8], lineID: String, origin: String) -> InputRecord {
        let fields: [String: JSONField]?
        do {
            fields = try JSONReader.members(of: bytes, wanted: JSONLReader.wanted)
        } catch {
            return InputRecord(
                id: lineID, origin: origin,
                error: GazetteError(.invalidJSON, "\(origin) is not valid JSON: \(error.reason) at byte \(error.offset + 1)"),
                inputPosition: position)
        }
        guard let fields else {
            return InputRecord(
                id: lineID, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin) is JSON but not an object; expected {\"id\", \"url\", \"html\" or \"text\"}"),
                inputPosition: position)
        }
        var id = lineID
        switch fields["id"] {
        case .string(let value) where !value.isEmpty: id = String(decoding: value, as: UTF8.self)
        case .none, .null, .string: break
        case .some(let other):
            return InputRecord(
                id: lineID, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin): \"id\" is a \(other.typeName); ids must be strings"),
                inputPosition: position)
        }
        if id != lineID, let earlier = seenIDs.firstPosition(of: id, at: lineNumber) {
            return InputRecord(
                id: id, origin: origin,
                error: GazetteError(.duplicateID, "\(origin): id \"\(id)\" was already used on line \(earlier) of \(originPath)"),
                inputPosition: position)
        }
        var url: String?
        switch fields["url"] {
        case .string(let value) where !value.isEmpty: url = String(decoding: value, as: UTF8.self)
        case .none, .null, .string: break
        case .some(let other):
            return InputRecord(
                id: id, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin): \"url\" is a \(other.typeName); use a string"),
                inputPosition: position)
        }
        let input: ArticleInput
        switch (fields["html"], fields["text"]) {
        case (.string(let html), _):
            input = .html(html, charset: "utf-8")
        case (.some(let other), _) where other != .null:
            return InputRecord(
                id: id, url: url, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin): \"html\" is a \(other.typeName); use a string"),
                inputPosition: position)
        case (_, .string(let text)):
            input = .text(String(decoding: text, as: UTF8.self))
        case (_, .some(let other)) where other != .null:
            return InputRecord(
                id: id, url: url, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin): \"text\" is a \(other.typeName); use a string"),
                inputPosition: position)
        default:
            return InputRecord(
                id: id, url: url, origin: origin,
                error: GazetteError(.invalidRecord, "\(origin) has neither \"html\" nor \"text\"; each record needs one of them as a string"),
                inputPosition: position)
        }
        if input.byteCount > limits.maxRecordBytes {
            return InputRecord(
                id: id, url: url, origin: origin,
                error: GazetteError(
                    .limitExceeded,
                    "\(origin) holds \(input.byteCount) bytes, more than the record limit of \(limits.maxRecordBytes) (raise it with --max-record-bytes)"),
                inputPosition: position)
        }
        return InputRecord(article: Article(id: id, url: url, input: input, origin: origin), origin: origin, inputPosition: position)
    }
}

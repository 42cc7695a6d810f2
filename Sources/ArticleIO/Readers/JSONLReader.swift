import GazetteCore
import GazetteIO
/// Reads JSON Lines records `{"id", "url"?, "html" | "text"}`, one article per non-blank line.
///
/// Each line is decoded by ``JSONInputRecord`` (the rules the HTTP server applies to a request
/// body too), with `FILE:LINE` as the fallback id. A line over `maxLineBytes` → `limit_exceeded`;
/// blank lines are skipped silently. An id already used earlier in the same file → `duplicate_id`
/// error record with that id (the first occurrence is tagged); see ``DuplicateIDTracker``.
/// `--resume` counts occurrences of ids, so it stays exact.
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

    /// Turns one line into an article or an error record (the rules of ``JSONInputRecord``), with
    /// the per-file duplicate-id check.
    private func record(from bytes: [UInt8], lineID: String, origin: String) -> InputRecord {
        JSONInputRecord.decode(bytes, fallbackID: lineID, origin: origin, limits: limits, inputPosition: position) { id in
            guard let earlier = seenIDs.firstPosition(of: id, at: lineNumber) else { return nil }
            return GazetteError(.duplicateID, "\(origin): id \"\(id)\" was already used on line \(earlier) of \(originPath)")
        }.record
    }
}

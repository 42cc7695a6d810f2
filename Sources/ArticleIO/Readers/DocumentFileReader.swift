package import GazetteCore
package import GazetteIO
/// Reads one whole `.html`/`.htm`/`.txt` file (or its `.gz`) as one article, up to the record limit.
package final class DocumentFileReader: RecordReader {
    private let source: () throws(GazetteError) -> any ByteSource
    private let format: InputFormat
    private let fileID: String
    private let originPath: String
    private let limits: Limits
    private let positionBase: Int
    private var done = false

    /// Prepares to read the file `source` opens; nothing is read before ``next()``.
    init(
        source: @escaping () throws(GazetteError) -> any ByteSource, format: InputFormat, fileID: String,
        originPath: String, limits: Limits, positionBase: Int
    ) {
        self.source = source
        self.format = format
        self.fileID = fileID
        self.originPath = originPath
        self.limits = limits
        self.positionBase = positionBase
    }

    func next() -> InputEvent? {
        guard !done else { return nil }
        done = true
        var rawBytes = 0
        do {
            let opened = try source()
            let outcome = try Inflate.readAll(from: opened, limit: limits.maxRecordBytes)
            rawBytes = opened.rawBytesRead
            var record = DocumentFileReader.record(outcome, format: format, id: fileID, origin: originPath, limits: limits)
            record.inputPosition = positionBase + rawBytes
            return .record(record)
        } catch {
            return .record(InputRecord(id: fileID, origin: originPath, error: error, inputPosition: positionBase + rawBytes))
        }
    }

    /// The record for one whole document (a file, or an HTTP request body) whose bytes, after any
    /// decompression, are `outcome`: the page or text as an article, or `limit_exceeded` when it
    /// outgrew the record limit. `charset` is a declared charset (an HTTP `Content-Type`'s).
    package static func record(
        _ outcome: Inflate.Outcome, format: InputFormat, id: String, url: String? = nil, charset: String? = nil,
        origin: String, limits: Limits
    ) -> InputRecord {
        switch outcome {
        case .tooLarge:
            return InputRecord(
                id: id, url: url, origin: origin,
                error: GazetteError(
                    .limitExceeded,
                    "\(origin) holds more than the record limit of \(limits.maxRecordBytes) bytes (decompressed) (raise it with --max-record-bytes)"))
        case .bytes(let bytes):
            let input: ArticleInput = format == .text ? .text(TextDecoding.decode(bytes)) : .html(bytes, charset: charset)
            return InputRecord(article: Article(id: id, url: url, input: input, origin: origin), origin: origin)
        }
    }
}

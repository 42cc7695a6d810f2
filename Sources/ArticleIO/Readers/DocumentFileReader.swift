import GazetteCore
import GazetteIO
/// Reads one whole `.html`/`.htm`/`.txt` file (or its `.gz`) as one article, up to the record limit.
final class DocumentFileReader: RecordReader {
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
            switch outcome {
            case .tooLarge:
                return .record(InputRecord(
                    id: fileID, origin: originPath,
                    error: GazetteError(
                        .limitExceeded,
                        "\(originPath) holds more than the record limit of \(limits.maxRecordBytes) bytes (decompressed) (raise it with --max-record-bytes)"),
                    inputPosition: positionBase + rawBytes))
            case .bytes(let bytes):
                let input: ArticleInput = format == .text ? .text(TextDecoding.decode(bytes)) : .html(bytes, charset: nil)
                let article = Article(id: fileID, url: nil, input: input, origin: originPath)
                return .record(InputRecord(article: article, origin: originPath, inputPosition: positionBase + rawBytes))
            }
        } catch {
            return .record(InputRecord(id: fileID, origin: originPath, error: error, inputPosition: positionBase + rawBytes))
        }
    }
}

public import GazetteCore
import GazetteIO
/// Reads every record of an ``InputPlan`` in order, one ``InputEvent`` at a time, streaming: files
/// are opened one after another and read in chunks.
///
/// Damage in one file becomes an error record and the stream goes on with the next file.
public final class RecordStream: IteratorProtocol {
    private let limits: Limits
    private let standardInputName: String?
    private let excludedFiles: Set<[UInt64]>
    private var items: IndexingIterator<[InputPlan.Item]>
    private var walker: DirectoryWalker?
    private var reader: (any RecordReader)?
    private var readerBytes: () -> Int = { 0 }
    /// Raw bytes of the files finished so far.
    private var finishedBytes = 0

    /// Prepares to read `plan`'s inputs with `limits`.
    public init(plan: InputPlan, limits: Limits) {
        self.limits = limits
        self.standardInputName = plan.standardInputName
        self.excludedFiles = plan.excludedFiles
        self.items = plan.items.makeIterator()
    }

    /// The next record or skip notice, or nil at the end of all inputs.
    public func next() -> InputEvent? {
        while true {
            if let reader {
                if let event = reader.next() { return event }
                finishedBytes += readerBytes()
                self.reader = nil
                readerBytes = { 0 }
            }
            if var current = walker {
                let entry = current.next()
                walker = current
                switch entry {
                case .file(let path, let relativePath, _):
                    if let event = open(path: path, relativePath: relativePath, fromDirectory: true) { return event }
                    continue
                case .unreadable(let path, let relativePath, let error):
                    return .record(InputRecord(id: relativePath, origin: path, error: error, inputPosition: finishedBytes))
                case nil:
                    walker = nil
                }
            }
            guard let item = items.next() else { return nil }
            switch item {
            case .standardInput:
                if let name = standardInputName {
                    if let event = open(path: nil, relativePath: name, fromDirectory: true, originPath: name) { return event }
                } else {
                    openStandardInput()
                }
            case .file(let path, _):
                if let event = open(path: path, relativePath: FileSystem.baseName(path), fromDirectory: false) { return event }
            case .directory(let path): walker = DirectoryWalker(root: path)
            }
        }
    }

    /// Starts the reader for one file; returns an event when the file yields one at once (skipped
    /// or unreadable).
    /// `path` nil reads standard input.
    private func open(path: String?, relativePath: String, fromDirectory: Bool, originPath: String? = nil) -> InputEvent? {
        let originPath = originPath ?? path ?? "stdin"
        if let path, !excludedFiles.isEmpty, let identity = FileSystem.identity(of: path), excludedFiles.contains(identity) {
            return .skipped(reason: "\(path) is the output file")
        }
        let name = FileSystem.baseName(relativePath)
        let directoryPart = String(relativePath.dropLast(name.count))
        let format: InputFormat
        let gzip: Bool
        let id: String
        if let known = InputFormat.classify(fileName: name) {
            (format, gzip, id) = (known.format, known.gzip, directoryPart + known.stem)
        } else if fromDirectory {
            return .skipped(reason: "file of unknown type \(originPath)")
        } else {
            // A file named on the command line is read as an HTML page whatever its extension.
            let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
            (format, gzip, id) = (.html, false, stem.isEmpty ? name : stem)
        }
        let base = finishedBytes
        let limits = self.limits
        switch format {
        case .html, .text:
            var opened: (any ByteSource)?
            readerBytes = { opened?.rawBytesRead ?? 0 }
            reader = DocumentFileReader(
                source: { () throws(GazetteError) -> any ByteSource in
                    let file = try RecordStream.openFile(path)
                    let source: any ByteSource = gzip ? try GzipByteSource(file, displayPath: originPath) : file
                    opened = source
                    return source
                },
                format: format, fileID: id, originPath: originPath, limits: limits, positionBase: base)
        case .jsonl, .warc:
            let input: BufferedInput
            do {
                let file = try RecordStream.openFile(path)
                input = BufferedInput(gzip ? try GzipByteSource(file, displayPath: originPath) : file)
            } catch {
                return .record(InputRecord(id: id, origin: originPath, error: error, inputPosition: base))
            }
            readerBytes = { input.rawBytesRead }
            reader = format == .jsonl
                ? JSONLReader(input: input, fileLabel: relativePath, fileID: id, originPath: originPath, limits: limits, positionBase: base)
                : WARCReader(input: input, fileID: id, originPath: originPath, limits: limits, positionBase: base)
        }
        return nil
    }

    /// Opens `path`, or standard input when it is nil.
    private static func openFile(_ path: String?) throws(GazetteError) -> any ByteSource {
        guard let path else { return FileByteSource(standardInput: ()) }
        return try FileByteSource(path: path)
    }

    /// Starts reading standard input: JSONL, or WARC when it starts with `WARC/`; gzip is detected.
    private func openStandardInput() {
        let base = finishedBytes
        do {
            var (head, source): ([UInt8], any ByteSource) = try PrefixedByteSource.sniff(FileByteSource(standardInput: ()), count: 2)
            if head == [0x1F, 0x8B] {
                source = try GzipByteSource(source, displayPath: "stdin")
            }
            (head, source) = try PrefixedByteSource.sniff(source, count: 5)
            let input = BufferedInput(source)
            readerBytes = { input.rawBytesRead }
            reader = head == Array("WARC/".utf8)
                ? WARCReader(input: input, fileID: "stdin", originPath: "stdin", limits: limits, positionBase: base)
                : JSONLReader(input: input, fileLabel: "stdin", fileID: "stdin", originPath: "stdin", limits: limits, positionBase: base)
        } catch {
            reader = FailedReader(InputRecord(id: "stdin", origin: "stdin", error: error, inputPosition: base))
        }
    }
}

/// A reader that yields one error record (an input that failed before its first record).
final class FailedReader: RecordReader {
    private var record: InputRecord?

    /// Yields `record` once.
    init(_ record: InputRecord) { self.record = record }

    func next() -> InputEvent? {
        defer { record = nil }
        return record.map { .record($0) }
    }
}

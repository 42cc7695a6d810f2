import Foundation
public import GazetteCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `gazette tag` JSONL from a file or standard input one line at a time, so memory does not
/// grow with the input; lines that are not usable records are skipped and counted.
public struct TagLineReader: ~Copyable {
    /// What happened to one input line.
    public enum Outcome: Sendable {
        /// A tagged article.
        case article(TaggedArticle)
        /// A line that was skipped, with the reason (`not JSON`, `error record: …`).
        case skipped(reason: String)
    }

    /// The name used in warnings (`path` or `<stdin>`).
    public let name: String
    /// The 1-based number of the line returned last.
    public private(set) var lineNumber = 0
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let decoder = JSONDecoder()
    private static let chunkSize = 1 << 16

    /// Opens a file; `-` means standard input.
    public init(path: String) throws(GazetteError) {
        if path == "-" {
            self.init(name: "<stdin>", descriptor: 0, ownsDescriptor: false)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw GazetteError(.io, "cannot open tag file '\(path)'", cause: String(cString: strerror(errno)))
        }
        self.init(name: path, descriptor: fd, ownsDescriptor: true)
    }

    /// Reads standard input.
    public init(standardInput: Void) {
        self.init(name: "<stdin>", descriptor: 0, ownsDescriptor: false)
    }

    private init(name: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next non-empty line's bytes, or `nil` at the end of input.
    public mutating func nextLine() throws(GazetteError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                if Self.isBlank(line) { continue }
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return Self.isBlank(line) ? nil : line
            }
            try fill()
        }
    }

    /// The next record: a tagged article or a skipped line; `nil` at the end of input.
    public mutating func next() throws(GazetteError) -> Outcome? {
        guard let line = try nextLine() else { return nil }
        return decode(line)
    }

    /// Decodes one line leniently.
    public func decode(_ line: ArraySlice<UInt8>) -> Outcome {
        let record: TaggedArticle
        if let scanned = JSONByteScanner.scanTagRecord(line) {
            record = scanned
        } else {
            do {
                record = try decoder.decode(TaggedArticle.self, from: Data(line))
            } catch {
                return .skipped(reason: "not a JSON tag record")
            }
        }
        if let failure = record.error {
            return .skipped(reason: "error record (\(failure.code ?? "unknown"): \(failure.message ?? "no message"))")
        }
        guard let id = record.id, !id.isEmpty else {
            return .skipped(reason: "record without an id")
        }
        return .article(record)
    }

    private mutating func fill() throws(GazetteError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + Self.chunkSize)
        var readCount = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while true {
                let result = read(descriptor, base + oldCount, Self.chunkSize)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                }
                readCount = max(result, 0)
                break
            }
        }
        buffer.removeSubrange((oldCount + readCount)...)
        if failure != 0 {
            throw GazetteError(.io, "cannot read '\(name)'", cause: String(cString: strerror(failure)))
        }
        if readCount == 0 { atEnd = true }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

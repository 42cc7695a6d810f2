#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
@_spi(GazetteInternal) public import GazetteCore
import GazetteIO

/// The record ids already present in an earlier output file, for `--resume`.
///
/// Output is written in input order, so an interrupted run's output holds the first records of the
/// input, in order. The index therefore reads the earlier output as a stream alongside the input:
/// while the ids agree, each input record is matched with the next output line and nothing is
/// remembered, so resuming a run of any size takes constant memory.
///
/// When the input differs from the earlier run (files added, removed or renamed), the first id that
/// does not agree switches the index to a table of the remaining output ids, counted, so the first
/// *n* occurrences of an id are skipped when the output holds it *n* times. Ids in the table are
/// 64-bit hashes; its size is that of the remaining output.
public final class ResumeIndex {
    /// The earlier output, read line by line up to ``end``; nil once it is exhausted or tabled.
    private var stream: BufferedInput?
    /// Length of the earlier output after a cut-off last line was removed; lines appended by this
    /// run start there and are never read.
    private let end: Int
    /// Id hash of the output line read but not yet matched, if any.
    private var pending: UInt64?
    /// Counts of the remaining output ids once the input stopped agreeing with the output.
    private var counts: [UInt64: Int32] = [:]
    /// Input records found in the earlier output so far.
    public private(set) var matchedCount = 0
    /// Output ids held in the table (0 while input and output agree).
    public var tabledCount: Int { counts.count }
    /// Bytes of a cut-off last line that were removed from the file (0 when it ended cleanly).
    public let truncatedBytes: Int

    /// An empty index (nothing to skip).
    public init() {
        stream = nil
        end = 0
        truncatedBytes = 0
    }

    private init(stream: BufferedInput?, end: Int, truncatedBytes: Int) {
        self.stream = stream
        self.end = end
        self.truncatedBytes = truncatedBytes
    }

    /// Opens the earlier output at `path` and cuts a partial last line off it, so appended records
    /// start on a fresh line. A missing file gives an empty index.
    public static func load(path: String) throws(GazetteError) -> ResumeIndex {
        if case .failure = FileSystem.kind(of: path) { return ResumeIndex() }
        let (end, cut) = try cutPartialLastLine(path: path)
        let stream = end > 0 ? BufferedInput(try FileByteSource(path: path)) : nil
        return ResumeIndex(stream: stream, end: end, truncatedBytes: cut)
    }

    /// True when a record with `id` is already in the output (and uses up one occurrence); throws
    /// when the earlier output cannot be read, since tagging on would duplicate its records.
    public func consume(id: String) throws(GazetteError) -> Bool {
        if stream == nil && counts.isEmpty { return false }
        let key = ResumeIndex.hash(id.utf8)
        if stream != nil {
            guard let next = try nextOutputID() else { return consumeFromTable(key) }
            if next == key {
                matchedCount += 1
                return true
            }
            // The input no longer follows the output: remember the rest of the output.
            pending = next
            try tableRemainingOutput()
        }
        return consumeFromTable(key)
    }

    private func consumeFromTable(_ key: UInt64) -> Bool {
        guard let count = counts[key] else { return false }
        if count <= 1 { counts.removeValue(forKey: key) } else { counts[key] = count - 1 }
        matchedCount += 1
        return true
    }

    /// The id hash of the next output line with an id, or nil (closing the stream) at the end.
    private func nextOutputID() throws(GazetteError) -> UInt64? {
        if let pending {
            self.pending = nil
            return pending
        }
        guard let input = stream else { return nil }
        while input.offset < end {
            let line = try input.readLine(maxBytes: 1 << 30)
            guard case .line(let bytes) = line else {
                if case .end = line { break }
                continue
            }
            guard let fields = try? JSONReader.members(of: bytes, wanted: ["id"]),
                  case .string(let id) = fields["id"] else { continue }
            return ResumeIndex.hash(id)
        }
        stream = nil
        return nil
    }

    /// Moves every output id not yet matched into the table and closes the stream.
    private func tableRemainingOutput() throws(GazetteError) {
        while let key = try nextOutputID() { counts[key, default: 0] += 1 }
    }

    /// Finds the end of the last complete line of `path` by reading backwards from its end and cuts
    /// off what follows it (a line the killed run was writing). Returns the new length and the
    /// number of bytes cut.
    private static func cutPartialLastLine(path: String) throws(GazetteError) -> (end: Int, cut: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw GazetteError(.io, "cannot open \(path)", cause: FileByteSource.systemMessage(errno)) }
        defer { close(fd) }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size >= 0 else { throw GazetteError(.io, "cannot read \(path)", cause: FileByteSource.systemMessage(errno)) }
        guard size > 0 else { return (0, 0) }
        let chunk = 64 << 10
        var buffer = [UInt8](repeating: 0, count: chunk)
        var chunkEnd = size
        var lastNewline = -1
        while chunkEnd > 0 && lastNewline < 0 {
            let chunkStart = max(0, chunkEnd - chunk)
            let wanted = chunkEnd - chunkStart
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(chunkStart)) }
            guard got == wanted else {
                throw GazetteError(.io, "cannot read \(path)", cause: FileByteSource.systemMessage(errno))
            }
            if let index = buffer[0..<wanted].lastIndex(of: UInt8(ascii: "\n")) { lastNewline = chunkStart + index }
            chunkEnd = chunkStart
        }
        let end = lastNewline + 1
        guard end < size else { return (size, 0) }
        guard truncate(path, off_t(end)) == 0 else {
            throw GazetteError(.io, "cannot cut the partial last line off \(path)", cause: FileByteSource.systemMessage(errno))
        }
        return (end, size - end)
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { StableHash.fnv1a(bytes) }
}

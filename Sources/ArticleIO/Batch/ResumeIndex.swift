#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The record ids already present in an earlier output file, for `--resume`.
///
/// Ids are counted, not just remembered, so inputs with duplicate ids resume exactly: the first
/// *n* occurrences of an id are skipped when the output holds it *n* times. Ids are kept as 64-bit
/// hashes to bound memory on large outputs.
public struct ResumeIndex: Sendable {
    private var counts: [UInt64: Int32] = [:]
    /// Complete records found in the output file.
    public private(set) var recordCount = 0
    /// Bytes of a cut-off last line that were removed from the file (0 when it ended cleanly).
    public private(set) var truncatedBytes = 0

    /// An empty index (nothing to skip).
    public init() {}

    /// Reads the ids of every complete line of `path`, and cuts a partial last line off the file so
    /// appended records start on a fresh line. A missing file gives an empty index.
    public static func load(path: String) throws(GazetteError) -> ResumeIndex {
        var index = ResumeIndex()
        if case .failure = FileSystem.kind(of: path) { return index }
        let input = BufferedInput(try FileByteSource(path: path))
        while true {
            let lineStart = input.offset
            let line = try input.readLine(maxBytes: 1 << 30)
            guard case .line(let bytes) = line else {
                if case .end = line { break }
                continue
            }
            if input.offset - lineStart == bytes.count {
                // No newline: the run was killed while writing this line.
                index.truncatedBytes = bytes.count
                guard truncate(path, off_t(lineStart)) == 0 else {
                    throw GazetteError(.io, "cannot cut the partial last line off \(path)", cause: FileByteSource.systemMessage(errno))
                }
                break
            }
            guard let fields = try? JSONLineParser.members(of: bytes, wanted: ["id"]),
                  case .string(let id) = fields["id"] else { continue }
            index.counts[ResumeIndex.hash(id), default: 0] += 1
            index.recordCount += 1
        }
        return index
    }

    /// True when a record with `id` is already in the output (and uses up one occurrence).
    public mutating func consume(id: String) -> Bool {
        guard !counts.isEmpty else { return false }
        let key = ResumeIndex.hash(Array(id.utf8))
        guard let count = counts[key] else { return false }
        if count <= 1 { counts.removeValue(forKey: key) } else { counts[key] = count - 1 }
        return true
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
package import GazetteCore

/// Line and block access over a ``ByteSource`` with one reusable buffer: what the JSONL and WARC
/// readers are built on.
package final class BufferedInput {
    /// Outcome of reading one line.
    package enum Line {
        /// A complete line without its `\n` (a trailing `\r` is kept).
        case line([UInt8])
        /// A line longer than the limit; its bytes were skipped up to the next newline.
        case tooLong(Int)
        /// No more input.
        case end
    }

    private let source: any ByteSource
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    private let chunkSize: Int
    /// Bytes handed out or skipped so far (position in the decompressed stream).
    package private(set) var offset = 0

    /// Reads from `source` in chunks of `chunkSize` bytes.
    package init(_ source: any ByteSource, chunkSize: Int = 256 << 10) {
        self.source = source
        self.chunkSize = chunkSize
    }

    /// Raw bytes taken from the file so far, for progress.
    package var rawBytesRead: Int { source.rawBytesRead }

    private var available: Int { buffer.count - start }

    /// Reads one more chunk; false at the end of input.
    private func fill() throws(GazetteError) -> Bool {
        if ended { return false }
        if start > 0 && (start >= buffer.count || start >= chunkSize) {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let got = try source.read(into: &buffer, maxCount: chunkSize)
        if got == 0 { ended = true; return false }
        return true
    }

    /// Index of the next `\n` at or after `from` in the buffer, if any.
    private func newline(from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress else { return nil }
            guard let hit = memchr(base + from, 0x0A, all.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// True when no byte is left.
    package func atEnd() throws(GazetteError) -> Bool {
        if available > 0 { return false }
        return !(try fill())
    }

    /// Reads the next line of at most `maxBytes` bytes (the last line may lack its newline).
    package func readLine(maxBytes: Int) throws(GazetteError) -> Line {
        var scanned = 0
        while true {
            if let end = newline(from: start + scanned) {
                let length = end - start
                let line = length > maxBytes ? nil : Array(buffer[start..<end])
                start = end + 1
                offset += length + 1
                return line.map { .line($0) } ?? .tooLong(length)
            }
            if available > maxBytes { return try skipLongLine() }
            scanned = available
            if !(try fill()) {
                if available == 0 { return .end }
                let line = Array(buffer[start..<buffer.count])
                offset += available
                start = buffer.count
                return .line(line)
            }
        }
    }

    /// Skips the rest of a line that has outgrown the limit, keeping memory bounded.
    private func skipLongLine() throws(GazetteError) -> Line {
        var length = 0
        while true {
            if let end = newline(from: start) {
                length += end - start
                offset += end - start + 1
                start = end + 1
                return .tooLong(length)
            }
            length += available
            offset += available
            start = buffer.count
            if !(try fill()) { return .tooLong(length) }
        }
    }

    /// Reads exactly `count` bytes, or fewer when the input ends first.
    package func read(count: Int) throws(GazetteError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 64 << 20))
        while result.count < count {
            if available == 0, !(try fill()) { break }
            let take = min(count - result.count, available)
            result.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
        }
        return result
    }

    /// Skips `count` bytes; returns how many were skipped (fewer when the input ends first).
    package func skip(count: Int) throws(GazetteError) -> Int {
        var skipped = 0
        while skipped < count {
            if available == 0, !(try fill()) { break }
            let take = min(count - skipped, available)
            start += take
            offset += take
            skipped += take
        }
        return skipped
    }

    /// The next byte without consuming it, or nil at the end.
    package func peek() throws(GazetteError) -> UInt8? {
        if available == 0, !(try fill()) { return nil }
        return buffer[start]
    }
}

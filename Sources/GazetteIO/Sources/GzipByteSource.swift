import CZlib
package import GazetteCore

/// Inflates a gzip (or zlib) stream read from another source, member after member, in chunks.
///
/// Concatenated gzip members (a `.warc.gz` with one member per record, `cat a.gz b.gz`) read as one
/// stream. A stream that ends inside a member, or bytes that are not gzip, throw
/// ``GazetteError/Code/truncated`` after every byte before the damage was delivered.
package final class GzipByteSource: ByteSource {
    private let input: any ByteSource
    private let displayPath: String
    private var stream: UnsafeMutablePointer<z_stream>
    private let scratchSize = 256 << 10
    private let scratch: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256 << 10)
    private var compressed: [UInt8] = []
    private var compressedStart = 0
    private var inputEnded = false
    private var memberOpen = false
    private var finished = false
    private var pendingFailure: GazetteError?
    /// Decompressed bytes delivered so far.
    package private(set) var inflatedBytes = 0

    package var rawBytesRead: Int { input.rawBytesRead }

    /// Wraps `input`, whose bytes are gzip members; `displayPath` names it in error messages.
    package init(_ input: any ByteSource, displayPath: String) throws(GazetteError) {
        self.input = input
        self.displayPath = displayPath
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            scratch.deallocate()
            throw GazetteError(.io, "cannot start zlib for \(displayPath)", cause: "inflateInit2 returned \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Refills the compressed buffer; false when the input has ended.
    private func refill() throws(GazetteError) -> Bool {
        if compressedStart >= compressed.count {
            compressed.removeAll(keepingCapacity: true)
            compressedStart = 0
        }
        if inputEnded { return false }
        let got = try input.read(into: &compressed, maxCount: 256 << 10)
        if got == 0 { inputEnded = true; return false }
        return true
    }

    package func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int {
        if let pendingFailure { self.pendingFailure = nil; finished = true; throw pendingFailure }
        guard !finished, maxCount > 0 else { return 0 }
        let maxCount = min(maxCount, scratchSize)
        var produced = 0
        var failure: GazetteError?
        while produced == 0 {
            if compressedStart >= compressed.count {
                let more: Bool
                do { more = try refill() } catch { failure = error; break }
                if !more {
                    if memberOpen {
                        failure = GazetteError(
                            .truncated, "\(displayPath) ends inside a gzip member (the file is truncated)",
                            cause: "after \(inflatedBytes) decompressed bytes")
                    }
                    finished = true
                    break
                }
                // Bytes after a complete member that are all zero are padding some writers add.
                if !memberOpen && compressed[compressedStart...].allSatisfy({ $0 == 0 }) {
                    compressedStart = compressed.count
                    continue
                }
            }
            let available = compressed.count - compressedStart
            var status: Int32 = Z_OK
            var consumed = 0
            compressed.withUnsafeMutableBufferPointer { source in
                do {
                    guard let sourceBase = source.baseAddress else { return }
                    stream.pointee.next_in = sourceBase + compressedStart
                    stream.pointee.avail_in = UInt32(available)
                    stream.pointee.next_out = scratch + produced
                    stream.pointee.avail_out = UInt32(maxCount - produced)
                    status = inflate(stream, Z_NO_FLUSH)
                    consumed = available - Int(stream.pointee.avail_in)
                    produced = maxCount - Int(stream.pointee.avail_out)
                }
            }
            if consumed > 0 || produced > 0 { memberOpen = true }
            compressedStart += consumed
            if status == Z_STREAM_END {
                memberOpen = false
                inflateReset(stream)
                continue
            }
            if status == Z_BUF_ERROR && produced == 0 && consumed == 0 {
                // zlib needs more input than the buffer holds; the loop refills.
                if compressedStart < compressed.count {
                    // Input is present but zlib cannot progress: treat as damage.
                    failure = damage("zlib made no progress")
                    break
                }
                continue
            }
            if status != Z_OK && status != Z_BUF_ERROR {
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                failure = damage(reason)
                break
            }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
        inflatedBytes += produced
        if let failure {
            if produced > 0 { pendingFailure = failure } else { finished = true; throw failure }
        }
        return produced
    }

    private func damage(_ reason: String) -> GazetteError {
        if inflatedBytes == 0 {
            return GazetteError(.truncated, "\(displayPath) is not valid gzip data", cause: reason)
        }
        return GazetteError(
            .truncated, "\(displayPath) has damaged gzip data after \(inflatedBytes) decompressed bytes", cause: reason)
    }
}

package import GazetteCore
import CBZip2

/// Decompresses a bzip2 stream read from another source, in chunks. Concatenated streams (the
/// output of parallel compressors such as `pbzip2`, which Wikidata's dumps may use) read as one.
/// A stream that ends early, or bytes that are not bzip2, throw ``GazetteError/Code/truncated``
/// after every byte before the damage was delivered.
package final class Bzip2ByteSource: ByteSource {
    private let input: any ByteSource
    private let displayPath: String
    private var stream: UnsafeMutablePointer<bz_stream>
    private let scratchSize = 256 << 10
    private let scratch: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256 << 10)
    private var compressed: [UInt8] = []
    private var compressedStart = 0
    private var inputEnded = false
    private var streamOpen = false
    private var finished = false
    private var pendingFailure: GazetteError?
    /// Decompressed bytes delivered so far.
    private(set) var inflatedBytes = 0

    package var rawBytesRead: Int { input.rawBytesRead }

    /// Wraps `input`, whose bytes are bzip2 streams; `displayPath` names it in error messages.
    package init(_ input: any ByteSource, displayPath: String) throws(GazetteError) {
        self.input = input
        self.displayPath = displayPath
        stream = .allocate(capacity: 1)
        stream.initialize(to: bz_stream())
        let status = BZ2_bzDecompressInit(stream, 0, 0)
        guard status == BZ_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            scratch.deallocate()
            throw GazetteError(.io, "cannot start libbz2 for \(displayPath)", cause: "BZ2_bzDecompressInit returned \(status)")
        }
    }

    deinit {
        BZ2_bzDecompressEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    package func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int {
        if let pendingFailure { self.pendingFailure = nil; finished = true; throw pendingFailure }
        guard !finished, maxCount > 0 else { return 0 }
        let maxCount = min(maxCount, scratchSize)
        var produced = 0
        var failure: GazetteError?
        while produced == 0 {
            if compressedStart >= compressed.count {
                compressed.removeAll(keepingCapacity: true)
                compressedStart = 0
                var got = 0
                if !inputEnded {
                    do { got = try input.read(into: &compressed, maxCount: 256 << 10) } catch { failure = error; break }
                }
                if got == 0 {
                    inputEnded = true
                    if streamOpen {
                        failure = GazetteError(.truncated, "\(displayPath) ends inside a bzip2 stream (the file is truncated)",
                                               cause: "after \(inflatedBytes) decompressed bytes")
                    }
                    finished = true
                    break
                }
            }
            let available = compressed.count - compressedStart
            var status: Int32 = BZ_OK
            var consumed = 0
            compressed.withUnsafeMutableBufferPointer { source in
                guard let base = source.baseAddress else { return }
                let next = UnsafeMutableRawPointer(base + compressedStart).assumingMemoryBound(to: CChar.self)
                stream.pointee.next_in = next
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = UnsafeMutableRawPointer(scratch + produced).assumingMemoryBound(to: CChar.self)
                stream.pointee.avail_out = UInt32(maxCount - produced)
                status = BZ2_bzDecompress(stream)
                consumed = available - Int(stream.pointee.avail_in)
                produced = maxCount - Int(stream.pointee.avail_out)
            }
            if consumed > 0 || produced > 0 { streamOpen = true }
            compressedStart += consumed
            if status == BZ_STREAM_END {
                // Another stream may follow: start afresh.
                streamOpen = false
                BZ2_bzDecompressEnd(stream)
                stream.pointee = bz_stream()
                let restart = BZ2_bzDecompressInit(stream, 0, 0)
                if restart != BZ_OK {
                    failure = GazetteError(.io, "cannot restart libbz2 for \(displayPath)", cause: "status \(restart)")
                    break
                }
                continue
            }
            if status != BZ_OK {
                failure = inflatedBytes + produced == 0
                    ? GazetteError(.truncated, "\(displayPath) is not valid bzip2 data", cause: "libbz2 status \(status)")
                    : GazetteError(.truncated, "\(displayPath) has damaged bzip2 data after \(inflatedBytes + produced) decompressed bytes",
                                   cause: "libbz2 status \(status)")
                break
            }
            if consumed == 0 && produced == 0 && compressedStart < compressed.count {
                failure = GazetteError(.truncated, "\(displayPath) has damaged bzip2 data", cause: "libbz2 made no progress")
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
}

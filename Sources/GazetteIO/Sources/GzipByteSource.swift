import CZlib
package import GazetteCore

/// Inflates gzip (or zlib) members read from another source; see ``DecompressingByteSource``.
package typealias GzipByteSource = DecompressingByteSource<GzipDecoder>

/// zlib's inflate, member after member (``StreamDecoder``).
package final class GzipDecoder: StreamDecoder {
    package static let formatName = "gzip"
    package static let unitName = "gzip member"
    package static let skipsZeroPadding = true
    private let stream: UnsafeMutablePointer<z_stream>

    package init(displayPath: String) throws(GazetteError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: the largest window, gzip or zlib header detected.
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GazetteError(.io, "cannot start zlib for \(displayPath)", cause: "inflateInit2 returned \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    package func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> DecodeStep {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else {
            return DecodeStep(consumed: 0, produced: 0, outcome: .progress)
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: inBase)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = outBase
        stream.pointee.avail_out = UInt32(output.count)
        let status = inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
            return DecodeStep(consumed: consumed, produced: produced, outcome: .unitEnd)
        case Z_OK, Z_BUF_ERROR:
            // Z_BUF_ERROR: zlib needs more input (or room) than it was given.
            return DecodeStep(consumed: consumed, produced: produced, outcome: .progress)
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            return DecodeStep(consumed: consumed, produced: produced, outcome: .damaged(reason))
        }
    }

    package func restart(displayPath: String) throws(GazetteError) {
        let status = inflateReset(stream)
        guard status == Z_OK else {
            throw GazetteError(.io, "cannot restart zlib for \(displayPath)", cause: "inflateReset returned \(status)")
        }
    }
}

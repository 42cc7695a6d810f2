import CBZip2
package import GazetteCore

/// Decompresses bzip2 streams read from another source (Wikidata's dumps); see
/// ``DecompressingByteSource``.
package typealias Bzip2ByteSource = DecompressingByteSource<Bzip2Decoder>

/// libbz2's decompress, stream after stream (``StreamDecoder``).
package final class Bzip2Decoder: StreamDecoder {
    package static let formatName = "bzip2"
    package static let unitName = "bzip2 stream"
    package static let skipsZeroPadding = false
    private let stream: UnsafeMutablePointer<bz_stream>

    package init(displayPath: String) throws(GazetteError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: bz_stream())
        let status = BZ2_bzDecompressInit(stream, 0, 0)
        guard status == BZ_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GazetteError(.io, "cannot start libbz2 for \(displayPath)", cause: "BZ2_bzDecompressInit returned \(status)")
        }
    }

    deinit {
        BZ2_bzDecompressEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    package func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> DecodeStep {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else {
            return DecodeStep(consumed: 0, produced: 0, outcome: .progress)
        }
        stream.pointee.next_in = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = BZ2_bzDecompress(stream)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch status {
        case BZ_STREAM_END: return DecodeStep(consumed: consumed, produced: produced, outcome: .unitEnd)
        case BZ_OK: return DecodeStep(consumed: consumed, produced: produced, outcome: .progress)
        default: return DecodeStep(consumed: consumed, produced: produced, outcome: .damaged("libbz2 status \(status)"))
        }
    }

    /// libbz2 has no reset: the stream is ended and started afresh.
    package func restart(displayPath: String) throws(GazetteError) {
        BZ2_bzDecompressEnd(stream)
        stream.pointee = bz_stream()
        let status = BZ2_bzDecompressInit(stream, 0, 0)
        guard status == BZ_OK else {
            throw GazetteError(.io, "cannot restart libbz2 for \(displayPath)", cause: "BZ2_bzDecompressInit returned \(status)")
        }
    }
}

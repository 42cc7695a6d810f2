package import GazetteCore

/// One streaming decompressor (zlib's inflate, libbz2's decompress) as ``DecompressingByteSource``
/// drives it: it decodes what it is given into the space it is given, one unit (a gzip member, a
/// bzip2 stream) after another.
package protocol StreamDecoder: AnyObject {
    /// The format's name in messages (`gzip`).
    static var formatName: String { get }
    /// What the format calls one self-contained unit in messages (`gzip member`).
    static var unitName: String { get }
    /// Whether zero bytes between units are padding to skip (some gzip writers add them).
    static var skipsZeroPadding: Bool { get }

    /// Starts the library; `displayPath` names the input in the error it throws when it cannot.
    init(displayPath: String) throws(GazetteError)
    /// Decodes from `input` into `output`: how many bytes it took and wrote, and what happened.
    func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> DecodeStep
    /// Gets ready for the next unit after one ended; throws when the library refuses.
    func restart(displayPath: String) throws(GazetteError)
}

/// What one call of ``StreamDecoder/decode(_:into:)`` did.
package struct DecodeStep {
    /// What the decoder reported.
    package enum Outcome {
        /// It went on (possibly taking and writing nothing, when it needs more input).
        case progress
        /// The current unit ended; another may follow.
        case unitEnd
        /// The data is damaged; the library's reason.
        case damaged(String)
    }
    /// Input bytes taken.
    package var consumed: Int
    /// Output bytes written.
    package var produced: Int
    /// What happened.
    package var outcome: Outcome

    /// A step that took `consumed` bytes, wrote `produced` and ended in `outcome`.
    package init(consumed: Int, produced: Int, outcome: Outcome) {
        self.consumed = consumed
        self.produced = produced
        self.outcome = outcome
    }
}

/// Decompresses a stream read from another source, in chunks, unit after unit: concatenated gzip
/// members (a `.warc.gz` with one member per record, `cat a.gz b.gz`) or bzip2 streams (the output
/// of parallel compressors such as `pbzip2`) read as one stream.
///
/// A stream that ends inside a unit, or bytes that are not of the format, throw
/// ``GazetteError/Code/truncated`` after every byte before the damage was delivered.
package final class DecompressingByteSource<Decoder: StreamDecoder>: ByteSource {
    private let input: any ByteSource
    private let displayPath: String
    private let decoder: Decoder
    private let scratchSize = 256 << 10
    private let scratch: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256 << 10)
    private var compressed: [UInt8] = []
    private var compressedStart = 0
    private var inputEnded = false
    private var unitOpen = false
    private var finished = false
    private var pendingFailure: GazetteError?
    /// Decompressed bytes delivered so far.
    private var decodedBytes = 0

    package var rawBytesRead: Int { input.rawBytesRead }

    /// Wraps `input`, whose bytes are units of the decoder's format; `displayPath` names it in
    /// error messages.
    package init(_ input: any ByteSource, displayPath: String) throws(GazetteError) {
        self.input = input
        self.displayPath = displayPath
        do {
            decoder = try Decoder(displayPath: displayPath)
        } catch {
            scratch.deallocate()
            throw error
        }
    }

    deinit {
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
                    if unitOpen {
                        failure = GazetteError(
                            .truncated, "\(displayPath) ends inside a \(Decoder.unitName) (the file is truncated)",
                            cause: "after \(decodedBytes) decompressed bytes")
                    }
                    finished = true
                    break
                }
                if Decoder.skipsZeroPadding && !unitOpen && compressed[compressedStart...].allSatisfy({ $0 == 0 }) {
                    compressedStart = compressed.count
                    continue
                }
            }
            let available = compressed.count - compressedStart
            let start = compressedStart, room = maxCount - produced
            let step = compressed.withUnsafeBufferPointer { source in
                decoder.decode(
                    UnsafeBufferPointer(rebasing: source[start..<(start + available)]),
                    into: UnsafeMutableBufferPointer(start: scratch + produced, count: room))
            }
            produced += step.produced
            compressedStart += step.consumed
            if step.consumed > 0 || step.produced > 0 { unitOpen = true }
            switch step.outcome {
            case .unitEnd:
                unitOpen = false
                do { try decoder.restart(displayPath: displayPath) } catch { failure = error }
                if failure != nil { break }
                continue
            case .damaged(let reason):
                failure = damage(reason, delivered: decodedBytes + produced)
            case .progress:
                // Nothing taken or written with input left: the library is stuck on damaged data.
                // With no input left, the loop refills.
                if step.consumed == 0 && step.produced == 0 && compressedStart < compressed.count {
                    failure = damage("\(Decoder.formatName) decoder made no progress", delivered: decodedBytes + produced)
                }
            }
            if failure != nil { break }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
        decodedBytes += produced
        if let failure {
            if produced > 0 { pendingFailure = failure } else { finished = true; throw failure }
        }
        return produced
    }

    private func damage(_ reason: String, delivered: Int) -> GazetteError {
        if delivered == 0 {
            return GazetteError(.truncated, "\(displayPath) is not valid \(Decoder.formatName) data", cause: reason)
        }
        return GazetteError(
            .truncated, "\(displayPath) has damaged \(Decoder.formatName) data after \(delivered) decompressed bytes", cause: reason)
    }
}

// Fuzz target: arbitrary bytes as a WARC file → WARCReader (ArticleIO), including HTTP parsing,
// chunked transfer encoding and Content-Encoding: gzip bodies, with a small record limit.
// Inputs that start with the gzip magic are also read as a .warc.gz. Checks, besides "no trap":
// - the reader ends, and a damaged file yields at most one error record for the file, last;
// - the same events whatever the read chunk size (1 byte, 7 bytes, 256 KiB) and when the bytes
//   arrive through gzip, one member per WARC record as crawlers write them;
// - no article over the record limit.
@testable import ArticleIO
import FuzzDriver
import GazetteCore

let limits: Limits = {
    var limits = Limits()
    limits.maxRecordBytes = 4096
    return limits
}()

func events(_ source: any ByteSource, chunkSize: Int) -> [String] {
    let reader = WARCReader(
        input: BufferedInput(source, chunkSize: chunkSize), fileID: "file-error", originPath: "fuzz.warc",
        limits: limits, positionBase: 0)
    return summarize(reader.next, limits: limits)
}

/// Offsets where a `WARC/` version line starts (after the first), to split gzip members there.
func recordStarts(_ bytes: [UInt8]) -> [Int] {
    let marker = Array("\nWARC/".utf8)
    var cuts: [Int] = []
    var index = 0
    while index + marker.count <= bytes.count {
        if bytes[index] == 0x0A, bytes[index..<(index + marker.count)].elementsEqual(marker) { cuts.append(index + 1) }
        index += 1
    }
    return cuts
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzWARCReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    if bytes.starts(with: [0x1F, 0x8B]) {
        // A .warc.gz as given: only "no trap" and termination can be checked.
        if let gzip = try? GzipByteSource(MemoryByteSource(bytes), displayPath: "fuzz.warc.gz") {
            _ = events(gzip, chunkSize: 256 << 10)
        }
        return 0
    }
    let reference = events(MemoryByteSource(bytes), chunkSize: 256 << 10)
    for (k, line) in reference.enumerated() where line.hasPrefix("error file-error ") && k != reference.count - 1 {
        fatalError("file error record is not last: \(reference)")
    }
    for chunkSize in [1, 7] where events(MemoryByteSource(bytes), chunkSize: chunkSize) != reference {
        fatalError("chunk size \(chunkSize) changes the events")
    }
    guard let gzip = try? GzipByteSource(MemoryByteSource(StoredGzip.members(bytes, cuts: recordStarts(bytes))), displayPath: "fuzz.warc.gz") else {
        fatalError("cannot start zlib")
    }
    let throughGzip = events(gzip, chunkSize: 64)
    guard throughGzip == reference else { fatalError("gzip changes the events: \(throughGzip) vs \(reference)") }
    return 0
}

runFuzzer(fuzzWARCReader)

// Fuzz target: arbitrary bytes as a JSONL file → JSONLReader (ArticleIO), with small limits so the
// limit paths run. Checks, besides "no trap":
// - one record per non-blank line (nothing lost, nothing invented);
// - the same records whatever the read chunk size (1 byte, 7 bytes, 256 KiB) and when the bytes
//   arrive through gzip (split into several members);
// - no article over the record limit.
@testable import ArticleIO
import FuzzDriver
import GazetteCore

let limits: Limits = {
    var limits = Limits()
    limits.maxLineBytes = 512
    limits.maxRecordBytes = 128
    return limits
}()

func records(_ source: any ByteSource, chunkSize: Int) -> [String] {
    let reader = JSONLReader(
        input: BufferedInput(source, chunkSize: chunkSize), fileLabel: "fuzz.jsonl", fileID: "fuzz",
        originPath: "fuzz.jsonl", limits: limits, positionBase: 0)
    return summarize(reader.next, limits: limits)
}

/// Lines that are not blank (only space, tab, CR), as the JSONL rules define records.
func recordLineCount(_ bytes: [UInt8]) -> Int {
    var count = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        count += 1
    }
    return count
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSONLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let reference = records(MemoryByteSource(bytes), chunkSize: 256 << 10)
    guard reference.count == recordLineCount(bytes) else {
        fatalError("\(reference.count) records for \(recordLineCount(bytes)) non-blank lines: \(reference)")
    }
    for chunkSize in [1, 7] where records(MemoryByteSource(bytes), chunkSize: chunkSize) != reference {
        fatalError("chunk size \(chunkSize) changes the records")
    }
    let cuts = [bytes.count / 3, bytes.count / 2].filter { $0 > 0 }
    guard let gzip = try? GzipByteSource(MemoryByteSource(StoredGzip.members(bytes, cuts: cuts)), displayPath: "fuzz.jsonl.gz") else {
        fatalError("cannot start zlib")
    }
    let throughGzip = records(gzip, chunkSize: 64)
    guard throughGzip == reference else { fatalError("gzip changes the records: \(throughGzip) vs \(reference)") }
    return 0
}

runFuzzer(fuzzJSONLReader)

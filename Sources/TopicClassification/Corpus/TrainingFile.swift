import Foundation
import GazetteCore
import GazetteIO

/// Reads a training data file whole, inflating it when it is gzip (the labelled news sets ship as
/// `.jsonl.gz`).
enum TrainingFile {
    /// The bytes of the file at `path`, decompressed when they start with the gzip magic bytes.
    static func read(_ path: String) throws(GazetteError) -> [UInt8] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GazetteError(.io, "could not read the training data \(path)", cause: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B else { return bytes }
        switch try Inflate.inflate(bytes, limit: maxInflatedBytes, displayName: path) {
        case .bytes(let inflated): return inflated
        case .tooLarge:
            throw GazetteError(.limitExceeded, "\(path) inflates to more than \(maxInflatedBytes >> 20) MiB; is it the right file?")
        }
    }

    /// The most bytes a gzip training file may inflate to (the largest set, 20 Newsgroups, is 22 MiB).
    static let maxInflatedBytes = 1 << 30

    /// Splits `bytes` into JSON objects, one per non-blank line; `name` appears in error messages.
    static func jsonLines(_ bytes: [UInt8], name: String) throws(GazetteError) -> [[String: Any]] {
        var records: [[String: Any]] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw GazetteError(.invalidJSON, "\(name):\(lineNumber): not a JSON object")
            }
            records.append(object)
        }
        return records
    }
}

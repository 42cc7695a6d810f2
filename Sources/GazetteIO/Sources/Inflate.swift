package import GazetteCore
/// One-shot decompression of bytes in memory (an HTTP body with `Content-Encoding: gzip`).
package enum Inflate {
    /// Outcome of inflating with a size cap.
    package enum Outcome {
        /// The decompressed bytes.
        case bytes([UInt8])
        /// The output grew past the cap (a gzip bomb or an over-large page).
        case tooLarge
    }

    /// Inflates gzip or zlib `bytes`, stopping once the output passes `limit` bytes.
    package static func inflate(_ bytes: [UInt8], limit: Int, displayName: String) throws(GazetteError) -> Outcome {
        try readAll(from: GzipByteSource(MemoryByteSource(bytes), displayPath: displayName), limit: limit)
    }

    /// Reads `source` to its end, or stops once more than `limit` bytes came out.
    package static func readAll(from source: any ByteSource, limit: Int) throws(GazetteError) -> Outcome {
        var out: [UInt8] = []
        while true {
            let want = min(256 << 10, limit + 1 - out.count)
            let got = try source.read(into: &out, maxCount: want)
            if out.count > limit { return .tooLarge }
            if got == 0 { return .bytes(out) }
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GazetteCore

/// The learned part of the recogniser: a hashed table of per-label weights (one row of
/// ``NERTag/count`` weights per feature-hash bucket), scored by summing the rows of a token's features.
///
/// The file format is our own: magic `GZNER`, a version, the table size and the rows that are not
/// zero, with weights quantised to 16 bits, then the word clusters the model was trained with.
public struct PerceptronModel: Sendable {
    /// Version of the feature templates; a model trained with other templates is refused.
    public static let featureVersion: UInt32 = 2
    /// log2 of the number of rows.
    public let bits: Int
    /// Weights quantised to 16 bits, row-major: the weight of `tag` in `row` is
    /// `Float(quantizedWeights[row * NERTag.count + tag]) * scale`. The decoder sums them as
    /// integers: half the memory of 32-bit weights, so more of the table stays in the caches.
    private(set) var quantizedWeights: [Int16]
    /// The value of one quantisation step.
    private(set) var scale: Float = 1
    /// The word clusters the features were computed with.
    public internal(set) var clusters: WordClusters

    /// A zero model with `2^bits` rows.
    public init(bits: Int, clusters: WordClusters = WordClusters()) {
        self.bits = bits
        self.quantizedWeights = [Int16](repeating: 0, count: (1 << bits) * NERTag.count)
        self.clusters = clusters
    }

    /// The weights, row-major: `weights[row * NERTag.count + tag]`. Setting them quantises them
    /// to 16 bits (the largest magnitude becomes 32767), as the model file stores them.
    public var weights: [Float] {
        get { quantizedWeights.map { Float($0) * scale } }
        set {
            var maxAbs: Float = 0
            for w in newValue { maxAbs = max(maxAbs, abs(w)) }
            scale = maxAbs > 0 ? maxAbs / 32767 : 1
            quantizedWeights = newValue.map { Int16(clamping: Int(($0 / scale).rounded())) }
        }
    }

    /// The row of a feature hash.
    @inline(__always)
    func row(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }

    /// Number of rows holding a non-zero weight.
    public var nonZeroRows: Int {
        var count = 0
        var r = 0
        while r < quantizedWeights.count {
            for t in 0..<NERTag.count where quantizedWeights[r + t] != 0 { count += 1; break }
            r += NERTag.count
        }
        return count
    }

    // MARK: File format

    private static let magic: [UInt8] = Array("GZNER".utf8)

    /// The model as bytes: header, then the non-zero rows as (row-index delta, 16-bit weights), then
    /// the cluster count and (word hash, packed ids) pairs in hash order.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Self.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(Self.featureVersion)
        u32(UInt32(bits))
        u32(UInt32(NERTag.count))
        u32(scale.bitPattern)
        u32(UInt32(nonZeroRows))
        var lastRow = 0
        let stride = NERTag.count
        for row in 0..<(1 << bits) {
            let base = row * stride
            var any = false
            for t in 0..<stride where quantizedWeights[base + t] != 0 { any = true; break }
            guard any else { continue }
            // Row delta as a LEB128 varint.
            var delta = UInt32(row - lastRow)
            lastRow = row
            repeat {
                var byte = UInt8(delta & 0x7F)
                delta >>= 7
                if delta != 0 { byte |= 0x80 }
                out.append(byte)
            } while delta != 0
            for t in 0..<stride {
                withUnsafeBytes(of: quantizedWeights[base + t].littleEndian) { out.append(contentsOf: $0) }
            }
        }
        u32(UInt32(clusters.count))
        for pair in clusters.pairs {
            withUnsafeBytes(of: pair.hash.littleEndian) { out.append(contentsOf: $0) }
            u32(pair.ids)
        }
        return out
    }

    /// Reads a model from bytes written by ``serialized()``.
    public init(bytes: [UInt8], origin: String = "model") throws(GazetteError) {
        func bad(_ why: String) -> GazetteError {
            GazetteError(.model, "\(origin) is not a usable entity model (\(why)); retrain it with 'gazette ner train'")
        }
        guard bytes.count >= 25, Array(bytes[0..<5]) == Self.magic else { throw bad("wrong magic") }
        var p = 5
        func u32() -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[p + k]) << (8 * k) }
            p += 4
            return v
        }
        let version = u32()
        guard version == Self.featureVersion else { throw bad("feature version \(version), this build needs \(Self.featureVersion)") }
        let bits = Int(u32())
        guard bits >= 8, bits <= 26 else { throw bad("table size 2^\(bits)") }
        guard u32() == UInt32(NERTag.count) else { throw bad("label count") }
        let scale = Float(bitPattern: u32())
        guard scale.isFinite, scale > 0 else { throw bad("scale") }
        let rows = Int(u32())
        self.init(bits: bits)
        self.scale = scale
        let stride = NERTag.count
        let tableRows = 1 << bits
        // The rows are most of the file (hundreds of thousands): read them through unsafe buffers,
        // every index checked against the buffer's count first, as the checked loop did.
        let decoded: Int? = bytes.withUnsafeBufferPointer { input in
            quantizedWeights.withUnsafeMutableBufferPointer { table -> Int? in
                var p = p
                var row = 0
                for _ in 0..<rows {
                    var delta = 0
                    var shift = 0
                    while true {
                        guard p < input.count, shift < 35 else { return nil }
                        let b = input[p]
                        p += 1
                        delta |= Int(b & 0x7F) << shift
                        shift += 7
                        if b & 0x80 == 0 { break }
                    }
                    row += delta
                    guard row < tableRows, p + 2 * stride <= input.count else { return nil }
                    let base = row * stride
                    for t in 0..<stride {
                        table[base + t] = Int16(bitPattern: UInt16(input[p]) | UInt16(input[p + 1]) << 8)
                        p += 2
                    }
                }
                return p
            }
        }
        guard let end = decoded else { throw bad("truncated") }
        p = end
        guard p + 4 <= bytes.count else { throw bad("truncated") }
        let clusterCount = Int(u32())
        guard clusterCount <= (bytes.count - p) / 12 else { throw bad("truncated") }
        var pairs: [(hash: UInt64, ids: UInt32)] = []
        pairs.reserveCapacity(clusterCount)
        for _ in 0..<clusterCount {
            var hash: UInt64 = 0
            for k in 0..<8 { hash |= UInt64(bytes[p + k]) << (8 * k) }
            p += 8
            pairs.append((hash, u32()))
        }
        clusters = WordClusters(pairs: pairs)
        guard p == bytes.count else { throw bad("trailing bytes") }
    }

    /// Reads a model file.
    public init(contentsOf path: String) throws(GazetteError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteError(.model, "cannot read the entity model \(path); train one with 'gazette ner train' or check the data folder")
        }
        try self.init(bytes: [UInt8](data), origin: path)
    }

    /// Writes the model file.
    public func write(to path: String) throws(GazetteError) {
        let bytes = serialized()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw GazetteError(.io, "cannot write the entity model to \(path)")
        }
    }

    /// The same model (its weights are always held as the file stores them, so a trained model
    /// tags exactly as it will after saving and loading).
    public func quantized() -> PerceptronModel { self }
}

import Foundation

/// Turns text into the model's input: hashed unigram and bigram counts, log-scaled, IDF-weighted,
/// L2-normalised.
public struct FeatureExtractor: Sendable {
    /// The featurisation settings.
    public let options: FeatureOptions
    /// Inverse document frequency per bucket (empty when `options.idf` is off).
    public let idf: [Float]
    let hasher: WordHasher
    /// Word clusters whose ids are features too (at `options.clusterLevels`), or nil.
    public let clusters: TopicWordClusters?

    /// Creates an extractor; `idf` must have `options.dimension` entries when `options.idf` is on.
    /// Cluster features need both `clusters` and `options.clusterLevels`.
    public init(options: FeatureOptions, idf: [Float] = [], clusters: TopicWordClusters? = nil) {
        self.options = options
        self.idf = idf
        self.hasher = WordHasher(options: options)
        self.clusters = options.clusterLevels.isEmpty ? nil : clusters
    }

    /// The distinct buckets of `text` with their raw counts, indices increasing.
    public func counts(_ text: String) -> SparseVector {
        counts([text])
    }

    /// The distinct buckets of several text parts (title, body) counted together.
    public func counts(_ parts: [String]) -> SparseVector {
        var buckets: [Int32] = []
        let levels = clusterLevels
        for part in parts {
            var copy = part
            copy.withUTF8 { bytes in
                guard let clusters else {
                    hasher.forEachBucket(inBytes: bytes) { buckets.append(Int32(truncatingIfNeeded: $0)) }
                    return
                }
                hasher.forEachFeature(inBytes: bytes, word: { hash, _ in
                    guard let index = clusters.find(hash) else { return }
                    for level in levels {
                        buckets.append(Int32(truncatingIfNeeded: TopicWordClusters.bucket(level: level, id: clusters.id(at: index, level: level), mask: hasher.mask)))
                    }
                }) { bucket, _ in buckets.append(Int32(truncatingIfNeeded: bucket)) }
            }
        }
        return Self.runLength(&buckets)
    }

    /// Calls `body` with the cluster bucket of every content word of `bytes` that the cluster table
    /// has, at each of `options.clusterLevels`, and the word's byte range.
    func forEachClusterBucket(inBytes bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Void) {
        guard let clusters else { return }
        let levels = clusterLevels
        hasher.forEachContentWord(inBytes: bytes) { hash, range in
            guard let index = clusters.find(hash) else { return }
            for level in levels {
                body(TopicWordClusters.bucket(level: level, id: clusters.id(at: index, level: level), mask: hasher.mask), range)
            }
        }
    }

    /// The usable cluster granularities (columns the table has).
    var clusterLevels: [Int] {
        guard let clusters else { return [] }
        return options.clusterLevels.filter { $0 >= 0 && $0 < clusters.levels }
    }

    /// The buckets cluster features can fall in (empty without clusters).
    var clusterBuckets: Set<Int> {
        guard let clusters else { return [] }
        var buckets = Set<Int>()
        for level in options.clusterLevels where level >= 0 && level < clusters.levels {
            for index in 0..<clusters.count {
                buckets.insert(TopicWordClusters.bucket(level: level, id: clusters.id(at: index, level: level), mask: hasher.mask))
            }
        }
        return buckets
    }

    /// The model input for raw counts: `1 + log(count)` (if sublinear), times IDF (if on), unit length.
    public func weigh(_ counts: SparseVector) -> SparseVector {
        var vector = counts
        let useIDF = options.idf && idf.count == options.dimension
        for k in vector.values.indices {
            var v = vector.values[k]
            if options.sublinearTF { v = v < 64 ? Self.logTable[Int(v)] : 1 + logf(v) }
            if useIDF { v *= idf[Int(vector.indices[k])] }
            vector.values[k] = v
        }
        vector.normalize()
        return vector
    }

    /// The model input for `parts` of one document (e.g. title and body).
    public func features(_ parts: [String]) -> SparseVector {
        weigh(counts(parts))
    }

    /// `1 + log(n)` for small counts, so most words cost a table look-up instead of a logarithm.
    static let logTable: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + logf(Float($0)) }

    static func runLength(_ buckets: inout [Int32]) -> SparseVector {
        guard !buckets.isEmpty else { return SparseVector() }
        buckets.sort()
        var indices: [Int32] = []
        var values: [Float] = []
        indices.reserveCapacity(buckets.count)
        values.reserveCapacity(buckets.count)
        var current = buckets[0]
        var count: Float = 0
        for b in buckets {
            if b == current {
                count += 1
            } else {
                indices.append(current)
                values.append(count)
                current = b
                count = 1
            }
        }
        indices.append(current)
        values.append(count)
        return SparseVector(indices: indices, values: values)
    }
}

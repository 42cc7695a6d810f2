/// A sparse feature vector: bucket indices in increasing order with their values.
public struct SparseVector: Sendable, Hashable {
    /// Bucket indices, strictly increasing.
    public var indices: [Int32]
    /// Values, one per index.
    public var values: [Float]

    /// An empty vector.
    public init() {
        indices = []
        values = []
    }

    /// Creates a vector from matching index and value arrays (indices strictly increasing).
    public init(indices: [Int32], values: [Float]) {
        self.indices = indices
        self.values = values
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }

    /// Scales the vector to unit Euclidean length (no-op for the zero vector).
    public mutating func normalize() {
        var sum: Float = 0
        for v in values { sum += v * v }
        guard sum > 0 else { return }
        let inv = 1 / sum.squareRoot()
        for i in values.indices { values[i] *= inv }
    }
}

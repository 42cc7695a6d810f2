@_spi(GazetteInternal) import GazetteCore

/// A small deterministic random number generator (SplitMix64), so training is reproducible.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence on every platform.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= StableHash.golden
        return StableHash.finalize(state)
    }

    /// A deterministic Fisher–Yates shuffle (the standard library's may change between releases).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}

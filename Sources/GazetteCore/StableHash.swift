/// The one place that defines Gazette's hash functions: FNV-1a over bytes and the splitmix64 mixer.
///
/// These hashes are persisted: the entity model's feature rows, the topic model's buckets, the
/// compiled gazetteer cache's name and index, and the HTML cleaner's class-word tables all depend on
/// them returning the same values forever, on every platform. `StableHashTests` pins golden values;
/// a change here that moves one invalidates every shipped model. (Swift's `Hasher` is seeded per
/// process and must never be used for anything that is stored.)
///
/// It is SPI (`@_spi(GazetteInternal) import GazetteCore`), not `package`: Swift 6.3 does not inline
/// a `package` function into another module, and these run once per byte of every token and
/// feature. Outside Gazette's own modules it is not part of the API.
@_spi(GazetteInternal) public enum StableHash {
    /// FNV-1a 64-bit offset basis: the hash of no bytes.
    @inlinable public static var fnvOffset: UInt64 { 0xCBF2_9CE4_8422_2325 }
    /// FNV-1a 64-bit prime.
    @inlinable public static var fnvPrime: UInt64 { 0x0000_0100_0000_01B3 }
    /// FNV-1a 32-bit offset basis.
    @inlinable public static var fnv32Offset: UInt32 { 0x811C_9DC5 }
    /// FNV-1a 32-bit prime.
    @inlinable public static var fnv32Prime: UInt32 { 0x0100_0193 }
    /// 2^64 divided by the golden ratio: the splitmix64 increment, also used to spread a hash before
    /// combining it with another.
    @inlinable public static var golden: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// Adds one byte to an FNV-1a 64-bit hash.
    @inlinable @inline(__always)
    public static func fnv1a(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* fnvPrime
    }

    /// FNV-1a 64-bit hash of `bytes`.
    @inlinable
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = fnv1a(hash, byte) }
        return hash
    }

    /// FNV-1a 64-bit hash of `bytes` with ASCII capitals lower-cased (other bytes unchanged).
    @inlinable
    public static func fnv1aASCIILowercased(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = fnv1a(hash, asciiLowercased(byte)) }
        return hash
    }

    /// `byte` with an ASCII capital turned into its small letter.
    @inlinable @inline(__always)
    public static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Adds one byte to an FNV-1a 32-bit hash.
    @inlinable @inline(__always)
    public static func fnv1a32(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
        (hash ^ UInt32(byte)) &* fnv32Prime
    }

    /// The splitmix64 finaliser: spreads every input bit over the whole word, so that the low bits of
    /// the result can index a table.
    @inlinable @inline(__always)
    public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One splitmix64 step on `value`: adds the golden increment, then finalises.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 { finalize(value &+ golden) }

    /// Extends a hash of a sequence (tokens of a name, files of a cache key) by one element's hash;
    /// order matters. This is a different finaliser (shifts 31 and 29) from ``finalize(_:)``: the
    /// compiled gazetteer's index keys were built with it.
    @inlinable @inline(__always)
    public static func extend(_ sequence: UInt64, _ element: UInt64) -> UInt64 {
        var x = (sequence ^ element) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }

    /// A deterministic random number generator (splitmix64): the same seed gives the same sequence
    /// on every platform and release, unlike the standard library's generator.
    public struct Generator: RandomNumberGenerator, Sendable {
        private var state: UInt64

        /// A generator that starts from `seed`.
        public init(seed: UInt64) { state = seed }

        /// The next 64 random bits.
        public mutating func next() -> UInt64 {
            state &+= StableHash.golden
            return StableHash.finalize(state)
        }
    }
}

@_spi(GazetteInternal) import GazetteCore

/// Byte-level hashing for the tagger's features: words, shapes and affixes become 64-bit hashes,
/// combined with a template id into a row of the hashed weight table, without allocating strings.
enum FeatureHash {
    static let seed = StableHash.fnvOffset
    static let prime = StableHash.fnvPrime

    /// Mixes 64 bits (one splitmix64 step), so nearby inputs land far apart.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 { StableHash.mix(value) }

    /// Combines two hashes (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* StableHash.golden ^ b) }

    /// FNV-1a hash of `bytes[start..<end]` with ASCII letters lower-cased.
    @inline(__always)
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        var i = start
        while i < end {
            h = StableHash.fnv1a(h, StableHash.asciiLowercased(bytes[i]))
            i += 1
        }
        return h
    }

    /// FNV-1a hash of a string's bytes with ASCII letters lower-cased (for lexicon entries; equals
    /// ``lowercased(_:_:_:)`` on the same bytes).
    static func lowercased(_ text: String) -> UInt64 { StableHash.fnv1aASCIILowercased(text.utf8) }

    /// A hash for a small constant (template values, flags).
    @inline(__always)
    static func value(_ v: Int) -> UInt64 { mix(UInt64(bitPattern: Int64(v)) &+ 0x1234_5678) }
}

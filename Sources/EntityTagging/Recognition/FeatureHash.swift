/// Byte-level hashing for the tagger's features: words, shapes and affixes become 64-bit hashes,
/// combined with a template id into a row of the hashed weight table, without allocating strings.
enum FeatureHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Mixes 64 bits (the splitmix64 finaliser), so nearby inputs land far apart.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines two hashes (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b) }

    /// FNV-1a hash of `bytes[start..<end]` with ASCII letters lower-cased.
    @inline(__always)
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        var i = start
        while i < end {
            var b = bytes[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
            i += 1
        }
        return h
    }

    /// FNV-1a hash of a string's bytes with ASCII letters lower-cased (for lexicon entries; equals
    /// ``lowercased(_:_:_:)`` on the same bytes).
    static func lowercased(_ text: String) -> UInt64 {
        var h = seed
        for var b in text.utf8 {
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }

    /// A hash for a small constant (template values, flags).
    @inline(__always)
    static func value(_ v: Int) -> UInt64 { mix(UInt64(bitPattern: Int64(v)) &+ 0x1234_5678) }
}

internal import GazetteCore
internal import TextAnalysis

/// Hashes of folded tokens and token sequences: the keys of the gazetteer index.
///
/// A token hashes to FNV-1a of its folded bytes (ASCII lower-cased in place, other tokens through
/// ``TextFolding``); a sequence combines its token hashes, so the matcher extends a key one token
/// at a time without building strings.
public enum TokenHash {
    /// The seed of an empty sequence.
    public static let empty: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Extends a sequence hash by one token hash.
    @inline(__always)
    public static func combine(_ sequence: UInt64, _ token: UInt64) -> UInt64 {
        var x = (sequence ^ token) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }

    /// The hash of one token's bytes after folding.
    @inline(__always)
    public static func token(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var ascii = true
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            if b >= 0x80 { ascii = false; break }
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
        }
        if ascii { return h }
        return string(TextFolding.fold(bytes))
    }

    /// FNV-1a of an already folded string.
    public static func string(_ folded: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in folded.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

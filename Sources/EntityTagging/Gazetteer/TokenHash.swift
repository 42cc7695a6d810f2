@_spi(GazetteInternal) import GazetteCore
import TextAnalysis

/// Hashes of folded tokens and token sequences: the keys of the gazetteer index.
///
/// A token hashes to FNV-1a of its folded bytes (ASCII lower-cased in place, other tokens through
/// ``TextFolding``); a sequence combines its token hashes, so the matcher extends a key one token
/// at a time without building strings.
package enum TokenHash {
    /// The seed of an empty sequence.
    public static let empty = StableHash.golden

    /// Extends a sequence hash by one token hash.
    @inline(__always)
    public static func combine(_ sequence: UInt64, _ token: UInt64) -> UInt64 { StableHash.extend(sequence, token) }

    /// The hash of one token's bytes after folding.
    @inline(__always)
    public static func token(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var ascii = true
        var h = StableHash.fnvOffset
        for b in bytes {
            if b >= 0x80 { ascii = false; break }
            h = StableHash.fnv1a(h, StableHash.asciiLowercased(b))
        }
        if ascii { return h }
        return string(TextFolding.fold(bytes))
    }

    /// FNV-1a of an already folded string.
    public static func string(_ folded: String) -> UInt64 { StableHash.fnv1a(folded.utf8) }
}

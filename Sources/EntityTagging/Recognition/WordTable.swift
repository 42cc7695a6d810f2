@_spi(GazetteInternal) import GazetteCore

/// A small open-addressing hash table from 64-bit word hashes to integer flags, for the
/// recogniser's per-token look-ups (cue lists, how a word is written elsewhere in the article,
/// what it was labelled before): no re-hashing of the already mixed keys and no allocation per look-up.
struct WordTable<Value: FixedWidthInteger & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var mask: Int
    /// Number of keys stored.
    private(set) var count = 0

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: 0, count: size)
        mask = size - 1
    }

    /// Key 0 marks an empty slot, so a real 0 is stored as 1.
    @inline(__always)
    private static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func start(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* StableHash.golden) >> 32) & mask }

    /// The value stored for `key`, or 0.
    @inline(__always)
    subscript(_ key: UInt64) -> Value {
        let k = Self.slotKey(key)
        var i = start(k)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `key`.
    @inline(__always)
    mutating func set(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.slotKey(key)
        var i = start(k)
        while true {
            let stored = keys[i]
            if stored == k { values[i] = value; return }
            if stored == 0 {
                keys[i] = k
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Adds bits to the value of `key`.
    @inline(__always)
    mutating func insertBits(_ key: UInt64, _ bits: Value) { set(key, self[key] | bits) }

    private mutating func grow() {
        var bigger = WordTable(capacity: keys.count)
        for (k, v) in zip(keys, values) where k != 0 { bigger.set(k, v) }
        self = bigger
    }
}

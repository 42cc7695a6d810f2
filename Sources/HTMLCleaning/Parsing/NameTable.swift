@_spi(GazetteInternal) import GazetteCore

/// A fixed map from short ASCII names (element and attribute names, at most 16 bytes) to values,
/// looked up straight from a NUL-terminated C string without building a Swift `String`.
struct NameTable<Value: Sendable>: Sendable {
    private var firstWords: [UInt64]
    private var secondWords: [UInt64]
    private var values: [Value?]
    private let mask: Int

    /// Builds the table from lowercase names.
    init(_ entries: [(String, Value)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        firstWords = Array(repeating: 0, count: size)
        secondWords = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        for (name, value) in entries {
            let bytes = Array(name.utf8)
            guard bytes.count <= 16, !bytes.isEmpty else { continue }
            let (first, second) = NameTable.pack(bytes)
            var index = NameTable.slot(first, second, mask: mask)
            while values[index] != nil { index = (index + 1) & mask }
            firstWords[index] = first
            secondWords[index] = second
            values[index] = value
        }
    }

    private static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var first: UInt64 = 0, second: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { first |= UInt64(byte) << (8 * UInt64(offset)) } else { second |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        return (first, second)
    }

    @inline(__always)
    private static func slot(_ first: UInt64, _ second: UInt64, mask: Int) -> Int {
        let mixed = (first ^ (second &* StableHash.golden)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The value for a NUL-terminated name, ASCII letters compared case-insensitively.
    @inline(__always)
    func value(_ name: UnsafePointer<UInt8>) -> Value? {
        var first: UInt64 = 0, second: UInt64 = 0
        var offset = 0
        while true {
            var byte = name[offset]
            if byte == 0 { break }
            if offset == 16 { return nil }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if offset < 8 { first |= UInt64(byte) << (8 * UInt64(offset)) } else { second |= UInt64(byte) << (8 * UInt64(offset - 8)) }
            offset += 1
        }
        guard offset > 0 else { return nil }
        var index = NameTable.slot(first, second, mask: mask)
        while let value = values[index] {
            if firstWords[index] == first && secondWords[index] == second { return value }
            index = (index + 1) & mask
        }
        return nil
    }
}

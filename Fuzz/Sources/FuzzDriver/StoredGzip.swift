/// Writes bytes as gzip members with stored (uncompressed) deflate blocks: enough for a fuzz
/// target to check that reading through the gzip layer gives the same records as reading raw.
public enum StoredGzip {
    /// `bytes` as one gzip member per part, split at `cuts` (sorted offsets inside `bytes`).
    public static func members(_ bytes: [UInt8], cuts: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            out += member(Array(bytes[start..<end]))
            start = end
        }
        return out
    }

    /// One gzip member holding `bytes`.
    public static func member(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<(offset + length)]
            offset += length
        } while offset < bytes.count
        appendLittleEndian(crc32(bytes), to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count), to: &out)
        return out
    }

    private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8((value >> (8 * UInt32(k))) & 0xFF)) }
    }

    /// CRC-32 (IEEE 802.3, reflected), bit by bit: inputs are small.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

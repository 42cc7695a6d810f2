/// Counts what a byte buffer holds as UTF-8: well-formed multi-byte sequences, malformed ones and
/// C0 control bytes (other than tab, newline, form feed and carriage return).
struct UTF8Validation: Equatable {
    /// Well-formed sequences of two to four bytes.
    var multiByteSequences = 0
    /// Bytes or truncated sequences that are not UTF-8.
    var invalidSequences = 0
    /// NUL and other control bytes that do not belong in text.
    var controlBytes = 0

    /// True when every byte belongs to a well-formed sequence.
    var isValid: Bool { invalidSequences == 0 }

    /// Scans `bytes` (or the first `limit` of them).
    static func scan(_ bytes: [UInt8], from start: Int = 0, limit: Int = .max) -> UTF8Validation {
        bytes.withUnsafeBufferPointer { scan($0, from: start, limit: limit) }
    }

    /// Scans a buffer.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, limit: Int = .max) -> UTF8Validation {
        var result = UTF8Validation()
        let end = limit == .max ? buffer.count : min(buffer.count, start &+ limit)
        var index = start
        guard let base = buffer.baseAddress else { return result }
        let raw = UnsafeRawPointer(base)
        while index < end {
            // Fast path: eight ASCII bytes with no control characters at once.
            if index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // High bit set in any byte, or any byte below 0x20 (checked by adding 0x60 to each byte).
                let high = word & 0x8080_8080_8080_8080
                let low = (word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                if high == 0 && low == 0x8080_8080_8080_8080 {
                    index += 8
                    continue
                }
            }
            let byte = buffer[index]
            if byte < 0x80 {
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D { result.controlBytes += 1 }
                index += 1
                continue
            }
            let length = sequenceLength(buffer, at: index, end: end)
            if length > 0 {
                result.multiByteSequences += 1
                index += length
            } else if end == buffer.count && isCutAtEnd(buffer, at: index) {
                // A page cut off inside its last character is still UTF-8 (a truncated download).
                break
            } else {
                result.invalidSequences += 1
                index += 1
            }
        }
        return result
    }

    /// True when the bytes from `index` to the end of `buffer` are the start of a multi-byte sequence
    /// that the end of the buffer cut short: a lead byte followed only by continuation bytes.
    static func isCutAtEnd(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let expected: Int
        switch buffer[index] {
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return false
        }
        guard buffer.count - index < expected else { return false }
        return buffer[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// Length of the well-formed multi-byte sequence starting at `index`, or 0 if there is none.
    @inline(__always)
    static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let lead = buffer[index]
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            index + offset < end && buffer[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return isContinuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard isContinuation(1), isContinuation(2) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }  // overlong
            if lead == 0xED && second > 0x9F { return 0 }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard isContinuation(1), isContinuation(2), isContinuation(3) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns page bytes in any supported encoding into clean UTF-8 for the parser: malformed sequences
/// become U+FFFD and control bytes become spaces, so the parser never sees anything it could
/// misread.
enum TranscodeToUTF8 {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes `bytes` (skipping `bomLength` leading bytes) from `encoding`; returns `nil` when iconv
    /// does not know the encoding.
    static func transcode(_ bytes: [UInt8], encoding: TextEncoding, bomLength: Int, validation: UTF8Validation? = nil) -> [UInt8]? {
        switch encoding {
        case .utf8: return repairUTF8(bytes, from: bomLength, validation: bomLength == 0 ? validation : nil)
        case .windows1252: return fromWindows1252(bytes, from: bomLength)
        case .utf16LE: return fromUTF16(bytes, from: bomLength, bigEndian: false)
        case .utf16BE: return fromUTF16(bytes, from: bomLength, bigEndian: true)
        case .iconv(let name): return fromIconv(bytes, from: bomLength, encoding: name)
        }
    }

    /// Returns the bytes unchanged when they are valid UTF-8 without control bytes, else a repaired copy.
    static func repairUTF8(_ bytes: [UInt8], from start: Int, validation: UTF8Validation? = nil) -> [UInt8] {
        let check = validation ?? UTF8Validation.scan(bytes, from: start)
        if check.isValid && check.controlBytes == 0 {
            return start == 0 ? bytes : Array(bytes[start...])
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 3 * check.invalidSequences)
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            let end = buffer.count
            while index < end {
                let byte = buffer[index]
                if byte < 0x80 {
                    output.append(isControl(byte) ? 0x20 : byte)
                    index += 1
                    continue
                }
                let length = UTF8Validation.sequenceLength(buffer, at: index, end: end)
                if length == 0 {
                    output.append(contentsOf: replacement)
                    index += 1
                } else {
                    for offset in 0..<length { output.append(buffer[index + offset]) }
                    index += length
                }
            }
        }
        return output
    }

    @inline(__always)
    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D
    }

    @inline(__always)
    private static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(isControl(UInt8(value)) ? 0x20 : UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            if (0xD800...0xDFFF).contains(value) { output.append(contentsOf: replacement); return }
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x10000...0x10FFFF:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(contentsOf: replacement)
        }
    }

    /// The characters windows-1252 puts at 0x80–0x9F (undefined positions map to themselves, as browsers do).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func fromWindows1252(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                output.append(isControl(byte) ? 0x20 : byte)
            } else if byte < 0xA0 {
                appendScalar(windows1252High[Int(byte - 0x80)], to: &output)
            } else {
                appendScalar(UInt32(byte), to: &output)
            }
        }
        return output
    }

    static func fromUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = start
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while index + 1 < bytes.count {
            let first = unit(index)
            index += 2
            if (0xD800...0xDBFF).contains(first) {
                if index + 1 < bytes.count {
                    let second = unit(index)
                    if (0xDC00...0xDFFF).contains(second) {
                        index += 2
                        appendScalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &output)
                        continue
                    }
                }
                output.append(contentsOf: replacement)
            } else if (0xDC00...0xDFFF).contains(first) {
                output.append(contentsOf: replacement)
            } else {
                appendScalar(first, to: &output)
            }
        }
        if index < bytes.count { output.append(contentsOf: replacement) }
        return output
    }

    /// Converts with the system iconv; bytes iconv rejects become U+FFFD and conversion goes on.
    static func fromIconv(_ bytes: [UInt8], from start: Int, encoding: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: max(64, (bytes.count - start) * 3 + 16))
        var written = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base + start).assumingMemoryBound(to: CChar.self)
            var inLeft = source.count - start
            while inLeft > 0 {
                let capacity = output.count
                var outLeft = capacity - written
                let status = output.withUnsafeMutableBufferPointer { target -> Int in
                    guard let base = target.baseAddress else { return 0 }
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base + written).assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                written = capacity - outLeft
                if status != -1 { break }
                let code = errno
                if code == E2BIG {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                } else if code == EILSEQ || code == EINVAL {
                    // Skip one undecodable byte (or a truncated sequence at the end) and mark it.
                    if output.count - written < 4 { output.append(contentsOf: repeatElement(0, count: 64)) }
                    for byte in replacement { output[written] = byte; written += 1 }
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                } else {
                    break
                }
            }
        }
        output.removeSubrange(written...)
        // iconv output is valid UTF-8 but may contain control bytes; clean them like any other input.
        return repairUTF8(output, from: 0)
    }
}

/// Converts UTF-8 byte offsets of a text into Unicode scalar offsets (Python `str` indices).
///
/// One pass at creation records the scalar offset of every 1,024th byte; a conversion walks from the
/// last offset converted when the target lies just ahead of it, else from the nearest checkpoint
/// before the target. Converting all mentions of an article costs one pass over the text plus at
/// most 1,024 bytes per mention, in whatever order the mentions come (they are grouped by entity).
package struct ScalarOffsetMap {
    private static let stride = 1024
    private let bytes: [UInt8]
    /// `checkpoints[i]`: scalars in the first `i * stride` bytes.
    private let checkpoints: [Int]
    private var byteOffset = 0
    private var scalarOffset = 0

    /// Prepares to convert offsets into `text`.
    package init(_ text: String) {
        let bytes = Array(text.utf8)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / ScalarOffsetMap.stride + 1)
        var scalars = 0
        for (index, byte) in bytes.enumerated() {
            if index % ScalarOffsetMap.stride == 0 { checkpoints.append(scalars) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        self.bytes = bytes
        self.checkpoints = checkpoints
    }

    /// The scalar offset of byte offset `target` (a scalar boundary, at most the text's length).
    package mutating func scalarOffset(ofByte target: Int) -> Int {
        let limit = max(0, min(target, bytes.count))
        if limit < byteOffset || limit - byteOffset > ScalarOffsetMap.stride {
            let checkpoint = min(limit / ScalarOffsetMap.stride, checkpoints.count - 1)
            if checkpoint >= 0 {
                byteOffset = checkpoint * ScalarOffsetMap.stride
                scalarOffset = checkpoints[checkpoint]
            } else {
                byteOffset = 0
                scalarOffset = 0
            }
        }
        while byteOffset < limit {
            // Count only bytes that start a scalar (not 0b10xxxxxx continuation bytes).
            if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
            byteOffset += 1
        }
        return scalarOffset
    }
}

/// Converts UTF-8 byte offsets of a text into Unicode scalar offsets (Python `str` indices).
///
/// Offsets must be ascending for best speed; each conversion walks forward from the last one, so
/// converting all mentions of an article in order costs one pass over the text.
public struct ScalarOffsetMap {
    private let bytes: [UInt8]
    private var byteOffset = 0
    private var scalarOffset = 0

    /// Prepares to convert offsets into `text`.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The scalar offset of byte offset `target` (a scalar boundary, at most the text's length).
    public mutating func scalarOffset(ofByte target: Int) -> Int {
        if target < byteOffset { byteOffset = 0; scalarOffset = 0 }
        let limit = min(target, bytes.count)
        while byteOffset < limit {
            // Count only bytes that start a scalar (not 0b10xxxxxx continuation bytes).
            if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
            byteOffset += 1
        }
        return scalarOffset
    }
}

/// A half-open range of UTF-8 byte offsets into an article's `text`.
///
/// Stages work on bytes for speed; output converts to Unicode scalar offsets with
/// ``ScalarOffsetMap``.
public struct TextRange: Hashable, Sendable, Comparable {
    /// First byte, inclusive.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a range; `start <= end` is expected.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Number of bytes covered.
    public var count: Int { end - start }
    /// True when the range covers no byte.
    public var isEmpty: Bool { end <= start }

    /// True when the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    /// True when `other` lies within this range.
    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

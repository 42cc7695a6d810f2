package import GazetteCore
/// Serves bytes already in memory as a ``ByteSource`` (an HTTP body to inflate, test data).
package final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// Serves `bytes` from the start.
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var rawBytesRead: Int { position }

    package func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int {
        let count = min(maxCount, bytes.count - position)
        guard count > 0 else { return 0 }
        buffer.append(contentsOf: bytes[position..<(position + count)])
        position += count
        return count
    }
}

package import GazetteCore
/// Serves bytes already read (to sniff a format) before the rest of a source.
package final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var prefixStart = 0
    private let rest: any ByteSource

    /// Serves `prefix`, then `rest`.
    package init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    package var rawBytesRead: Int { rest.rawBytesRead }

    package func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int {
        if prefixStart < prefix.count {
            let count = min(maxCount, prefix.count - prefixStart)
            buffer.append(contentsOf: prefix[prefixStart..<(prefixStart + count)])
            prefixStart += count
            if prefixStart == prefix.count { prefix = [] ; prefixStart = 0 }
            return count
        }
        return try rest.read(into: &buffer, maxCount: maxCount)
    }

    /// Reads up to `count` bytes from `source` and returns them with a source that replays them.
    package static func sniff(_ source: any ByteSource, count: Int) throws(GazetteError) -> (head: [UInt8], source: PrefixedByteSource) {
        var head: [UInt8] = []
        while head.count < count {
            if try source.read(into: &head, maxCount: count - head.count) == 0 { break }
        }
        return (head, PrefixedByteSource(prefix: head, rest: source))
    }
}

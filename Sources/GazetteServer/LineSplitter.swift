/// Cuts a byte stream that arrives in chunks (an NDJSON request body) into lines, with the JSONL
/// reader's rules: `\n` ends a line and is not part of it, the last line may lack it, and a line
/// longer than `maxLineBytes` is reported by its length without being kept, so memory stays
/// bounded by the limit whatever the client sends.
struct LineSplitter {
    /// One line of the stream.
    enum Line: Equatable {
        /// A line's bytes, without its newline.
        case line([UInt8])
        /// A line over the limit, skipped; its length in bytes.
        case tooLong(Int)
    }

    /// Longest line kept, in bytes.
    let maxLineBytes: Int
    private var pending: [UInt8] = []
    /// Bytes of the current line seen so far once it has outgrown the limit (then `pending` is empty).
    private var skipped: Int?

    /// A splitter keeping lines of up to `maxLineBytes` bytes.
    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Adds a chunk and returns the lines it completes.
    mutating func feed(_ chunk: some Collection<UInt8>) -> [Line] {
        var lines: [Line] = []
        var rest = chunk[...]
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            let part = rest[..<newline]
            if let count = skipped {
                lines.append(.tooLong(count + part.count))
                skipped = nil
            } else if pending.count + part.count > maxLineBytes {
                lines.append(.tooLong(pending.count + part.count))
                pending = []
            } else {
                pending.append(contentsOf: part)
                lines.append(.line(pending))
                pending = []
            }
            rest = rest[rest.index(after: newline)...]
        }
        if let count = skipped {
            skipped = count + rest.count
        } else if pending.count + rest.count > maxLineBytes {
            skipped = pending.count + rest.count
            pending = []
        } else {
            pending.append(contentsOf: rest)
        }
        return lines
    }

    /// The last line, when the stream ended without a newline after it.
    mutating func finish() -> Line? {
        defer { pending = []; skipped = nil }
        if let count = skipped { return .tooLong(count) }
        return pending.isEmpty ? nil : .line(pending)
    }
}

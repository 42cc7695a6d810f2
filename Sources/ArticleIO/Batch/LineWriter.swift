#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import GazetteCore
import GazetteIO

/// Writes output lines through one large buffer to standard output or a file, with `write(2)`.
///
/// Used from one thread at a time (the batch runner's writer thread). Lines are only ever written
/// whole into the buffer, and the buffer is flushed at line boundaries, so a killed run leaves at
/// most one partial line at the end of the file (which `--resume` cuts away).
public final class LineWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let displayPath: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// The first write error, if any; later writes are dropped.
    public private(set) var failure: GazetteError?

    /// Writes to standard output.
    public init(standardOutput: (), capacity: Int = 1 << 20) {
        descriptor = 1
        ownsDescriptor = false
        displayPath = "standard output"
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Creates (or truncates) `path`, or appends to it when `append` is set.
    public init(path: String, append: Bool, capacity: Int = 1 << 20) throws(GazetteError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            throw GazetteError(.io, "cannot open \(path) for writing", cause: FileByteSource.systemMessage(errno))
        }
        descriptor = fd
        ownsDescriptor = true
        displayPath = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        flush()
        if ownsDescriptor { close(descriptor) }
    }

    /// Appends `line` and a newline; flushes when the buffer is full.
    public func write(line: String) {
        var line = line
        line.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        buffer.append(0x0A)
        if buffer.count >= capacity { flush() }
    }

    /// Appends `text`, which must be whole lines (each ending in a newline); flushes when the buffer
    /// is full.
    public func write(lines text: String) {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        if buffer.count >= capacity { flush() }
    }

    /// Writes everything buffered.
    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var written = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                #if canImport(Darwin)
                let n = Darwin.write(descriptor, base + written, raw.count - written)
                #else
                let n = Glibc.write(descriptor, base + written, raw.count - written)
                #endif
                if n > 0 { written += n; continue }
                if n < 0 && errno == EINTR { continue }
                failure = GazetteError(.io, "cannot write to \(displayPath)", cause: FileByteSource.systemMessage(errno))
                return
            }
        }
    }
}

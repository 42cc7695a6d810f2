#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
package import GazetteCore

/// Reads a file or standard input with `read(2)` in large chunks.
package final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let displayPath: String
    package private(set) var rawBytesRead = 0
    private let scratchSize = 256 << 10
    private let scratch: UnsafeMutablePointer<UInt8>

    /// Opens `path` for reading.
    package init(path: String) throws(GazetteError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw GazetteError(.io, "cannot open \(path)", cause: FileByteSource.systemMessage(errno))
        }
        self.descriptor = fd
        self.ownsDescriptor = true
        self.displayPath = path
        self.scratch = .allocate(capacity: scratchSize)
    }

    /// Opens `path` for reading from byte `offset` on (`rawBytesRead` counts from there).
    package convenience init(path: String, offset: Int) throws(GazetteError) {
        try self.init(path: path)
        guard offset > 0 else { return }
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw GazetteError(.io, "cannot seek to byte \(offset) of \(path)", cause: FileByteSource.systemMessage(errno))
        }
    }

    /// Reads standard input (not closed at the end).
    package init(standardInput: ()) {
        self.descriptor = 0
        self.ownsDescriptor = false
        self.displayPath = "stdin"
        self.scratch = .allocate(capacity: scratchSize)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        scratch.deallocate()
    }

    package func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int {
        guard maxCount > 0 else { return 0 }
        let count = min(maxCount, scratchSize)
        while true {
            #if canImport(Darwin)
            let n = Darwin.read(descriptor, scratch, count)
            #else
            let n = Glibc.read(descriptor, scratch, count)
            #endif
            if n >= 0 {
                buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: n))
                rawBytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw GazetteError(.io, "cannot read \(displayPath)", cause: FileByteSource.systemMessage(errno))
        }
    }

    /// The text of a system error number.
    package static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

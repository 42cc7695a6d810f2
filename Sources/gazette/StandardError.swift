#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The command's one way to write diagnostics: straight to file descriptor 2, unbuffered, without
/// Foundation or the C `stderr` global (a Swift 6 concurrency error).
enum StandardError {
    /// Writes `text` as it is (progress lines rewrite themselves with `\r`).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var written = 0
            while written < bytes.count {
                #if canImport(Darwin)
                let n = Darwin.write(2, base + written, bytes.count - written)
                #else
                let n = Glibc.write(2, base + written, bytes.count - written)
                #endif
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                written += n
            }
        }
    }

    /// Writes `line` and a newline.
    static func writeLine(_ line: String) { write(line + "\n") }
}

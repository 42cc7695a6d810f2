package import GazetteCore

/// A stream of bytes read in chunks: a file, stdin, or the inflated content of a gzip file.
///
/// Readers pull from a source through ``BufferedInput`` and never hold more than one chunk plus the
/// record being assembled, so files of any size stream in bounded memory.
package protocol ByteSource: AnyObject {
    /// Appends up to `maxCount` bytes to `buffer`; returns how many were appended (0 at the end).
    func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int
    /// Bytes taken from the underlying file or pipe so far (compressed bytes for gzip), for progress.
    var rawBytesRead: Int { get }
}

/// Opens the inputs that every reader of files accepts: a path or standard input, plain or gzip.
package enum InputFile {
    /// The name standard input goes by on the command line.
    package static let standardInputName = "-"

    /// Opens `path` (standard input for `-`), inflating it when its first bytes are the gzip magic
    /// number, whatever its name; `displayName` names it in error messages.
    package static func open(_ path: String, displayName: String? = nil) throws(GazetteError) -> any ByteSource {
        let name = displayName ?? (path == standardInputName ? "stdin" : path)
        let file: any ByteSource = path == standardInputName ? FileByteSource(standardInput: ()) : try FileByteSource(path: path)
        let (head, source) = try PrefixedByteSource.sniff(file, count: 2)
        return head == [0x1F, 0x8B] ? try GzipByteSource(source, displayPath: name) : source
    }
}

import GazetteCore
/// A stream of bytes read in chunks: a file, stdin, or the inflated content of a gzip file.
///
/// Readers pull from a source through ``BufferedInput`` and never hold more than one chunk plus the
/// record being assembled, so files of any size stream in bounded memory.
protocol ByteSource: AnyObject {
    /// Appends up to `maxCount` bytes to `buffer`; returns how many were appended (0 at the end).
    func read(into buffer: inout [UInt8], maxCount: Int) throws(GazetteError) -> Int
    /// Bytes taken from the underlying file or pipe so far (compressed bytes for gzip), for progress.
    var rawBytesRead: Int { get }
}

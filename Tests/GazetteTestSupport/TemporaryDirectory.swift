import Foundation

/// A temporary directory for one test, removed when the value is dropped.
package final class TemporaryDirectory {
    /// Where it is.
    package let path: String

    /// Creates a new empty directory under the system's temporary folder.
    package init() throws {
        let template = NSTemporaryDirectory() + "gazette-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `relativePath`, creating folders; returns the full path.
    @discardableResult
    package func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes `text` as UTF-8 to `relativePath`, creating folders; returns the full path.
    @discardableResult
    package func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }
}

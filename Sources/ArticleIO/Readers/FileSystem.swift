#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GazetteCore
import GazetteIO

/// The few file-system calls the readers need, on POSIX directly (no Foundation).
enum FileSystem {
    /// What a path names.
    enum Kind: Equatable {
        /// A regular file (or a symlink to one) of the given size.
        case file(size: Int)
        /// A directory, identified by device and inode (to avoid symlink cycles).
        case directory(device: UInt64, inode: UInt64)
        /// Something else: a socket, a device, a FIFO.
        case other
    }

    /// What `path` names (following symlinks), or the system error text.
    static func kind(of path: String) -> Result<Kind, GazetteError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(GazetteError(.io, "cannot read \(path)", cause: FileByteSource.systemMessage(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.file(size: Int(info.st_size)))
        case S_IFDIR: return .success(.directory(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        case S_IFIFO, S_IFCHR: return .success(.file(size: 0))
        default: return .success(.other)
        }
    }

    /// Device and inode of what `path` names (following symlinks), or nil when it does not exist.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The names in directory `path`, without `.`/`..` and hidden entries, in byte order.
    static func sortedEntries(of path: String) -> Result<[String], GazetteError> {
        guard let directory = opendir(path) else {
            return .failure(GazetteError(.io, "cannot list directory \(path)", cause: FileByteSource.systemMessage(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .success(names)
    }

    /// `base` and `name` joined with one `/`.
    static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The last path component of `path` (ignoring trailing slashes).
    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }
}

public import GazetteCore
/// The inputs of a run, checked before any record is read: standard input, files and directories.
public struct InputPlan: Sendable {
    /// One command-line input.
    public enum Item: Sendable, Equatable {
        /// JSONL (or WARC, gzip-detected) records on standard input.
        case standardInput
        /// A file given directly.
        case file(path: String, size: Int)
        /// A directory, read recursively in byte order of names.
        case directory(path: String)
    }

    /// The inputs in command-line order.
    public var items: [Item]
    /// When set, standard input is read as one file with this relative path (format by extension,
    /// ids as for a file found in a directory): `cat a/b.html | gazette tag --stdin-name a/b.html`.
    public var standardInputName: String?

    /// Files never read as input (device and inode): the run's own output file.
    public private(set) var excludedFiles: Set<[UInt64]> = []

    /// Never reads `path` as input (call it with the output file once it exists), so
    /// `gazette tag dir/ -o dir/tags.jsonl` does not read its own output.
    public mutating func exclude(path: String) {
        if let identity = FileSystem.identity(of: path) { excludedFiles.insert(identity) }
    }

    /// Creates a plan from checked items.
    public init(items: [Item], standardInputName: String? = nil) {
        self.items = items
        self.standardInputName = standardInputName
    }

    /// Checks each argument (`-` or none means standard input); a path that does not exist or cannot
    /// be read throws a ``GazetteError/Code/usage`` error naming it.
    public static func resolve(arguments: [String]) throws(GazetteError) -> InputPlan {
        if arguments.isEmpty { return InputPlan(items: [.standardInput]) }
        var items: [Item] = []
        for argument in arguments {
            if argument == "-" {
                guard !items.contains(.standardInput) else {
                    throw GazetteError(.usage, "standard input ('-') can be given only once")
                }
                items.append(.standardInput)
                continue
            }
            switch FileSystem.kind(of: argument) {
            case .failure(let error):
                throw GazetteError(.usage, "input \(argument) does not exist or cannot be read", cause: error.cause)
            case .success(.file(let size)):
                items.append(.file(path: argument, size: size))
            case .success(.directory):
                if case .failure(let error) = FileSystem.sortedEntries(of: argument) {
                    throw GazetteError(.usage, "directory \(argument) cannot be read", cause: error.cause)
                }
                items.append(.directory(path: argument))
            case .success(.other):
                throw GazetteError(.usage, "input \(argument) is neither a file nor a directory")
            }
        }
        return InputPlan(items: items)
    }

    /// Total size in bytes of the files to read (walking directories), or nil when standard input
    /// is among the inputs; for progress ETAs.
    public func totalBytes() -> Int? {
        var total = 0
        for item in items {
            switch item {
            case .standardInput: return nil
            case .file(_, let size): total += size
            case .directory(let path):
                var walker = DirectoryWalker(root: path)
                while let entry = walker.next() {
                    if case .file(_, _, let size) = entry { total += size }
                }
            }
        }
        return total
    }
}

/// Walks a directory tree depth-first in byte order of names, lazily (memory grows with depth and
/// directory width, not with the number of files).
struct DirectoryWalker {
    /// One thing found.
    enum Entry {
        /// A regular file: its path to open, its path relative to the root, its size.
        case file(path: String, relativePath: String, size: Int)
        /// A directory or file that could not be read.
        case unreadable(path: String, relativePath: String, error: GazetteError)
    }

    private struct Frame {
        var path: String
        var relativePath: String
        var names: [String]
        var index: Int
    }

    private var stack: [Frame] = []
    private var visited: Set<[UInt64]> = []
    private var pendingRoot: String?

    /// Prepares to walk `root`.
    init(root: String) { pendingRoot = root }

    /// The next file in order, or nil when the walk is done.
    mutating func next() -> Entry? {
        if let root = pendingRoot {
            pendingRoot = nil
            if case .success(.directory(let device, let inode)) = FileSystem.kind(of: root) { visited.insert([device, inode]) }
            switch FileSystem.sortedEntries(of: root) {
            case .success(let names): stack.append(Frame(path: root, relativePath: "", names: names, index: 0))
            case .failure(let error): return .unreadable(path: root, relativePath: FileSystem.baseName(root), error: error)
            }
        }
        while var frame = stack.popLast() {
            guard frame.index < frame.names.count else { continue }
            let name = frame.names[frame.index]
            frame.index += 1
            stack.append(frame)
            let path = FileSystem.join(frame.path, name)
            let relative = FileSystem.join(frame.relativePath, name)
            switch FileSystem.kind(of: path) {
            case .failure(let error):
                return .unreadable(path: path, relativePath: relative, error: error)
            case .success(.file(let size)):
                return .file(path: path, relativePath: relative, size: size)
            case .success(.directory(let device, let inode)):
                guard visited.insert([device, inode]).inserted else { continue }  // a symlink cycle
                switch FileSystem.sortedEntries(of: path) {
                case .success(let names): stack.append(Frame(path: path, relativePath: relative, names: names, index: 0))
                case .failure(let error): return .unreadable(path: path, relativePath: relative, error: error)
                }
            case .success(.other):
                continue
            }
        }
        return nil
    }
}

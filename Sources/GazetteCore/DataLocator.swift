#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the folder that holds Gazette's shipped data (`gazetteers/`, `models/`).
///
/// Looked up in order: the `GAZETTE_DATA` environment variable; the folders above the running
/// executable (a build inside a checkout: `.build/release/gazette` finds the checkout); the current
/// folder and its parents; `/usr/local/share/gazette` and `/usr/share/gazette`.
public enum DataLocator {
    /// The data root, or an error naming the places searched.
    public static func dataRoot() throws(GazetteError) -> String {
        var searched: [String] = []
        let fm = FileManager.default
        func isRoot(_ path: String) -> Bool {
            var isDirectory = false
            return fm.fileExists(atPath: path + "/gazetteers", isDirectory: &isDirectory) && isDirectory
        }
        if let env = ProcessInfo.processInfo.environment["GAZETTE_DATA"], !env.isEmpty {
            if isRoot(env) { return env }
            searched.append(env + " (GAZETTE_DATA)")
        }
        var starts: [String] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(parent(of: exe))
        } else if let first = CommandLine.arguments.first, first.hasPrefix("/") {
            starts.append(parent(of: first))
        }
        starts.append(fm.currentDirectoryPath)
        for start in starts {
            var path = start
            while !path.isEmpty {
                if isRoot(path) { return path }
                searched.append(path)
                let up = parent(of: path)
                if up == path { break }
                path = up
            }
        }
        for path in ["/usr/local/share/gazette", "/usr/share/gazette"] {
            if isRoot(path) { return path }
            searched.append(path)
        }
        throw GazetteError(
            .io,
            "cannot find Gazette's data folder (gazetteers/, models/); set GAZETTE_DATA to the checkout or install folder",
            cause: "searched \(searched.prefix(6).joined(separator: ", "))")
    }

    /// The folder part of a path (`/a/b` for `/a/b/c`; `/` for `/a`).
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Path of a file or folder inside the data root (`models/ner/model.bin`).
    public static func path(_ relative: String) throws(GazetteError) -> String {
        try dataRoot() + "/" + relative
    }
}

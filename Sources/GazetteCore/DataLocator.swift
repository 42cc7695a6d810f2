#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GazetteData

/// Finds the folder that holds Gazette's shipped data (`gazetteers/`, `models/`).
///
/// Looked up in order:
/// 1. the `GAZETTE_DATA` environment variable;
/// 2. `../share/gazette` next to the running executable (a release bundle or an installed copy:
///    `PREFIX/bin/gazette` finds `PREFIX/share/gazette`);
/// 3. the folders above the executable (a build inside a checkout uses the checkout's lists, so an
///    edited list or a retrained model counts at once);
/// 4. the SwiftPM resource folder of ``GazetteData`` next to the executable (what a package that
///    depends on Gazette gets);
/// 5. the current folder and its parents; `/usr/local/share/gazette` and `/usr/share/gazette`.
public enum DataLocator {
    /// The data root, or an error naming the places searched.
    public static func dataRoot() throws(GazetteError) -> String {
        var searched: [String] = []
        if let env = ProcessInfo.processInfo.environment["GAZETTE_DATA"], !env.isEmpty {
            if isRoot(env) { return env }
            searched.append(env + " (GAZETTE_DATA)")
        }
        let executableFolder = executableDirectory()
        if let executableFolder {
            let installed = parent(of: executableFolder) + "/share/gazette"
            if isRoot(installed) { return installed }
            searched.append(installed)
            if let checkout = firstRoot(from: executableFolder, searched: &searched) { return checkout }
            if let resources = resourceFolder(in: executableFolder) { return resources }
            searched.append(executableFolder + "/*" + GazetteData.resourceFolderSuffix)
        }
        if let found = firstRoot(from: FileManager.default.currentDirectoryPath, searched: &searched) { return found }
        for path in ["/usr/local/share/gazette", "/usr/share/gazette"] {
            if isRoot(path) { return path }
            searched.append(path)
        }
        throw GazetteError(
            .io,
            "cannot find Gazette's data folder (gazetteers/, models/); set GAZETTE_DATA to the checkout or install folder",
            cause: "searched \(searched.prefix(8).joined(separator: ", "))")
    }

    /// The first of `start` and its parents that is a data root.
    static func firstRoot(from start: String, searched: inout [String]) -> String? {
        var path = start
        while !path.isEmpty {
            if isRoot(path) { return path }
            searched.append(path)
            let up = parent(of: path)
            if up == path { break }
            path = up
        }
        return nil
    }

    /// True when `path` holds a `gazetteers` folder.
    static func isRoot(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path + "/gazetteers", isDirectory: &isDirectory) && isDirectory
    }

    /// The folder of the running executable.
    static func executableDirectory() -> String? {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return parent(of: exe) }
        if let first = CommandLine.arguments.first, first.hasPrefix("/") { return parent(of: first) }
        return nil
    }

    /// The ``GazetteData`` resource folder SwiftPM put in `folder`, if any.
    static func resourceFolder(in folder: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for name in names.sorted() where name.hasSuffix(GazetteData.resourceFolderSuffix) {
            if isRoot(folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    /// The folder part of a path (`/a/b` for `/a/b/c`; `/` for `/a`).
    package static func parent(of path: String) -> String {
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

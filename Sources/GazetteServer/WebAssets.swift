import GazetteCore
import GazetteIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files the server hands out as they are: the page at `/` (HTML, CSS, JS) and the OpenAPI
/// document. They are the `Web` resources of the GazetteServer target, loaded into memory once.
///
/// Looked up in order: the resource bundle SwiftPM puts beside the executable
/// (`Gazette_GazetteServer.resources/Web`); `share/gazette/web` beside the executable's folder (an
/// installed copy); the sources of a checkout found through the data folder
/// (`Sources/GazetteServer/Web`).
struct WebAssets: Sendable {
    /// One file: its bytes and `Content-Type`.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// URL path → file.
    let files: [String: Asset]
    /// The folder they were read from.
    let folder: String?
    /// Why the files are missing, when they are.
    let problem: String?

    /// The URL paths served and their file names.
    static let paths: [(path: String, file: String, contentType: String)] = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/openapi.yaml", "openapi.yaml", "application/yaml; charset=utf-8"),
    ]

    /// Loads the files from the first folder that holds them all.
    static func load() -> WebAssets {
        let candidates = folders()
        for folder in candidates {
            var files: [String: Asset] = [:]
            for (path, file, contentType) in paths {
                guard let bytes = read(folder + "/" + file) else { break }
                files[path] = Asset(bytes: bytes, contentType: contentType)
            }
            if files.count == paths.count { return WebAssets(files: files, folder: folder, problem: nil) }
        }
        return WebAssets(
            files: [:], folder: nil,
            problem: "the web page's files were not found (searched \(candidates.joined(separator: ", "))); "
                + "copy Gazette_GazetteServer.resources beside the gazette binary")
    }

    /// Where the files may be, most specific first.
    private static func folders() -> [String] {
        var folders: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let folder = DataLocator.parent(of: executable)
            folders.append(folder + "/Gazette_GazetteServer.resources/Web")
            folders.append(DataLocator.parent(of: folder) + "/share/gazette/web")
        }
        if let root = try? DataLocator.dataRoot() {
            folders.append(root + "/Sources/GazetteServer/Web")
        }
        return folders
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let source = try? FileByteSource(path: path),
              case .bytes(let bytes)? = try? Inflate.readAll(from: source, limit: 8 << 20) else { return nil }
        return bytes
    }
}

import Foundation
import GazetteCore

/// Draws a graph as SVG by running Graphviz (`dot` with the sfdp layout) as a subprocess.
///
/// Graphviz is not linked: it is found on `PATH` at run time, and a missing install gives an
/// error naming the package (`apt-get install graphviz`).
public enum SVGRenderer {
    /// The number of nodes drawn when the caller sets no `--top`: more is unreadable.
    public static let defaultTop = 60

    /// The SVG picture of `graph` (filter it to the top nodes first).
    public static func render(_ graph: GraphSnapshot) throws(GazetteError) -> String {
        guard let dot = findExecutable("dot") else {
            throw GazetteError(
                .unsupported,
                "the svg format needs Graphviz, which is not installed: run `apt-get install graphviz` (Debian/Ubuntu) or `brew install graphviz`, or write `--format dot` and render it elsewhere"
            )
        }
        let source = DOTExporter.export(graph, style: .picture)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-svg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw GazetteError(.io, "cannot create a temporary folder for Graphviz", cause: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("graph.dot")
        let output = directory.appendingPathComponent("graph.svg")
        let log = directory.appendingPathComponent("graphviz.log")
        do {
            try Data(source.utf8).write(to: input)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: dot)
            process.arguments = ["-Tsvg", "-o", output.path, input.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw GazetteError(
                    .io, "Graphviz (\(dot)) failed with status \(process.terminationStatus)",
                    cause: message.trimmingCharacters(in: .whitespacesAndNewlines)
                )
            }
            return try String(contentsOf: output, encoding: .utf8)
        } catch let error as GazetteError {
            throw error
        } catch {
            throw GazetteError(.io, "cannot run Graphviz (\(dot))", cause: error.localizedDescription)
        }
    }

    /// The first executable called `name` in the directories of `PATH`.
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

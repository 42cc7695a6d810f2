import Foundation
public import GazetteCore

/// Draws a graph as SVG by running Graphviz (`dot` with the sfdp layout) as a subprocess.
///
/// Graphviz is not linked: it is found on `PATH` at run time, and a missing install gives an
/// error naming the package (`apt-get install graphviz`).
public enum SVGRenderer {
    /// The number of nodes drawn when the caller sets no `--top`: more is unreadable.
    public static let defaultTop = 60

    /// How many of its strongest edges each node keeps in the picture (a full co-occurrence graph
    /// of the top nodes is a hairball).
    public static let edgesPerNode = 4

    /// The SVG picture of `graph` (filter it to the top nodes first); each node keeps only its
    /// ``edgesPerNode`` strongest edges.
    public static func render(_ graph: GraphSnapshot) throws(GazetteError) -> String {
        guard let dot = findExecutable("dot") else {
            throw GazetteError(
                .unsupported,
                "the svg format needs Graphviz, which is not installed: run `apt-get install graphviz` (Debian/Ubuntu) or `brew install graphviz`, or write `--format dot` and render it elsewhere"
            )
        }
        let source = DOTExporter.export(strongestEdges(of: graph, perNode: edgesPerNode), style: .picture)
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

    /// `graph` with only the edges that are among the `perNode` strongest (most shared articles,
    /// then highest NPMI, then id order) of at least one of their endpoints.
    static func strongestEdges(of graph: GraphSnapshot, perNode: Int) -> GraphSnapshot {
        var byNode: [String: [Int]] = [:]
        for (index, edge) in graph.edges.enumerated() {
            byNode[edge.source, default: []].append(index)
            byNode[edge.target, default: []].append(index)
        }
        var keep = Set<Int>()
        for (_, indexes) in byNode {
            let ranked = indexes.sorted { x, y in
                let a = graph.edges[x], b = graph.edges[y]
                if a.articles != b.articles { return a.articles > b.articles }
                if a.npmi != b.npmi { return a.npmi > b.npmi }
                return x < y
            }
            keep.formUnion(ranked.prefix(perNode))
        }
        var thinned = graph
        thinned.edges = graph.edges.indices.filter { keep.contains($0) }.map { graph.edges[$0] }
        thinned.isPruned = graph.isPruned || thinned.edges.count < graph.edges.count
        return thinned
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

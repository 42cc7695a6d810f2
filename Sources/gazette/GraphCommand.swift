import ArgumentParser
import Foundation
import Gazette

/// `gazette graph`: builds the entity co-occurrence graph of tagged articles, or merges partial graphs.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build the entity co-occurrence graph of `gazette tag` output (GraphML, GEXF, JSON, Cytoscape, Neo4j, DOT, SVG, GeoJSON).",
        subcommands: [GraphBuildCommand.self, GraphMergeCommand.self],
        defaultSubcommand: GraphBuildCommand.self
    )
}

/// Output options shared by `graph build` and `graph merge`.
struct GraphOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: graphml, gexf, json (partial graph for `graph merge`), cytoscape, neo4j (a folder of CSV files), dot, svg, geojson (places as points).")
    var format: String = "graphml"

    @Option(name: .shortAndLong, help: "Output file (a folder for neo4j); standard output when omitted.")
    var output: String?

    @Option(name: .long, help: "Keep only nodes and edges seen in at least this many articles.")
    var minArticles: Int = 1

    @Option(name: .long, help: "Keep only these entity types, comma-separated (Person,Place,Organization).")
    var types: String?

    @Option(name: .long, help: "Keep only the N nodes of highest degree (svg draws the top \(SVGRenderer.defaultTop) unless set).")
    var top: Int?

    func validate() throws {
        guard GraphFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown graph format '\(format)'; the formats are: \(GraphFormat.names)")
        }
        guard minArticles >= 1 else { throw ValidationError("--min-articles must be at least 1") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        _ = try parsedTypes()
        if GraphFormat(rawValue: format.lowercased()) == .neo4j && output == nil {
            throw ValidationError("the neo4j format writes two CSV files: give a folder with -o")
        }
    }

    /// The `--types` list as schema.org type names.
    func parsedTypes() throws -> Set<String>? {
        guard let types else { return nil }
        var result: Set<String> = []
        for name in types.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let type = EntityType(name: name) else {
                throw ValidationError("unknown entity type '\(name)' in --types; the types are: Person, Place, Organization")
            }
            result.insert(type.rawValue)
        }
        return result
    }

    /// Filters, renders and writes `graph`.
    func write(_ graph: CooccurrenceGraph) throws {
        // validate() has checked both.
        let format = GraphFormat(rawValue: format.lowercased()) ?? .graphml
        var filter = GraphFilter(minArticles: minArticles, types: try parsedTypes(), top: top)
        if format == .svg && filter.top == nil { filter.top = SVGRenderer.defaultTop }
        let snapshot = graph.snapshot(filter)
        let files = try format.render(snapshot)
        if format.writesFolder, let output {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw GazetteError(.io, "cannot create the folder '\(output)' for the Neo4j files", cause: error.localizedDescription)
            }
            for file in files {
                try TextOutput.write(file.contents, toPath: URL(fileURLWithPath: output).appendingPathComponent(file.name).path)
            }
        } else {
            for file in files {
                if let output {
                    try TextOutput.write(file.contents, toPath: output)
                } else {
                    try TextOutput.write(file.contents, toPath: nil)
                }
            }
        }
        StandardError.writeLine(
            "gazette graph: \(snapshot.nodes.count) nodes, \(snapshot.edges.count) edges written "
                + "(of \(graph.nodeCount) entities, \(graph.edgeCount) pairs, \(graph.articleCount) articles)"
                + (snapshot.isPruned && format == .json ? "; the JSON is pruned, so merging it is not exact" : "")
        )
    }
}

/// `gazette graph build` (the default): aggregates tag JSONL files or standard input.
struct GraphBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the co-occurrence graph of tag JSONL files (standard input when none are given)."
    )

    @Argument(help: "Tag JSONL files written by `gazette tag` (- for standard input).")
    var files: [String] = []

    @OptionGroup var options: GraphOutputOptions

    func run() throws {
        var graph = CooccurrenceGraph()
        var warnings = SkipWarnings(command: "graph")
        let summary = try TagLineReader.forEachArticle(in: files, onSkip: { warnings.skip(file: $0, line: $1, reason: $2) }) {
            graph.add($0)
        }
        try warnings.finish(summary: summary)
        try options.write(graph)
    }
}

/// `gazette graph merge`: combines partial graphs (the `json` format) of shards exactly.
struct GraphMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial graphs written with `--format json` into the graph of all their articles."
    )

    @Argument(help: "Partial graph files (`gazette graph --format json` output).")
    var partials: [String]

    @OptionGroup var options: GraphOutputOptions

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give at least one partial graph file to merge") }
        if options.format.lowercased() == GraphFormat.geojson.rawValue {
            throw ValidationError("partial graphs carry no coordinates: build the geojson from the tag records (gazette graph --format geojson TAGS.jsonl ...)")
        }
    }

    func run() throws {
        var graph = CooccurrenceGraph()
        for path in partials {
            let partial = try PartialGraphFormat.read(path: path)
            if partial.includesPrunedInput {
                StandardError.writeLine("gazette graph merge: warning: '\(path)' was written with filters, so the merged counts are not exact")
            }
            graph.merge(partial)
        }
        try options.write(graph)
    }
}

/// Prints skipped-line warnings to standard error: the first few in full, then only a count.
struct SkipWarnings {
    /// The subcommand name used as prefix.
    let command: String
    /// How many warnings are printed in full.
    var limit = 20
    private var printed = 0

    init(command: String) { self.command = command }

    mutating func skip(file: String, line: Int, reason: String) {
        guard printed < limit else { return }
        printed += 1
        StandardError.writeLine("gazette \(command): \(file):\(line): skipped: \(reason)")
    }

    /// Reports the skipped lines; exits with status 1 when no line at all was a tag record (a wrong
    /// file, an empty pipe), so a script never takes an empty graph or feed for a result.
    func finish(summary: TagReadSummary) throws {
        if summary.skipped > 0 {
            let hidden = summary.skipped - printed
            StandardError.writeLine(
                "gazette \(command): skipped \(summary.skipped) line(s) of \(summary.articles + summary.skipped)"
                    + (hidden > 0 ? " (\(hidden) not listed)" : "")
            )
        }
        if summary.articles == 0 {
            StandardError.writeLine(
                "gazette \(command): error: no tag records in the input; give the JSONL that `gazette tag` writes (plain or .gz)")
            throw ExitCode(1)
        }
    }
}

/// Writes text to a file or standard output straight from the string's UTF-8 storage, without
/// copying a large graph document into a second buffer.
enum TextOutput {
    /// Writes `text` to `path` (replacing the file), or to standard output when `path` is nil.
    static func write(_ text: String, toPath path: String?) throws(GazetteError) {
        let stream: UnsafeMutablePointer<FILE>?
        if let path {
            stream = fopen(path, "wb")
        } else {
            stream = fdopen(dup(STDOUT_FILENO), "wb")
        }
        guard let stream else {
            throw GazetteError(.io, "cannot write '\(path ?? "<stdout>")'", cause: String(cString: strerror(errno)))
        }
        var text = text
        let written = text.withUTF8 { buffer in
            buffer.isEmpty ? 0 : fwrite(buffer.baseAddress, 1, buffer.count, stream)
        }
        let failed = written != text.utf8.count || fflush(stream) != 0
        let failure = errno
        fclose(stream)
        if failed {
            throw GazetteError(.io, "cannot write '\(path ?? "<stdout>")'", cause: String(cString: strerror(failure)))
        }
    }
}

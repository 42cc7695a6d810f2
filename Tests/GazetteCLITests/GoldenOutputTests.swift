import Foundation
import GazetteTestSupport
import Testing

/// End to end, every subcommand: the built binary's standard output on inputs in the repository,
/// compared byte for byte with `Tests/Fixtures/golden/NAME.out`.
///
/// Outputs that depend on the shipped models and lists (tag, clean, gazetteer, ner, topics
/// classify) change when those are rebuilt on purpose: regenerate the files with
/// `GAZETTE_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and read the diff before
/// committing it. Graph and feed outputs are built from the fixed `Tests/Fixtures/cli/tags.jsonl`.
@Suite("golden outputs of every subcommand", .serialized)
struct GoldenOutputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var stdin: String?
        var testDescription: String { name }
    }

    static let tags = "Tests/Fixtures/cli/tags.jsonl"
    static let goldenFolder = GazetteBinary.packageRoot.appendingPathComponent("Tests/Fixtures/golden")

    static let cases: [Case] = [
        Case(name: "tag-samples", arguments: ["tag", "samples", "--include-text", "--jobs", "2", "--quiet"]),
        Case(name: "tag-stdin", arguments: ["tag", "--quiet"], stdin: "samples/dump.jsonl"),
        Case(name: "clean-report", arguments: ["clean", "samples/jsonld-article.html"]),
        Case(name: "clean-json", arguments: ["clean", "--json", "samples/german-div-layout.html", "samples/index-page.html"]),
        Case(name: "gazetteer-lookup", arguments: ["gazetteer", "lookup", "Georgia"]),
        Case(name: "gazetteer-check", arguments: ["gazetteer", "check"]),
        Case(name: "ner-eval", arguments: ["ner", "eval", "--conll", "Tests/Fixtures/cli/ner-sample.conll"]),
        Case(name: "topics-classify", arguments: ["topics", "classify", "samples/sports-story.txt"]),
        Case(name: "graph-graphml", arguments: ["graph", tags, "--format", "graphml", "--top", "12"]),
        Case(name: "graph-json", arguments: ["graph", "build", tags, "--format", "json"]),
        Case(name: "graph-cytoscape", arguments: ["graph", tags, "--format", "cytoscape", "--min-articles", "2"]),
        Case(name: "graph-dot", arguments: ["graph", tags, "--format", "dot", "--types", "Person,Organization", "--top", "10"]),
        Case(name: "feed-mind", arguments: ["feed", tags, "--format", "mind"]),
        Case(name: "feed-jsonl", arguments: ["feed", "--format", "jsonl"], stdin: tags),
        Case(name: "feed-csv", arguments: ["feed", tags, "--format", "csv"]),
    ]

    /// Compares `output` with the golden file `name`, or writes it when regenerating.
    static func expectGolden(_ output: Data, _ name: String) throws {
        let url = goldenFolder.appendingPathComponent(name + ".out")
        if ProcessInfo.processInfo.environment["GAZETTE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try output.write(to: url)
            return
        }
        let expected = try #require(try? Data(contentsOf: url), "no golden file \(url.path); run with GAZETTE_UPDATE_GOLDEN=1 to write it")
        if output != expected {
            let got = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
                \(name): output differs from \(url.lastPathComponent) at line \(line + 1)
                  got:  \(line < got.count ? got[line].prefix(300) : "<end>")
                  want: \(line < want.count ? want[line].prefix(300) : "<end>")
                """)
        }
    }

    @Test(arguments: cases)
    func outputMatchesGolden(_ test: Case) throws {
        let stdin = try test.stdin.map { try Data(contentsOf: GazetteBinary.packageRoot.appendingPathComponent($0)) }
        let run = try GazetteBinary().run(test.arguments, stdin: stdin)
        #expect(run.status == 0, "\(test.arguments): \(run.stderr)")
        try Self.expectGolden(run.stdout, test.name)
    }

    @Test func graphAndFeedReadGzipLikePlainText() throws {
        let scratch = try TemporaryDirectory()
        let plain = try Data(contentsOf: GazetteBinary.packageRoot.appendingPathComponent(Self.tags))
        let gzip = try scratch.write("tags.jsonl.gz", gzipMember([UInt8](plain)))
        let binary = try GazetteBinary()
        for arguments in [["graph", "build", "--format", "json"], ["feed", "--format", "mind"]] {
            let fromPlain = try binary.run(arguments + [Self.tags])
            let fromGzip = try binary.run(arguments + [gzip])
            #expect(fromGzip.status == 0, "\(arguments): \(fromGzip.stderr)")
            #expect(!fromPlain.stdout.isEmpty && fromGzip.stdout == fromPlain.stdout, "\(arguments) on .gz differs from .jsonl")
        }
    }

    @Test func graphAndFeedFailWhenNoLineIsATagRecord() throws {
        let binary = try GazetteBinary()
        for command in ["graph", "feed"] {
            let run = try binary.run([command, "samples/sports-story.txt"])
            #expect(run.status == 1, "\(command) on a text file")
            #expect(run.stderr.contains("no tag records in the input"), "\(command): \(run.stderr)")
            let empty = try binary.run([command], stdin: Data())
            #expect(empty.status == 1, "\(command) on empty standard input")
        }
    }

    @Test func mergedShardsEqualTheWholeGraph() throws {
        let scratch = try TemporaryDirectory()
        let lines = try String(contentsOf: GazetteBinary.packageRoot.appendingPathComponent(Self.tags), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let half = lines.count / 2
        let first = try scratch.write("a.jsonl", lines[..<half].joined(separator: "\n") + "\n")
        let second = try scratch.write("b.jsonl", lines[half...].joined(separator: "\n") + "\n")
        let binary = try GazetteBinary()
        for (input, output) in [(first, "a.json"), (second, "b.json")] {
            let run = try binary.run(["graph", input, "--format", "json", "-o", scratch.path + "/" + output])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = try binary.run(["graph", "merge", scratch.path + "/a.json", scratch.path + "/b.json", "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        try Self.expectGolden(merged.stdout, "graph-json")
    }

    @Test func neo4jWritesItsTwoFiles() throws {
        let scratch = try TemporaryDirectory()
        let run = try GazetteBinary().run(["graph", Self.tags, "--format", "neo4j", "--min-articles", "2", "-o", scratch.path + "/neo4j"])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/neo4j").sorted()
        #expect(names.count == 2)
        for name in names {
            try Self.expectGolden(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/neo4j/" + name)), "graph-neo4j-" + name)
        }
    }

    @Test func nerTrainsAModelThatEvalAndBenchUse() throws {
        let scratch = try TemporaryDirectory()
        let model = scratch.path + "/tiny.bin"
        let binary = try GazetteBinary()
        let conll = "Tests/Fixtures/cli/ner-sample.conll"
        let train = try binary.run(["ner", "train", "--conll", conll, "-o", model, "--epochs", "3"])
        #expect(train.status == 0, "\(train.stderr)")
        let eval = try binary.run(["ner", "eval", "--conll", conll, "--model", model, "--no-rules"])
        #expect(eval.status == 0, "\(eval.stderr)")
        try Self.expectGolden(eval.stdout, "ner-eval-tiny-model")
        let bench = try binary.run(["ner", "bench", "samples/sports-story.txt", "--model", model, "--repeats", "1", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let object = try JSONSerialization.jsonObject(with: bench.stdout) as? [String: Any]
        #expect(object?["words"] != nil, "bench --json: \(String(decoding: bench.stdout, as: UTF8.self))")
    }

    @Test func topicsTrainsAModelThatEvalAndClassifyUse() throws {
        let scratch = try TemporaryDirectory()
        let model = scratch.path + "/tiny.gztm"
        let binary = try GazetteBinary()
        let train = try binary.run(["topics", "train", "Tests/Fixtures/cli/topics-train.jsonl", "-o", model, "--hash-bits", "12"])
        #expect(train.status == 0, "\(train.stderr)")
        let eval = try binary.run(["topics", "eval", "Tests/Fixtures/cli/topics-test.jsonl", "--model", model])
        #expect(eval.status == 0, "\(eval.stderr)")
        try Self.expectGolden(eval.stdout, "topics-eval-tiny-model")
        let classify = try binary.run(["topics", "classify", "--model", model], stdin: Data("The keeper saved a penalty in the derby.".utf8))
        #expect(classify.status == 0, "\(classify.stderr)")
        try Self.expectGolden(classify.stdout, "topics-classify-tiny-model")
    }
}

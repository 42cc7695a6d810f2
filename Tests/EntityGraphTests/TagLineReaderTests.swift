import EntityGraph
import Foundation
import Testing
import GazetteCore

@Suite struct TagLineReaderTests {
    private func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tags-\(UUID().uuidString).jsonl").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func badLinesAreSkippedAndCountedWithTheirLineNumbers() throws {
        let longName = String(repeating: "Ω", count: 50_000) // a line longer than one read chunk
        let contents = """
        {"id":"a1","url":"u","title":"t","entities":[{"id":"Q212","type":"Place","name":"Ukraine","salience":0.5,"mentions":[{"start":0,"end":7,"surface":"Ukraine","source":"gazetteer"}]}],"topics":[],"error":null}
        this line is not JSON

        {"id":"e1","url":null,"title":null,"entities":[],"topics":[],"error":{"code":"empty_input","message":"The record is empty."}}
        {"url":"no id"}
        [1, 2, 3]
        {"id":"a2","entities":[{"id":"gz:o:long","type":"Organization","name":"\(longName)","mentions":[]},{"id":"Q212","type":"Place","name":"Ukraine"}],"topics":[{"id":"medtop:11000000","label":"politics","score":0.8}],"error":null}
        {"id":"a3","entities":[],"topics":[],"error":null}
        """ // no newline at the end
        let path = try temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var skipped: [String] = []
        var graph = CooccurrenceGraph()
        let summary = try TagLineReader.forEachArticle(in: [path], onSkip: { _, line, reason in skipped.append("\(line): \(reason)") }) {
            graph.add($0)
        }
        #expect(summary.articles == 3)
        #expect(summary.skipped == 4)
        #expect(skipped.map { $0.prefix(while: { $0 != ":" }) } == ["2", "4", "5", "6"])
        #expect(skipped[1].contains("empty_input"))
        let snapshot = graph.snapshot()
        #expect(snapshot.articleCount == 3)
        #expect(snapshot.nodes.first { $0.id == "Q212" }?.articles == 2)
        #expect(snapshot.nodes.first { $0.id == "gz:o:long" }?.name.count == 50_000)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: GazetteError.self) {
            _ = try TagLineReader.forEachArticle(in: ["/nonexistent/tags.jsonl"], onSkip: { _, _, _ in }) { _ in }
        }
    }
}

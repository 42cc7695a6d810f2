import Foundation
import Testing

/// `gazette topics classify --explain` and `topics cross-eval` errors, run as a user would.
@Suite struct TopicsCommandTests {
    @Test func explainListsTheWordsBehindTheTopTopic() throws {
        let story = "Striker scores twice as the champions win the cup final. The goalkeeper saved a penalty and the coach praised the squad."
        let run = try GazetteBinary().run(["topics", "classify", "--explain"], stdin: Data(story.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(try run.records().first)
        let topics = try #require(record["topics"] as? [[String: Any]])
        #expect(topics.first?["label"] as? String == "sport")
        let explain = try #require(record["explain"] as? [[String: Any]])
        #expect(!explain.isEmpty && explain.count <= 10)
        let features = explain.compactMap { $0["feature"] as? String }
        // A word, a word pair, or `~word` (the word's cluster): always words of the story.
        #expect(features.allSatisfy { story.lowercased().contains($0.hasPrefix("~") ? String($0.dropFirst()) : $0) })
        #expect(features.contains { ["striker", "goalkeeper", "penalty", "cup final", "squad"].contains($0) })
        let weights = explain.compactMap { $0["weight"] as? Double }
        #expect(weights.allSatisfy { $0 > 0 } && weights == weights.sorted(by: >))
    }

    @Test func withoutExplainThereIsNoExplanation() throws {
        let run = try GazetteBinary().run(["topics", "classify"], stdin: Data("Rain and gales are forecast for the weekend.".utf8))
        #expect(run.status == 0)
        #expect(try run.records().first?["explain"] == nil)
    }

    @Test func crossEvalWithoutDataNamesTheMissingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-no-data-\(UUID().uuidString)").path
        let run = try GazetteBinary().run(["topics", "cross-eval", "--data", folder])
        #expect(run.status != 0)
        #expect(run.stderr.contains("bbc.jsonl"))
    }
}

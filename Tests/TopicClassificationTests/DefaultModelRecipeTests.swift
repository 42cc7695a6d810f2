import Foundation
import Testing
import TopicClassification
import GazetteCore

@Suite struct DefaultModelRecipeTests {
    static let lexiconPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("models/topics/lexicon.tsv").path
    }()

    func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-lexicon-\(UUID().uuidString).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func shippedLexiconCoversAllSeventeenTopics() throws {
        let lexicon = try TopicLexicon(contentsOf: Self.lexiconPath)
        #expect(Set(lexicon.topics) == Set(TopicTaxonomy.iptcTopLevel.map(\.id)))
        for topic in lexicon.topics { #expect((lexicon.terms[topic]?.count ?? 0) >= 40, "\(topic) has few terms") }
    }

    @Test func malformedLexiconLinesNameFileAndLine() throws {
        let path = try temporaryFile("# comment\n15000000\tgoal, match\n16000000 no tab here\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TopicLexicon(contentsOf: path)
            Issue.record("a line without a tab should fail")
        } catch {
            #expect(error.code == .invalidRecord)
            #expect(error.message.contains("\(path):3"))
        }
    }

    @Test func generatedDocumentsAreDeterministicAndUseTheirTopicsTerms() throws {
        let path = try temporaryFile("15000000\tgoal, penalty kick, striker\n17000000\train, snow, gale warning\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lexicon = try TopicLexicon(contentsOf: path)
        var recipe = DefaultModelRecipe()
        recipe.generatedPerTopic = 5
        let a = recipe.generatedExamples(lexicon: lexicon, filler: [], covered: [])
        let b = recipe.generatedExamples(lexicon: lexicon, filler: [], covered: [])
        #expect(a == b)
        #expect(a.count == 10)
        let sport = a.filter { $0.labels == ["medtop:15000000"] }
        #expect(sport.count == 5)
        #expect(sport.allSatisfy { doc in ["goal", "penalty kick", "striker"].contains { doc.parts[0].contains($0) } })
    }

    @Test func fillerKeepsWordsSpreadAcrossLabelsAndDropsTopicalOnes() {
        var examples: [TopicExample] = []
        for i in 0..<6 {
            examples.append(TopicExample(text: "the minister said on monday that the striker scored \(i)", label: "a"))
            examples.append(TopicExample(text: "the minister said on monday that the rain fell \(i)", label: "b"))
            examples.append(TopicExample(text: "the minister said on monday that the bank lent \(i)", label: "c"))
        }
        let filler = DefaultModelRecipe.fillerWords(from: examples)
        let words = Set(filler.flatMap { $0.split(separator: " ").map(String.init) })
        #expect(words.contains("minister"))
        #expect(words.contains("said"))
        #expect(!words.contains("striker"))
        #expect(!words.contains("rain"))
        #expect(!words.contains("bank"))
    }
}

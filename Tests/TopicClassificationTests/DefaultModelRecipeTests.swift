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
        let recipe = DefaultModelRecipe()
        let counts = ["medtop:15000000": 5, "medtop:17000000": 5]
        let a = recipe.generatedExamples(lexicon: lexicon, filler: [], counts: counts)
        let b = recipe.generatedExamples(lexicon: lexicon, filler: [], counts: counts)
        #expect(a == b)
        #expect(a.count == 10)
        #expect(recipe.generatedExamples(lexicon: lexicon, filler: [], counts: ["medtop:17000000": 3]).count == 3)
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

/// How the recipe weighs sources, topics and lengths, on articles written for these tests.
@Suite struct DefaultModelRecipeWeightingTests {
    static let sport = "medtop:15000000", weather = "medtop:17000000", economy = "medtop:04000000"

    static func article(_ source: NewsSource, _ label: String, _ headline: String, body: [String] = []) -> SourceArticle {
        var article = SourceArticle(headline: headline, paragraphs: body)
        article.source = source
        article.category = label
        article.labels = [label]
        article.origin = "\(source.rawValue):\(headline)"
        return article
    }

    /// 60 sport headlines from one source, 12 sport and 12 economy full articles from another, 2 weather headlines.
    static let articles: [SourceArticle] =
        (0..<60).map { article(.huffpost, sport, "team \($0) wins the cup final") }
        + (0..<12).map { article(.bbc, sport, "striker \($0) scores twice", body: ["The forward scored in each half.", "The coach was pleased."]) }
        + (0..<12).map { article(.bbc, economy, "shares \($0) rise", body: ["Markets rallied on Monday.", "Bank stocks led the gains."]) }
        + (0..<2).map { article(.nyt, weather, "snow \($0) closes roads") }

    static let lexicon = TopicLexicon(
        topics: [sport, weather, economy],
        terms: [sport: ["goal", "match"], weather: ["rain", "gale warning", "forecast"], economy: ["shares", "inflation"]])

    @Test func topicsGetEqualWeightAndOnlyThinTopicsLeanOnGeneratedDocuments() {
        var recipe = DefaultModelRecipe()
        recipe.minimumGeneratedShare = 0
        recipe.generatedPerTopic = 50
        let material = recipe.material(articles: Self.articles, lexicon: Self.lexicon)
        let real = material.realWeight
        // Sport and economy reach an equal share; weather's two headlines are boosted at most 3x and
        // generated documents make up the rest of its share.
        #expect(abs(real[Self.sport]! - real[Self.economy]!) < 1e-9)
        #expect(real[Self.weather]! < real[Self.sport]!)
        #expect(material.generatedWeight[Self.sport] == nil)
        #expect((0.15...0.3).contains(material.generatedShare(Self.weather)))  // 1 - 3·√2 / mean share
        #expect(abs(real[Self.weather]! + material.generatedWeight[Self.weather]! - real[Self.sport]!) < 1e-9)
        let generated = material.examples.filter { $0.origin?.hasPrefix("lexicon:") ?? false }
        #expect(!generated.isEmpty)
        #expect(generated.allSatisfy { $0.labels == [Self.weather] })
        // Every length of an article is a document; the mean weight is 1.
        #expect(material.examples.filter { $0.origin?.hasSuffix("(full)") ?? false }.count == 24)
        let mean = material.examples.reduce(0.0) { $0 + Double($1.weight) } / Double(material.examples.count)
        #expect(abs(mean - 1) < 1e-4)
    }

    @Test func aBigSourceDoesNotDefineATopicAlone() {
        let recipe = DefaultModelRecipe()
        let material = recipe.material(articles: Self.articles, lexicon: nil)
        func weight(_ prefix: String) -> Double {
            material.examples.filter { $0.labels == [Self.sport] && ($0.origin?.hasPrefix(prefix) ?? false) }.reduce(0.0) { $0 + Double($1.weight) }
        }
        // 60 vs 12 articles: with source balance 0.5 the big source weighs sqrt(5) ≈ 2.2 times as much, not 5 times.
        #expect(abs(weight("huffpost") / weight("bbc") - 5.0.squareRoot()) < 0.01)
    }

    @Test func crossSourceEvaluationScoresEachHeldOutSourceAtEachLength() throws {
        var recipe = DefaultModelRecipe()
        recipe.training.features.hashBits = 12
        recipe.training.epochs = 3
        let evaluation = try CrossSourceEvaluation(recipe: recipe, articles: Self.articles, lexicon: Self.lexicon, heldOut: [.bbc, .nyt])
        #expect(evaluation.results.map(\.source) == [.bbc, .bbc, .bbc, .nyt])
        #expect(evaluation.results.map(\.length) == [.headline, .lead, .full, .headline])
        for result in evaluation.results {
            #expect((0...1).contains(result.evaluation.accuracy))
            #expect(result.byCategory.values.reduce(0) { $0 + $1.total } == result.evaluation.total)
            #expect(result.predictions.count == result.evaluation.total)
            // Each held-out source's scores are calibrated with the temperature fitted on the other's.
            let calibration = try #require(result.calibration)
            #expect(calibration.count == result.evaluation.total)
            #expect(abs(calibration.accuracy - result.evaluation.accuracy) < 1e-9)
            #expect(result.taught.count == result.evaluation.total)
        }
    }
}

@Suite struct DefaultModelRecipeLexiconShareTests {
    @Test func everyLexiconTopicKeepsTheMinimumGeneratedShare() {
        var recipe = DefaultModelRecipe()
        recipe.minimumGeneratedShare = 0.2
        let material = recipe.material(articles: DefaultModelRecipeWeightingTests.articles, lexicon: DefaultModelRecipeWeightingTests.lexicon)
        let sport = DefaultModelRecipeWeightingTests.sport
        #expect(abs(material.generatedWeight[sport]! / material.realWeight[sport]! - 0.2) < 1e-9)
        #expect(material.examples.contains { $0.labels == [sport] && ($0.origin?.hasPrefix("lexicon:") ?? false) })
    }
}

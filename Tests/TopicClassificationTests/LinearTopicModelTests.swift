import Foundation
import Testing
import TopicClassification
import GazetteCore

@Suite struct LinearTopicModelTests {
    static let options: TrainingOptions = {
        var options = TrainingOptions()
        options.features.hashBits = 14
        return options
    }()

    @Test func learnsASmallCorpusAndPredictsHeldOutTexts() throws {
        let model = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        #expect(model.labels == ["astronomy", "cooking", "sailing"])
        let evaluation = TopicEvaluation(model: model, examples: SmallCorpus.heldOut)
        #expect(evaluation.accuracy >= 5.0 / 6.0)
        #expect(evaluation.total == 6)
        #expect(evaluation.confusion.flatMap { $0 }.reduce(0, +) == 6)
        #expect(evaluation.report.contains("macro F1"))
    }

    @Test func probabilitiesAreADistributionAndRankedBestFirst() throws {
        let model = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        let p = model.probabilities(of: ["Knead the dough and bake it in the oven."])
        #expect(p.count == 3)
        #expect(abs(p.reduce(0, +) - 1) < 1e-4)
        let ranked = model.rankedScores(of: ["Knead the dough and bake it in the oven."])
        #expect(ranked.first?.id == "cooking")
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(ranked.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func trainingIsDeterministic() throws {
        let a = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        let b = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        #expect(try a.serialized(encoding: .float32) == b.serialized(encoding: .float32))
    }

    @Test func float32RoundTripGivesIdenticalScores() throws {
        let model = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-topics-\(UUID().uuidString).gztm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path, encoding: .float32)
        let loaded = try LinearTopicModel(contentsOf: path)
        #expect(loaded.labels == model.labels)
        #expect(loaded.temperature == model.temperature)
        for example in SmallCorpus.heldOut {
            #expect(loaded.probabilities(of: example.parts) == model.probabilities(of: example.parts))
        }
    }

    @Test func int8RoundTripStaysCloseAndIsStable() throws {
        let model = try LinearTopicModel.train(SmallCorpus.training, options: Self.options)
        let loaded = try LinearTopicModel(serialized: model.serialized(encoding: .int8))
        for example in SmallCorpus.heldOut {
            let a = model.probabilities(of: example.parts), b = loaded.probabilities(of: example.parts)
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 0.03 })
            #expect(model.predict(example.parts) == loaded.predict(example.parts))
        }
        let again = try LinearTopicModel(serialized: loaded.serialized(encoding: .int8))
        #expect(again.probabilities(of: ["sail"]) == loaded.probabilities(of: ["sail"]))
    }

    @Test func damagedModelFilesGiveModelErrors() throws {
        let bytes = try LinearTopicModel.train(SmallCorpus.training, options: Self.options).serialized(encoding: .int8)
        for damaged in [Array(bytes.prefix(bytes.count - 10)), Array("not a model".utf8), [], Array(bytes.prefix(20))] {
            #expect(throws: GazetteError.self) { try LinearTopicModel(serialized: damaged) }
            do { _ = try LinearTopicModel(serialized: damaged) } catch { #expect(error.code == .model) }
        }
        do { _ = try LinearTopicModel(contentsOf: "/nonexistent/model.gztm") } catch { #expect(error.code == .model) }
    }

    @Test func multiLabelExamplesShareTheirWeight() throws {
        var examples = SmallCorpus.training
        examples.append(TopicExample(parts: ["Cooking fish on board the yacht in a calm bay."], labels: ["cooking", "sailing"]))
        let model = try LinearTopicModel.train(examples, options: Self.options)
        #expect(model.labels.count == 3)
    }
}

@Suite struct WeightedTrainingAndExplanationTests {
    static let options: TrainingOptions = {
        var options = TrainingOptions()
        options.features.hashBits = 14
        return options
    }()

    @Test func heavierExamplesWinAnAmbiguousText() throws {
        var examples = SmallCorpus.training
        let text = "The boat's galley smelled of fresh bread at dawn."
        examples.append(TopicExample(parts: [text], labels: ["cooking"], weight: 6))
        examples.append(TopicExample(parts: [text], labels: ["sailing"], weight: 0.2))
        #expect(try LinearTopicModel.train(examples, options: Self.options).predict([text]) == "cooking")
        examples[examples.count - 2].weight = 0.2
        examples[examples.count - 1].weight = 6
        #expect(try LinearTopicModel.train(examples, options: Self.options).predict([text]) == "sailing")
    }

    @Test func negativeWeightsAreRejected() {
        var examples = SmallCorpus.training
        examples[0].weight = -1
        do {
            _ = try LinearTopicModel.train(examples, options: Self.options)
            Issue.record("a negative weight should fail")
        } catch {
            #expect(error.code == .invalidRecord)
        }
    }

    @Test func withoutBiasesTheModelHasNoPriors() throws {
        var options = Self.options
        options.fitBias = false
        let model = try LinearTopicModel.train(SmallCorpus.training, options: options)
        #expect(model.bias.allSatisfy { $0 == 0 })
        #expect(TopicEvaluation(model: model, examples: SmallCorpus.heldOut).accuracy >= 5.0 / 6.0)
    }

    @Test func explanationsNameTheTopicalWordsOfTheText() throws {
        var options = Self.options
        options.features.stopWords = FeatureOptions.englishStopWords
        let model = try LinearTopicModel.train(SmallCorpus.training, options: options)
        let text = "Through the telescope the comet was bright above the observatory."
        let explanation = model.explain([text], label: "astronomy", limit: 5)
        #expect(!explanation.isEmpty && explanation.count <= 5)
        #expect(explanation.contains { $0.feature == "telescope" })
        #expect(explanation.allSatisfy { $0.weight > 0 })
        #expect(zip(explanation, explanation.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        #expect(!explanation.contains { ["the", "through", "was"].contains($0.feature) })
        #expect(explanation.allSatisfy { text.lowercased().contains($0.feature) })
        #expect(model.explain([text], label: "gardening").isEmpty)
    }

    @Test func stopWordsAreNoFeaturesAndBigramsSpanThem() {
        var options = FeatureOptions()
        options.hashBits = 16
        options.stopWords = ["of", "the"]
        let hasher = WordHasher(options: options)
        func buckets(_ text: String) -> [Int] {
            var out: [Int] = []
            hasher.forEachBucket(in: text) { out.append($0) }
            return out
        }
        #expect(buckets("Bank of England") == buckets("bank england"))
        #expect(buckets("the the of").isEmpty)
        var ranges: [String] = []
        var text = "Bank of England"
        text.withUTF8 { bytes in
            hasher.forEachFeature(inBytes: bytes) { _, range in
                ranges.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        #expect(ranges == ["Bank", "England", "Bank of England"])
    }

    @Test func modelHeadersWithoutStopWordsStillDecode() throws {
        let json = #"{"hashBits": 12, "bigrams": true, "sublinearTF": true, "idf": true}"#
        let options = try JSONDecoder().decode(FeatureOptions.self, from: Data(json.utf8))
        #expect(options.hashBits == 12)
        #expect(options.stopWords.isEmpty)
        var withWords = options
        withWords.stopWords = ["the"]
        #expect(try JSONDecoder().decode(FeatureOptions.self, from: JSONEncoder().encode(withWords)) == withWords)
    }
}

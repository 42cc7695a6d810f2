import Foundation
import Testing
import TopicClassification
import GazetteCore

/// Word cluster features: a word the training texts never had still counts for the topic its
/// cluster's other words were learnt for.
@Suite struct TopicWordClustersTests {
    /// Two granularities: sailing and cooking words share coarse cluster 0 and 1, fine clusters apart.
    static let table = """
        # test clusters written for these tests
        bake\t1\t10
        dinghy\t0\t20
        galley\t0\t21
        keel\t0\t20
        knead\t1\t11
        oven\t1\t11
        skillet\t1\t11
        spinnaker\t0\t20
        u.s.\t3\t30
        """

    static func clusters() throws -> TopicWordClusters {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-clusters-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try table.write(toFile: path, atomically: true, encoding: .utf8)
        return try TopicWordClusters(contentsOf: path)
    }

    static let training: [TopicExample] = [
        TopicExample(parts: ["We hoisted the spinnaker and the dinghy heeled over."], labels: ["sailing"]),
        TopicExample(parts: ["The keel scraped the sandbar as the tide fell."], labels: ["sailing"]),
        TopicExample(parts: ["Trim the spinnaker before rounding the mark."], labels: ["sailing"]),
        TopicExample(parts: ["Knead the bread, then bake it in a hot oven."], labels: ["cooking"]),
        TopicExample(parts: ["Heat the oven and bake the pie for forty minutes."], labels: ["cooking"]),
        TopicExample(parts: ["Knead gently and rest the dough under a cloth."], labels: ["cooking"]),
    ]

    static func options(levels: [Int]) -> TrainingOptions {
        var options = TrainingOptions()
        options.features.hashBits = 14
        options.features.clusterLevels = levels
        options.calibrate = false
        options.fitBias = false
        return options
    }

    @Test func readsTheTableAndSkipsEntriesTheHasherSplits() throws {
        let clusters = try Self.clusters()
        #expect(clusters.count == 8)  // "u.s." reads as two words
        #expect(clusters.levels == 2)
    }

    @Test func anUnseenWordCountsThroughItsCluster() throws {
        var options = Self.options(levels: [1])
        options.clusters = try Self.clusters()
        let withClusters = try LinearTopicModel.train(Self.training, options: options)
        let plain = try LinearTopicModel.train(Self.training, options: Self.options(levels: []))
        // "skillet" and "keel"'s neighbour "dinghy" are in the table; "skillet" is in no training text.
        let text = ["Skillet, stove."]
        let p = withClusters.probabilities(of: text), q = plain.probabilities(of: text)
        let cooking = try #require(withClusters.labels.firstIndex(of: "cooking"))
        #expect(p[cooking] > 0.6)
        #expect(abs(q[cooking] - 0.5) < 0.01)  // no word the plain model knows
        #expect(withClusters.predict(["Stow it in the galley of the dinghy."]) == "sailing")
    }

    @Test func explainNamesTheClusterOfAWord() throws {
        var options = Self.options(levels: [1])
        options.clusters = try Self.clusters()
        let model = try LinearTopicModel.train(Self.training, options: options)
        let features = model.explain(["A skillet on the stove."], label: "cooking").map(\.feature)
        #expect(features.contains("~skillet"))
    }

    @Test func theModelFileNamesItsClusterFileAndModelsWithoutKeepVersion1() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-clusters-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tablePath = (folder as NSString).appendingPathComponent("kitchen-and-boat.tsv")
        try Self.table.write(toFile: tablePath, atomically: true, encoding: .utf8)
        var options = Self.options(levels: [0, 1])
        options.clusters = try TopicWordClusters(contentsOf: tablePath)
        let model = try LinearTopicModel.train(Self.training, options: options)
        let modelPath = (folder as NSString).appendingPathComponent("model.gztm")
        try model.write(to: modelPath, encoding: .float32)
        let loaded = try LinearTopicModel(contentsOf: modelPath)
        #expect(loaded.extractor.clusters == model.extractor.clusters)
        #expect(loaded.extractor.options.clusterLevels == [0, 1])
        for text in ["A skillet on the stove.", "Stow it in the galley."] {
            #expect(loaded.probabilities(of: [text]) == model.probabilities(of: [text]))
        }
        let bytes = try model.serialized(encoding: .int8)
        let header = String(decoding: bytes.prefix(800), as: UTF8.self)
        #expect(header.contains("\"version\":2") && header.contains("kitchen-and-boat.tsv"))
        // Without its cluster file next to it, or with another table, the model is refused, not misread.
        #expect(throws: GazetteError.self) { try LinearTopicModel(serialized: bytes, directory: NSTemporaryDirectory()) }
        try "oven\t1\t11\n".write(toFile: tablePath, atomically: true, encoding: .utf8)
        #expect(throws: GazetteError.self) { try LinearTopicModel(contentsOf: modelPath) }
        let plain = try LinearTopicModel.train(Self.training, options: Self.options(levels: []))
        let plainHeader = String(decoding: try plain.serialized(encoding: .int8).prefix(800), as: UTF8.self)
        #expect(plainHeader.contains("\"version\":1") && !plainHeader.contains("cluster"))
    }

    @Test func aRaggedTableIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-clusters-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "oven\t1\t11\nkeel\t0\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: GazetteError.self) { try TopicWordClusters(contentsOf: path) }
        #expect(error?.message.contains(":2:") == true)
    }
}

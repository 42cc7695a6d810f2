public import ArgumentParser
import Foundation
import Gazette

/// `gazette topics`: train, evaluate and run topic classifiers, and rebuild the shipped IPTC model.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Train, evaluate and run topic classifiers (IPTC Media Topics or your own labels).",
        subcommands: [Train.self, Eval.self, Classify.self, BuildDefault.self, CrossEval.self]
    )

    /// `gazette topics train DATA.jsonl -o MODEL`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a topic model on JSONL records {\"text\"|\"html\", \"label\"|\"labels\"}.")

        @Argument(help: "Training data: one JSON object per line with \"text\" (or \"html\") and \"label\" (or \"labels\").")
        var data: String
        @Option(name: .shortAndLong, help: "Where to write the model file.")
        var output: String
        @OptionGroup var training: TrainingFlags

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let examples = try TopicDataset.load(data, htmlReader: htmlReader)
            let model = try LinearTopicModel.train(examples, options: training.options(source: data))
            try model.write(to: output, encoding: training.encoding)
            let seconds = (clock.now - start).seconds
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            printError(
                "trained on \(examples.count) documents, \(model.labels.count) labels in \(String(format: "%.2f", seconds)) s; "
                    + "wrote \(output) (\(size / 1024) KiB, temperature \(String(format: "%.2f", model.temperature)))")
        }
    }

    /// `gazette topics eval DATA.jsonl --model MODEL`.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print accuracy, macro F1 and the confusion matrix of a model on labelled JSONL.")

        @Argument(help: "Labelled data in the training format.")
        var data: String
        @Option(help: "Model file (default: the shipped IPTC model).")
        var model: String?

        func run() throws {
            let model = try loadModel(model)
            let examples = try TopicDataset.load(data, htmlReader: htmlReader)
            print(TopicEvaluation(model: model, examples: examples).report, terminator: "")
        }
    }

    /// `gazette topics classify`.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the topics of text files, of JSONL records or of standard input as JSON lines.")

        @Argument(help: "Plain-text files; none reads standard input.")
        var files: [String] = []
        @Option(help: "JSONL file of {\"text\", \"title\"?} records (labels, if any, are ignored) instead of text files.")
        var jsonl: String?
        @Option(help: "Model file (default: the shipped IPTC model).")
        var model: String?
        @Option(help: "Probability a second or third topic needs to be listed.")
        var threshold: Double = TopicClassifier.defaultThreshold
        @Option(help: "Most topics listed per text.")
        var top: Int = 3
        @Flag(help: "Also list the words and word pairs that pushed the text most towards its top topic (\"explain\").")
        var explain = false

        func run() throws {
            let classifier = TopicClassifier(model: try loadModel(model), threshold: threshold, maxTopics: top)
            var inputs: [(String, String)] = []
            if let jsonl {
                for record in try TopicDataset.loadTexts(jsonl) { inputs.append((record.origin ?? jsonl, record.parts.joined(separator: "\n"))) }
            } else if files.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs.append(("-", String(decoding: data, as: UTF8.self)))
            } else {
                for file in files {
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        throw GazetteError(.io, "could not read \(file) as UTF-8 text")
                    }
                    inputs.append((file, text))
                }
            }
            for (name, text) in inputs {
                var writer = JSONWriter()
                writer.beginObject()
                writer.key("file"); writer.string(name)
                writer.key("topics"); writer.beginArray()
                let topics = classifier.topics(title: nil, text: text)
                for topic in topics {
                    writer.beginObject()
                    writer.key("id"); writer.string(topic.id)
                    writer.key("label"); writer.string(topic.label)
                    writer.key("score"); writer.number(topic.score)
                    writer.endObject()
                }
                writer.endArray()
                if explain, let top = topics.first {
                    writer.key("explain"); writer.beginArray()
                    for contribution in classifier.model.explain([text], label: top.id) {
                        writer.beginObject()
                        writer.key("feature"); writer.string(contribution.feature)
                        writer.key("weight"); writer.number(contribution.weight, digits: 3)
                        writer.endObject()
                    }
                    writer.endArray()
                }
                writer.endObject()
                print(writer.output)
            }
        }
    }

    /// `gazette topics build-default`: rebuilds the shipped IPTC model.
    struct BuildDefault: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build-default",
            abstract: "Rebuild the shipped IPTC model from labelled news (--data) and the topic lexicon.")

        @Option(help: "Folder holding bbc/ and topics-extra/ (the development data); without it the model is built from the lexicon alone.")
        var data: String?
        @Option(help: "Topic lexicon (default: models/topics/lexicon.tsv in the data folder).")
        var lexicon: String?
        @Option(name: .customLong("leave-out"), help: "Build without this source (\(NewsSource.allCases.map(\.rawValue).joined(separator: ", "))); repeatable.")
        var leaveOut: [NewsSource] = []
        @Option(name: .shortAndLong, help: "Output model file (default: the shipped model's path).")
        var output: String?
        @OptionGroup var recipe: RecipeFlags

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let lexiconPath = try lexicon ?? DataLocator.path("models/topics/lexicon.tsv")
            let outputPath = try output ?? DataLocator.path(TopicClassifier.defaultModelPath)
            if data == nil { printError("note: no --data folder given: building from the lexicon alone (much weaker model)") }
            let model = try recipe.recipe().build(dataDirectory: data, lexiconPath: lexiconPath, leaveOut: Set(leaveOut))
            try model.write(to: outputPath, encoding: .int8)
            if model.extractor.clusters != nil {
                // The model reads its word clusters from the file next to it: copy them there.
                let source = try recipe.clusters ?? DataLocator.path(DefaultModelRecipe.clustersPath)
                let target = ((outputPath as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent((source as NSString).lastPathComponent)
                if URL(fileURLWithPath: source).standardizedFileURL != URL(fileURLWithPath: target).standardizedFileURL {
                    try? FileManager.default.removeItem(atPath: target)
                    try FileManager.default.copyItem(atPath: source, toPath: target)
                }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
            printError(
                "built \(outputPath) (\(size / 1024) KiB) from \(model.provenance["examples"] ?? "?") documents "
                    + "(\(model.provenance["articles"] ?? "0") articles) in \(String(format: "%.1f", (clock.now - start).seconds)) s")
        }
    }

    /// `gazette topics cross-eval`: leave-one-source-out evaluation of the shipped model's recipe.
    struct CrossEval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cross-eval",
            abstract: "Leave-one-source-out evaluation of the shipped model's recipe: train without a source, score it.")

        @Option(help: "Folder holding bbc/ and topics-extra/ (the development data).")
        var data: String
        @Option(help: "Topic lexicon (default: models/topics/lexicon.tsv in the data folder).")
        var lexicon: String?
        @Option(help: "Hold out only this source (repeatable; default: each in turn).")
        var source: [NewsSource] = []
        @Flag(help: "Also print accuracy by source category and the confusion matrices.")
        var details = false
        @Option(help: "Write each source's articles at each length as JSONL {text, labels, category} to this folder (no evaluation).")
        var export: String?
        @OptionGroup var recipe: RecipeFlags

        func run() throws {
            let articles = try DefaultModelRecipe.articles(dataDirectory: data)
            if let export {
                try exportArticles(articles, to: export)
                return
            }
            let lexicon = try DefaultModelRecipe.lexicon(lexicon ?? DataLocator.path("models/topics/lexicon.tsv"))
            let heldOut = source.isEmpty ? NewsSource.allCases : source
            let clock = ContinuousClock()
            let start = clock.now
            let evaluation = try CrossSourceEvaluation(
                recipe: recipe.recipe(), articles: articles, lexicon: lexicon, heldOut: heldOut,
                progress: { printError("cross-eval: \($0)") })
            print("leave-one-source-out: accuracy on the held-out source (top topic among the article's mapped topics)")
            print("taught: only articles with a topic the other sources teach with real articles; mean top score and")
            print("calibration error (ECE) with the temperature fitted on the other sources' held-out scores")
            print("source        length     articles  accuracy  macro F1  coarse   taught  accuracy  mean top     ECE")
            for result in evaluation.results {
                let coarse = coarseAccuracy(result.predictions)
                let taught = result.taughtScore
                print(pad(result.source.rawValue, 13) + " " + pad(result.length.rawValue, 9) + " "
                    + pad(String(result.evaluation.total), 9, left: true) + "  " + pad(format(result.evaluation.accuracy), 8, left: true)
                    + "  " + pad(format(result.evaluation.macroF1), 8, left: true) + "  "
                    + pad(coarse.map(format) ?? "-", 6, left: true) + "  " + pad(String(taught.total), 7, left: true) + "  "
                    + pad(taught.total > 0 ? format(Double(taught.correct) / Double(taught.total)) : "-", 8, left: true) + "  "
                    + pad(result.calibration.map { format($0.meanScore) } ?? "-", 8, left: true) + "  "
                    + pad(result.calibration.map { format($0.expectedError) } ?? "-", 6, left: true))
            }
            if details {
                for result in evaluation.results {
                    print("\n== \(result.source.rawValue), \(result.length.rawValue): by category")
                    for (category, score) in result.byCategory.sorted(by: { $0.key < $1.key }) {
                        print("  " + pad(category, 26) + " " + pad(String(score.total), 5, left: true) + "  "
                            + format(Double(score.correct) / Double(max(1, score.total))))
                    }
                    print(result.evaluation.report)
                }
            }
            printError("cross-eval: \(evaluation.results.count) results in \(String(format: "%.0f", (clock.now - start).seconds)) s")
        }

        /// Accuracy when topics are read as four coarse classes (world, sport, business, sci/tech; the
        /// reading of Scripts/eval-topics-coarse.py), over articles whose topics are not arts or
        /// lifestyle (no coarse class of their own); nil when there are none.
        func coarseAccuracy(_ predictions: [(labels: [String], predicted: String)]) -> Double? {
            var correct = 0, total = 0
            for (labels, predicted) in predictions where !labels.contains(where: { Self.noCoarseClass.contains($0) }) {
                total += 1
                if labels.contains(where: { Self.coarse[$0] == Self.coarse[predicted] }) { correct += 1 }
            }
            return total > 0 ? Double(correct) / Double(total) : nil
        }

        static let noCoarseClass: Set<String> = ["medtop:01000000", "medtop:10000000"]
        static let coarse: [String: String] = [
            "medtop:04000000": "business", "medtop:09000000": "business", "medtop:15000000": "sport",
            "medtop:13000000": "scitech", "medtop:07000000": "scitech", "medtop:06000000": "scitech",
        ].merging(TopicTaxonomy.iptcTopLevel.map { ($0.id, "world") }) { first, _ in first }

        func exportArticles(_ articles: [SourceArticle], to folder: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for source in NewsSource.allCases {
                var lines = ""
                for article in articles where article.source == source {
                    for length in article.lengths {
                        var writer = JSONWriter()
                        writer.beginObject()
                        writer.key("id"); writer.string(article.origin)
                        writer.key("length"); writer.string(length.rawValue)
                        writer.key("category"); writer.string(article.category)
                        writer.key("labels"); writer.beginArray()
                        for label in article.labels { writer.string(label) }
                        writer.endArray()
                        writer.key("text"); writer.string(article.text(length) ?? "")
                        writer.endObject()
                        lines += writer.output + "\n"
                    }
                }
                let path = (folder as NSString).appendingPathComponent("\(source.rawValue).jsonl")
                try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
    }
}

/// The shipped model's recipe settings, for trying others with `build-default` and `cross-eval`.
struct RecipeFlags: ParsableArguments {
    @Option(help: "Passes over the data.")
    var epochs: Int?
    @Option(help: "Hash space size as a power of two (10-24).")
    var hashBits: Int?
    @Option(help: "Adagrad learning rate.")
    var learningRate: Float?
    @Option(help: "L2 penalty.")
    var l2: Float?
    @Flag(help: "Word unigrams only (no bigrams).")
    var noBigrams = false
    @Flag(help: "Keep function words (the, of, said) as features.")
    var keepStopWords = false
    @Option(help: "Learn class biases (priors): true or false.")
    var fitBias: Bool?
    @Option(help: "Spread of a topic's weight over sources: 1 proportional to size, 0 equal.")
    var sourceBalance: Double?
    @Option(help: "Most a thin topic's real articles are scaled up.")
    var maxTopicBoost: Double?
    @Option(help: "Weight of 20 Newsgroups posts relative to news.")
    var newsgroupsWeight: Double?
    @Option(help: "Weights of headline, lead and full text, e.g. 1,1,1.")
    var lengthWeights: String?
    @Option(help: "Share of every topic that generated documents get at least (0-1).")
    var minimumGeneratedShare: Double?
    @Option(help: "Generated documents for a topic with no real data.")
    var generatedPerTopic: Int?
    @Option(help: "Starting weight of lexicon terms for their topic (0: no prior).")
    var lexiconPrior: Float?
    @Option(help: "Fewest lexicon term occurrences of another topic to relabel a section article (0: no relabelling).")
    var relabelEvidence: Int?
    @Option(help: "How many times its own topics' lexicon count the other topic's must reach to relabel.")
    var relabelDominance: Double?
    @Option(help: "Fewest lexicon term occurrences of one of a multi-topic article's topics to keep only it (0: no narrowing).")
    var narrowEvidence: Int?
    @Option(help: "Section categories that may be relabelled, as source:category pairs separated by '|' (default: the documented ones).")
    var sectionCategories: String?
    @Flag(help: "Fit the temperature on a held-out fifth of the training mix instead of on held-out sources.")
    var inSourceCalibration = false
    @Option(help: "Word cluster table (word<TAB>ids) whose clusters are features too (default: models/ner/clusters.tsv in the data folder).")
    var clusters: String?
    @Option(help: "Cluster table columns used as features, e.g. 1,2 (0 = coarsest; 'none' for words only).")
    var clusterLevels: String?
    @Option(help: "Weight of cluster features against words.")
    var clusterWeight: Float?

    func recipe() throws -> DefaultModelRecipe {
        var recipe = DefaultModelRecipe()
        if let epochs { recipe.training.epochs = epochs }
        if let hashBits { recipe.training.features.hashBits = hashBits }
        if let learningRate { recipe.training.learningRate = learningRate }
        if let l2 { recipe.training.l2 = l2 }
        if noBigrams { recipe.training.features.bigrams = false }
        if keepStopWords { recipe.training.features.stopWords = [] }
        if let fitBias { recipe.training.fitBias = fitBias }
        if let sourceBalance { recipe.sourceBalance = sourceBalance }
        if let maxTopicBoost { recipe.maxTopicBoost = maxTopicBoost }
        if let newsgroupsWeight { recipe.sourceWeights[.newsgroups] = newsgroupsWeight }
        if let generatedPerTopic { recipe.generatedPerTopic = generatedPerTopic }
        if let minimumGeneratedShare { recipe.minimumGeneratedShare = minimumGeneratedShare }
        if let lexiconPrior { recipe.lexiconPriorStrength = lexiconPrior }
        if let relabelEvidence { recipe.relabelEvidence = relabelEvidence }
        if let relabelDominance { recipe.relabelDominance = relabelDominance }
        if let narrowEvidence { recipe.narrowEvidence = narrowEvidence }
        if inSourceCalibration { recipe.calibrateOnHeldOutSources = false }
        if let clusterLevels { recipe.training.features.clusterLevels = clusterLevels.split(separator: ",").compactMap { Int($0) } }
        if let clusterWeight { recipe.training.features.clusterWeight = clusterWeight }
        if !recipe.training.features.clusterLevels.isEmpty {
            recipe.training.clusters = try TopicWordClusters(contentsOf: clusters ?? DataLocator.path(DefaultModelRecipe.clustersPath))
        }
        if let sectionCategories {
            var sections: [NewsSource: Set<String>] = [:]
            for pair in sectionCategories.split(separator: "|") {
                let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let source = NewsSource(rawValue: parts[0]) else {
                    throw GazetteError(.usage, "--section-categories needs source:category pairs, got \(pair)")
                }
                sections[source, default: []].insert(parts[1])
            }
            recipe.sectionCategories = sections
        }
        if let lengthWeights {
            let values = lengthWeights.split(separator: ",").compactMap { Double($0) }
            guard values.count == 3 else { throw GazetteError(.usage, "--length-weights needs three numbers: headline,lead,full") }
            recipe.lengthWeights = [.headline: values[0], .lead: values[1], .full: values[2]]
        }
        return recipe
    }
}

/// Options shared by the training commands.
struct TrainingFlags: ParsableArguments {
    @Option(help: "Passes over the data.")
    var epochs: Int = 6
    @Option(help: "Hash space size as a power of two (10-24).")
    var hashBits: Int = 18
    @Option(help: "Adagrad learning rate.")
    var learningRate: Float = 0.5
    @Option(help: "L2 penalty.")
    var l2: Float = 1e-6
    @Option(help: "Random seed (same data and seed give the same model).")
    var seed: UInt64 = 1
    @Flag(help: "Word unigrams only (no bigrams).")
    var noBigrams = false
    @Flag(help: "Leave English function words (the, of, said) out of the features.")
    var stopWords = false
    @Flag(help: "Skip fitting the probability temperature on a held-out fifth.")
    var noCalibration = false
    @Option(help: "Weight storage: int8 (small) or float32 (exact).")
    var encoding: WeightEncoding = .int8

    func options(source: String) throws -> TrainingOptions {
        var options = TrainingOptions()
        options.epochs = epochs
        options.features.hashBits = hashBits
        options.features.bigrams = !noBigrams
        if stopWords { options.features.stopWords = FeatureOptions.englishStopWords }
        options.learningRate = learningRate
        options.l2 = l2
        options.seed = seed
        options.calibrate = !noCalibration
        options.provenance["data"] = (source as NSString).lastPathComponent
        return options
    }
}

extension WeightEncoding: ExpressibleByArgument {}
extension NewsSource: ExpressibleByArgument {}

/// The shipped model or the one at `path`.
private func loadModel(_ path: String?) throws -> LinearTopicModel {
    try LinearTopicModel(contentsOf: path ?? DataLocator.path(TopicClassifier.defaultModelPath))
}

/// Turns `html` records into title and text with the pipeline's HTML cleaner.
private let htmlReader: TopicDataset.HTMLReader? = { (bytes: [UInt8]) throws(GazetteError) -> [String] in
    var article = Article(id: "record", html: bytes)
    try HTMLCleaner().process(&article)
    return [article.title ?? "", article.text]
}

/// Writes a line to standard error.
private func printError(_ line: String) { StandardError.writeLine(line) }
private func format(_ x: Double) -> String { String(format: "%.4f", x) }

private func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return left ? fill + s : s + fill
}

public import ArgumentParser
import Foundation
import Gazette

/// `gazette topics`: train, evaluate and run topic classifiers, and rebuild the shipped IPTC model.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Train, evaluate and run topic classifiers (IPTC Media Topics or your own labels).",
        subcommands: [Train.self, Eval.self, Classify.self, BuildDefault.self]
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

        func run() throws {
            let classifier = TopicClassifier(model: try loadModel(model), threshold: threshold)
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
                for topic in classifier.topics(title: nil, text: text) {
                    writer.beginObject()
                    writer.key("id"); writer.string(topic.id)
                    writer.key("label"); writer.string(topic.label)
                    writer.key("score"); writer.number(topic.score)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
                print(writer.output)
            }
        }
    }

    /// `gazette topics build-default`: rebuilds the shipped IPTC model.
    struct BuildDefault: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build-default",
            abstract: "Rebuild the shipped IPTC model from the topic lexicon and the BBC News articles.")

        @Option(help: "Topic lexicon (default: models/topics/lexicon.tsv in the data folder).")
        var lexicon: String?
        @Option(help: "BBC News JSONL {category, text}; without it the model is built from the lexicon alone.")
        var bbc: String?
        @Option(name: .shortAndLong, help: "Output model file (default: the shipped model's path).")
        var output: String?

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let lexiconPath = try lexicon ?? DataLocator.path("models/topics/lexicon.tsv")
            let outputPath = try output ?? DataLocator.path(TopicClassifier.defaultModelPath)
            if bbc == nil { printError("note: no --bbc file given: building from the lexicon alone (weaker model)") }
            let model = try DefaultModelRecipe().build(lexiconPath: lexiconPath, bbcPath: bbc)
            try model.write(to: outputPath, encoding: .int8)
            let size = (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
            printError(
                "built \(outputPath) (\(size / 1024) KiB) from \(model.provenance["examples"] ?? "?") documents "
                    + "(\(model.provenance["articles"] ?? "0") articles) in \(String(format: "%.1f", (clock.now - start).seconds)) s")
        }
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
    @Flag(help: "Skip fitting the probability temperature on a held-out fifth.")
    var noCalibration = false
    @Option(help: "Weight storage: int8 (small) or float32 (exact).")
    var encoding: WeightEncoding = .int8

    func options(source: String) throws -> TrainingOptions {
        var options = TrainingOptions()
        options.epochs = epochs
        options.features.hashBits = hashBits
        options.features.bigrams = !noBigrams
        options.learningRate = learningRate
        options.l2 = l2
        options.seed = seed
        options.calibrate = !noCalibration
        options.provenance["data"] = (source as NSString).lastPathComponent
        return options
    }
}

extension WeightEncoding: ExpressibleByArgument {}

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

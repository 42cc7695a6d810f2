import ArgumentParser
import Foundation
import Gazette

/// `gazette ner`: train, evaluate and time the entity recogniser.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train, evaluate and benchmark the entity recogniser.",
        subcommands: [Train.self, TrainLanguage.self, Eval.self, Bench.self]
    )

    /// Lists and model shared by the subcommands.
    struct Resources: ParsableArguments {
        @OptionGroup var lists: GazetteerOptions

        func load() throws -> EntityResources {
            try EntityResources.load(gazetteerDirectory: lists.directory, extraGazetteers: lists.extra)
        }
    }

    /// Segments a text and matches the gazetteer: the analysis the recogniser reads.
    static func analyse(_ text: String, id: String, resources: EntityResources, language: String? = nil) throws -> Article {
        var article = Article(id: id, text: text)
        article.language = language
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: resources.gazetteer).process(&article)
        return article
    }

    /// `gazette ner train`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the recogniser on a CoNLL-2003 file (train split only) plus extra corpora, and write the model.")
        @Option(help: "CoNLL-2003 training file (word POS chunk label).") var conll: String
        @Option(help: "More labelled text (CoNLL-style columns: WikiGold, Broad Twitter Corpus, Universal NER; repeatable). Its held-out slice (every 5th document) is never trained on.")
        var extra: [String] = []
        @Option(help: "Times each CoNLL training document is seen per epoch (weighs the news text against the extra corpora).")
        var conllCopies = 1
        @Option(help: "Size of the perceptron updates made on the extra corpora, news being 1 (below 1: they count for less).")
        var extraWeight: Float = 1
        @Flag(inversion: .prefixedNo, help: "Give each extra corpus its own copy of the domain features (news stays the tagged domain).")
        var domains = true
        @Option(help: "Word cluster file (word, coarse, middle, fine); the model carries it. Default: none.")
        var clusters: String?
        @Option(name: .shortAndLong, help: "Model file to write.") var output: String = EntityRecognizer.defaultModelPath
        @Option(help: "Passes over the data.") var epochs = 12
        @Option(help: "log2 of the number of weight rows.") var bits = 18
        @Option(help: "Shuffle seed.") var seed: UInt64 = 20_031
        @Option(help: "Update also when the gold label wins by less than this margin (0: the plain perceptron).") var margin: Float = 0
        @Option(help: "Keep every Nth document out of training and score on it, with and without rules (0 = off).")
        var holdout = 0
        @OptionGroup var resources: Resources

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let res = try resources.load()
            let documents = try CoNLLCorpus.read(path: conll)
            let wordClusters = if let clusters { try WordClusters(contentsOf: clusters) } else { WordClusters() }
            var trainer = PerceptronTrainer(lexicons: RecognizerLexicons(res.lexicons), clusters: wordClusters)
            var held: [(CoNLLDocument, Article)] = []
            for (number, path) in extra.enumerated() {
                var used = 0
                for (k, doc) in try CoNLLCorpus.read(path: path).enumerated() where !CoNLLCorpus.isHeldOut(k) {
                    let article = try NERCommand.analyse(doc.text, id: doc.id, resources: res)
                    trainer.add(article, gold: doc.labels(for: article.tokens), domain: domains ? number + 1 : 0, weight: extraWeight)
                    used += 1
                }
                print("\(path): \(used) documents (held-out slice left out)")
            }
            for (k, doc) in documents.enumerated() {
                let article = try NERCommand.analyse(doc.text, id: doc.id, resources: res)
                if holdout > 0, k % holdout == holdout - 1 {
                    held.append((doc, article))
                } else {
                    let gold = doc.labels(for: article.tokens)
                    for _ in 0..<max(1, conllCopies) { trainer.add(article, gold: gold) }
                }
            }
            print("\(documents.count - held.count) CoNLL documents; \(trainer.tokenCount) training tokens in all; analysed in \(clock.now - start)")
            let trained = trainer.train(epochs: epochs, bits: bits, seed: seed, margin: margin) { epoch, errorRate in
                print("epoch \(epoch): token error rate \(String(format: "%.4f", errorRate))")
            }
            let model = trained.quantized()
            try model.write(to: output)
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print("wrote \(output): \(model.nonZeroRows) rows, \(size) bytes; total \(clock.now - start)")
            if !held.isEmpty {
                for (rules, m) in [(false, trained), (false, model), (true, model)] {
                    let recognizer = EntityRecognizer(model: m, lexicons: RecognizerLexicons(res.lexicons), rules: rules)
                    var score = NERScore()
                    var bySource: [String: (Int, Int)] = [:]
                    for (doc, article) in held {
                        var tagged = article
                        try recognizer.process(&tagged)
                        score.add(gold: doc.spans, predicted: tagged.mentions)
                        let gold = Set(doc.spans.map { [$0.range.start, $0.range.end, $0.spanClass] })
                        for m in tagged.mentions where m.source.hasPrefix("rule:") {
                            let ok = gold.contains([m.range.start, m.range.end, NERScore.spanClass(m.type)])
                            let old = bySource[m.source] ?? (0, 0)
                            bySource[m.source] = (old.0 + 1, old.1 + (ok ? 1 : 0))
                            if !ok, ProcessInfo.processInfo.environment["NER_SHOW"] != nil {
                                let golds = doc.spans.filter { $0.range.overlaps(m.range) }.map { "\($0.spanClass):" + String(decoding: Array(doc.text.utf8)[$0.range.start..<$0.range.end], as: UTF8.self) }
                                print("  \(m.source) \(m.type) \(m.surface) | gold \(golds)")
                            }
                        }
                    }
                    print("held-out (\(held.count) documents), rules \(rules ? "on" : "off"):\n\(score.report)")
                    for (source, counts) in bySource.sorted(by: { $0.key < $1.key }) { print("  \(source): \(counts.0) mentions, \(counts.1) exact") }
                }
            }
        }
    }

    /// `gazette ner train-language`.
    struct TrainLanguage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-language",
            abstract: "Train the recogniser of another language than English on a labelled corpus in it (letter suffixes and Cyrillic stems as features) and write the model.")
        @Option(help: "The corpus's language (primary subtag, `de`): how the gazetteer matches it.") var language: String
        @Option(help: "Labelled corpus in that language (CoNLL, WikiANN or Universal NER columns).") var conll: String
        @Option(help: "An English news corpus to learn news conventions from, its features copied per corpus (repeatable).")
        var extra: [String] = []
        @Option(name: .shortAndLong, help: "Model file to write.") var output: String
        @Option(help: "Passes over the data.") var epochs = 10
        @Option(help: "log2 of the number of weight rows.") var bits = 18
        @Option(help: "Shuffle seed.") var seed: UInt64 = 20_031
        @OptionGroup var resources: Resources

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let res = try resources.load()
            var trainer = PerceptronTrainer(lexicons: RecognizerLexicons(res.lexicons))
            trainer.letterFeatures = true
            let documents = try CoNLLCorpus.read(path: conll)
            for doc in documents {
                let article = try NERCommand.analyse(doc.text, id: doc.id, resources: res, language: language)
                trainer.add(article, gold: doc.labels(for: article.tokens))
            }
            for (k, file) in extra.enumerated() {
                for doc in try CoNLLCorpus.read(path: file) {
                    let article = try NERCommand.analyse(doc.text, id: doc.id, resources: res, language: "en")
                    trainer.add(article, gold: doc.labels(for: article.tokens), domain: k + 1)
                }
            }
            print("\(language) \(conll): \(documents.count) documents, \(trainer.tokenCount) tokens with extras; analysed in \(clock.now - start)")
            let trained = trainer.train(epochs: epochs, bits: bits, seed: seed) { epoch, errorRate in
                print("epoch \(epoch): token error rate \(String(format: "%.4f", errorRate))")
            }
            let model = trained.quantized()
            try model.write(to: output)
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print("wrote \(output): \(model.nonZeroRows) rows, \(size) bytes; total \(clock.now - start)")
        }
    }

    /// `gazette ner eval`.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the recogniser alone (exact spans, PER/LOC/ORG) on a CoNLL-2003 file.")
        @Option(help: "CoNLL-2003 file (or another CoNLL-style corpus) to score on.") var conll: String
        @Flag(help: "Score only the held-out slice (every 5th document), the part 'ner train --extra' never trains on.")
        var heldOut = false
        @Option(help: "Model file (default: the shipped model).") var model: String?
        @Flag(help: "Model only, without the explicit rules.") var noRules = false
        @Option(help: "Language of the text (primary subtag): its model (models/ner/languages/, or --model trained by train-language) and how the gazetteer matches.")
        var language: String?
        @Option(help: "Write the mistakes to this file (and count each rule's mentions and exact ones).") var errors: String?
        @OptionGroup var resources: Resources

        func run() throws {
            let res = try resources.load()
            var recognizer = try EntityRecognizer(modelPath: model, lexicons: res.lexicons, rules: !noRules)
            if let language, language != "en" {
                guard let modelLanguage = MultilingualRecognizers.modelLanguage[language] else {
                    throw ValidationError("no model reads \(language); languages: \(MultilingualRecognizers.modelLanguage.keys.sorted().joined(separator: ", "))")
                }
                let path = try model ?? DataLocator.path(MultilingualRecognizers.modelPath(modelLanguage))
                recognizer = EntityRecognizer(model: try PerceptronModel(contentsOf: path), lexicons: RecognizerLexicons(res.lexicons),
                                              rules: !noRules, letterFeatures: true)
            }
            var score = NERScore()
            var log = ""
            var bySource: [String: (Int, Int)] = [:]
            for (k, doc) in try CoNLLCorpus.read(path: conll).enumerated() where !heldOut || CoNLLCorpus.isHeldOut(k) {
                var article = try NERCommand.analyse(doc.text, id: doc.id, resources: res, language: language)
                try recognizer.process(&article)
                score.add(gold: doc.spans, predicted: article.mentions)
                if errors != nil {
                    let bytes = Array(doc.text.utf8)
                    func text(_ r: TextRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }
                    let names = ["", "PER", "LOC", "ORG", "MISC"]
                    let gold = Set(doc.spans.filter { $0.spanClass != 4 }.map { "\($0.range.start):\($0.range.end):\(names[$0.spanClass])" })
                    let misc = doc.spans.filter { $0.spanClass == 4 }.map(\.range)
                    var predicted: Set<String> = []
                    for m in article.mentions where !misc.contains(where: { $0.overlaps(m.range) }) {
                        let key = "\(m.range.start):\(m.range.end):\(names[NERScore.spanClass(m.type)])"
                        predicted.insert(key)
                        let correct = gold.contains(key)
                        if !correct { log += "\(doc.id)\tFP\t\(names[NERScore.spanClass(m.type)])\t\(text(m.range))\t\(m.source)\n" }
                        if m.source.hasPrefix("rule:") {
                            let old = bySource[m.source] ?? (0, 0)
                            bySource[m.source] = (old.0 + 1, old.1 + (correct ? 1 : 0))
                        }
                    }
                    for g in doc.spans where g.spanClass != 4 {
                        let key = "\(g.range.start):\(g.range.end):\(names[g.spanClass])"
                        if !predicted.contains(key) { log += "\(doc.id)\tFN\t\(names[g.spanClass])\t\(text(g.range))\n" }
                    }
                }
            }
            print(score.report)
            for (source, counts) in bySource.sorted(by: { $0.key < $1.key }) { print("  \(source): \(counts.0) mentions, \(counts.1) exact") }
            if let errors { try log.write(toFile: errors, atomically: true, encoding: .utf8) }
        }
    }

    /// `gazette ner bench`.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the entity stages alone (segment, gazetteer, recognise, resolve) on plain text, single-threaded.")
        @Argument(help: "A JSONL file of {\"id\", \"text\"} records, or a plain text file (one document).") var file: String
        @Option(help: "Passes over the input.") var repeats = 3
        @Option(help: "Model file (default: the shipped model).") var model: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var resources: Resources

        func run() throws {
            let res = try resources.load()
            let recognizer = try EntityRecognizer(modelPath: model, lexicons: res.lexicons)
            // Plain text only, so no cleaner: the articles arrive with their text.
            let pipeline = try Pipeline(given: [.input, .text]) {
                Segmenter()
                GazetteerMatcher(gazetteer: res.gazetteer)
                recognizer
                EntityResolver(gazetteer: res.gazetteer, lexicons: res.lexicons)
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            var texts: [String] = []
            if file.hasSuffix(".jsonl") {
                for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                    if let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let text = object["text"] as? String {
                        texts.append(text)
                    }
                }
            } else {
                texts = [String(decoding: data, as: UTF8.self)]
            }
            let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count }
            let articles = texts.enumerated().map { Article(id: "\($0.offset)", text: $0.element) }
            var best = Double.infinity
            var profile = StageProfile()
            var mentions = 0
            let clock = ContinuousClock()
            for _ in 0..<max(1, repeats) {
                var pass = StageProfile()
                let start = clock.now
                mentions = 0
                for article in articles { mentions += try pipeline.tag(article, profile: &pass).mentions.count }
                let seconds = (clock.now - start).seconds
                if seconds < best { best = seconds; profile = pass }
            }
            let rate = Double(words) / best
            if json {
                print("{\"documents\": \(texts.count), \"words\": \(words), \"seconds\": \(best), \"words_per_second\": \(Int(rate)), \"mentions\": \(mentions)}")
            } else {
                print("\(texts.count) documents, \(words) words, \(mentions) mentions: \(String(format: "%.3f", best)) s, \(Int(rate)) words/s (best of \(repeats))")
                for name in profile.names {
                    print("  \(name): \(String(format: "%.3f", profile.seconds[name] ?? 0)) s")
                }
            }
        }
    }
}

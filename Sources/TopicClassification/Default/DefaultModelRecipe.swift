import Foundation
public import GazetteCore

/// How the shipped IPTC model is made: the BBC News articles (5 classes mapped to IPTC), their
/// headline-and-first-paragraph leads, and documents generated from the topic lexicon for all 17
/// topics, trained as one linear model.
///
/// The generated documents mix lexicon terms of one topic with common news words, so every IPTC topic
/// has training signal and words like "said" stay neutral. Everything is seeded: the same lexicon,
/// BBC file and recipe give the same model file. The BBC texts are used only here, for training; the
/// model file holds hashed weights, not text.
public struct DefaultModelRecipe: Sendable {
    /// BBC category → IPTC code.
    public static let bbcMapping: [String: String] = [
        "business": "medtop:04000000", "entertainment": "medtop:01000000", "politics": "medtop:11000000",
        "sport": "medtop:15000000", "tech": "medtop:13000000",
    ]
    /// Generated documents per topic the labelled articles do not cover.
    public var generatedPerTopic = 700
    /// Generated documents per topic the labelled articles cover (they widen its vocabulary).
    public var generatedPerCoveredTopic = 150
    /// Common words mixed into generated documents when no article corpus gives them.
    public static let builtInFiller: [String] = """
        the of and to a in that is was he for it with as his on be at by i this had not are but from or have an \
        they which one you were her all she there would their we him been has when who will more no if out so said \
        what up its about into than them can only other new some could time these two may then do first any my now \
        such like our over man me even most made after also did many before must through back years where much your \
        way well down should because each just those people mr how too little state good very make world still own \
        see men work long get here between both life being under never day same another know while last might us \
        great old year off come since against go came right used take three week month monday tuesday wednesday \
        thursday friday saturday sunday according told added spokesman statement officials report reported news \
        local national country city area part number group percent around including during early later
        """.split(separator: " ").map(String.init)

    /// Training settings (hash size, epochs, seed).
    public var training: TrainingOptions

    /// The recipe used for the shipped model.
    public init() {
        var options = TrainingOptions()
        options.features.hashBits = 18
        options.epochs = 8
        self.training = options
    }

    /// Reads BBC-style JSONL (`{"category" | "label", "text"}`), drops exact duplicate texts, maps the
    /// categories to IPTC codes; records of other categories are skipped.
    public static func bbcExamples(_ path: String) throws(GazetteError) -> [TopicExample] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw GazetteError(.io, "could not read the BBC articles \(path)", cause: error.localizedDescription)
        }
        var seen = Set<String>()
        var examples: [TopicExample] = []
        for (n, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw GazetteError(.invalidJSON, "\(path):\(n + 1): not a JSON object")
            }
            guard let text = object["text"] as? String, let category = (object["category"] ?? object["label"]) as? String else {
                throw GazetteError(.invalidRecord, "\(path):\(n + 1): needs \"text\" and \"category\"")
            }
            guard let code = bbcMapping[category], seen.insert(text).inserted else { continue }
            examples.append(TopicExample(parts: [text], labels: [code], origin: "\(path):\(n + 1)"))
        }
        return examples
    }

    /// Short versions of articles: the headline and the first paragraph, like the title-and-summary
    /// records of news feeds, so the model also learns from short texts.
    public static func leadExamples(_ articles: [TopicExample]) -> [TopicExample] {
        articles.compactMap { article in
            guard let text = article.parts.first else { return nil }
            let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true)
            guard paragraphs.count >= 2 else { return nil }
            return TopicExample(parts: [paragraphs[0] + "\n" + paragraphs[1]], labels: article.labels, origin: article.origin.map { $0 + " (lead)" })
        }
    }

    /// Neutral filler from a labelled corpus: runs of 1–4 consecutive words that occur in at least 5
    /// documents and are not concentrated in one label (no label holds more than `maxShare` of their
    /// documents), so generated documents have realistic everyday words and word pairs that carry no
    /// topic.
    public static func fillerWords(from examples: [TopicExample], maxShare: Double = 0.45, limit: Int = 200_000) -> [String] {
        let labels = Array(Set(examples.flatMap(\.labels))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        func words(_ example: TopicExample) -> [Substring] {
            example.parts.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }) }
        }
        var df: [Substring: [Int]] = [:]
        let tokenized = examples.map(words)
        for (example, tokens) in zip(examples, tokenized) {
            guard let label = example.labels.first.flatMap({ labelIndex[$0] }) else { continue }
            for word in Set(tokens) { df[word, default: Array(repeating: 0, count: labels.count)][label] += 1 }
        }
        var neutral = Set<Substring>()
        for (word, counts) in df {
            let total = counts.reduce(0, +)
            if total >= 5, Double(counts.max() ?? 0) <= maxShare * Double(total) { neutral.insert(word) }
        }
        var runs: [String] = []
        outer: for tokens in tokenized {
            var run: [Substring] = []
            for word in tokens {
                if neutral.contains(word) && run.count < 4 {
                    run.append(word)
                    continue
                }
                if !run.isEmpty { runs.append(run.joined(separator: " ")) }
                run = neutral.contains(word) ? [word] : []
                if runs.count >= limit { break outer }
            }
            if !run.isEmpty { runs.append(run.joined(separator: " ")) }
        }
        return runs
    }

    /// Documents generated from the lexicon: for each topic, texts of 15–165 pieces where 8–28 % are
    /// the topic's terms (phrases kept whole; about the density of topic words in real articles), a few
    /// are another topic's, and the rest neutral filler runs.
    public func generatedExamples(lexicon: TopicLexicon, filler: [String], covered: Set<String>) -> [TopicExample] {
        var rng = SeededGenerator(seed: training.seed ^ 0x1E71C0)
        var examples: [TopicExample] = []
        let filler = filler.isEmpty ? Self.builtInFiller : filler
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        for topic in lexicon.topics {
            guard let terms = lexicon.terms[topic], !terms.isEmpty else { continue }
            let n = covered.contains(topic) ? generatedPerCoveredTopic : generatedPerTopic
            for _ in 0..<n {
                let length = 15 + Int(rng.next() % 150)
                let share = 0.08 + 0.2 * uniform()
                var words: [String] = []
                var count = 0
                while count < length {
                    count += 1
                    let u = uniform()
                    if u < share {
                        words.append(terms[Int(rng.next() % UInt64(terms.count))])
                    } else if u < share + 0.01 {
                        let other = lexicon.topics[Int(rng.next() % UInt64(lexicon.topics.count))]
                        if let list = lexicon.terms[other], !list.isEmpty { words.append(list[Int(rng.next() % UInt64(list.count))]) }
                    } else {
                        words.append(filler[Int(rng.next() % UInt64(filler.count))])
                    }
                }
                examples.append(TopicExample(parts: [words.joined(separator: " ")], labels: [topic], origin: "lexicon:\(topic)"))
            }
        }
        return examples
    }

    /// Builds the model from the lexicon and, if given, the BBC articles.
    public func build(lexiconPath: String, bbcPath: String?) throws(GazetteError) -> LinearTopicModel {
        let lexicon = try TopicLexicon(contentsOf: lexiconPath)
        for topic in lexicon.topics where TopicTaxonomy.iptc(topic) == nil {
            throw GazetteError(.invalidRecord, "\(lexiconPath): \(topic) is not an IPTC top-level topic")
        }
        let articles = try bbcPath.map { (path: String) throws(GazetteError) in try Self.bbcExamples(path) } ?? []
        let filler = articles.isEmpty ? Self.builtInFiller : Self.fillerWords(from: articles)
        let covered = Set(articles.flatMap(\.labels))
        let examples = articles + Self.leadExamples(articles) + generatedExamples(lexicon: lexicon, filler: filler, covered: covered)
        var options = training
        options.provenance["recipe"] = "gazette topics build-default"
        options.provenance["articles"] = String(articles.count)
        options.provenance["lexicon"] = (lexiconPath as NSString).lastPathComponent
        return try LinearTopicModel.train(examples, options: options)
    }
}

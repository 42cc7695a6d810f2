import Foundation
public import GazetteCore

/// How the shipped IPTC model is made: real labelled news from several sources (``NewsSource``),
/// each category mapped to IPTC topics, in three lengths (headline, headline and lead, full text),
/// weighted so that no topic and no source dominates, plus documents generated from the topic
/// lexicon: the share of a topic the real data leaves empty (weather, disaster, labour), and a fifth
/// of an equal share for every topic; trained as one linear model whose lexicon terms start at a
/// prior weight, with noisy desk labels corrected by lexicon evidence and the temperature fitted on
/// sources held out of training.
///
/// Everything is seeded: the same data folder, lexicon and recipe give the same model file. The
/// articles are used only here, for training; the model file holds hashed weights, not text.
public struct DefaultModelRecipe: Sendable {
    /// Training settings (hash size, epochs, seed).
    public var training: TrainingOptions
    /// How a topic's weight is spread over the sources that have it: each (source, topic) cell
    /// weighs `articles ^ sourceBalance`, so 1 is proportional to size and 0 gives every source the
    /// same say. Between them, a big source (36,900 HuffPost headlines) cannot define a topic alone.
    public var sourceBalance = 0.5
    /// Extra factor per source (default 1); 20 Newsgroups posts are not news and count less.
    public var sourceWeights: [NewsSource: Double] = [.newsgroups: 0.5]
    /// Topics get equal total weight, but a topic with little real data is scaled up at most this
    /// much; the rest of its share comes from generated documents.
    public var maxTopicBoost = 3.0
    /// Weight of each text length of an article (an article's weight is split over the lengths it has).
    public var lengthWeights: [TextLength: Double] = [.headline: 1, .lead: 1, .full: 1]
    /// Share of every topic's weight that generated documents get even when real data would fill it
    /// (they carry the lexicon's core vocabulary, e.g. sports a source lacks). 0.2: chosen by
    /// leave-one-source-out evaluation (docs/topics.md).
    public var minimumGeneratedShare = 0.2
    /// Generated documents for a topic that gets its whole share from them; fewer for a smaller share.
    public var generatedPerTopic = 600
    /// The categories ``relabelled(_:lexicon:)`` may relabel, by source (default: each source's
    /// ``NewsSource/sectionCategories``).
    public var sectionCategories: [NewsSource: Set<String>] = Dictionary(uniqueKeysWithValues: NewsSource.allCases.map { ($0, $0.sectionCategories) })
    /// Section relabelling (``relabelled(_:lexicon:)``): the fewest lexicon term occurrences of the
    /// other topic, and how many times the article's own topics' best count it must reach at least.
    public var relabelEvidence = 2
    /// See ``relabelEvidence``.
    public var relabelDominance = 2.0
    /// Narrowing (``relabelled(_:lexicon:)``): the fewest lexicon term occurrences of one of a
    /// multi-topic article's topics for it to keep that topic only; 0 for no narrowing.
    public var narrowEvidence = 1
    /// Starting weight of the lexicon's terms for their topics (``WeightPrior``); 0 for none. 8: chosen
    /// by leave-one-source-out evaluation (2, 4, 8, 16, 32 tried; docs/topics.md).
    public var lexiconPriorStrength: Float = 8
    /// Fits the softmax temperature on sources held out of training (``heldOutSourceTemperature(articles:lexicon:)``)
    /// rather than on a held-out fifth of the training mix, whose texts are like the training texts.
    public var calibrateOnHeldOutSources = true

    /// The recipe used for the shipped model.
    public init() {
        var options = TrainingOptions()
        options.features.hashBits = 18
        options.features.stopWords = FeatureOptions.englishStopWords
        options.epochs = 4
        options.fitBias = false
        self.training = options
    }

    /// The word clusters that cluster features read by default (`--cluster-levels 1,2 --cluster-weight
    /// 0.25` on `topics cross-eval` or `build-default`), relative to the data folder: the entity
    /// recogniser's table. Off in the shipped recipe: they cost topics twice its time (docs/topics.md).
    public static let clustersPath = "models/ner/clusters.tsv"

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

    /// The training documents the recipe makes from articles and the lexicon, and how much weight
    /// each topic gets from real articles and from generated documents.
    public struct Material: Sendable {
        /// Weighted training documents.
        public var examples: [TopicExample]
        /// Total weight of real articles per topic.
        public var realWeight: [String: Double]
        /// Total weight of generated documents per topic.
        public var generatedWeight: [String: Double]
        /// Articles relabelled or narrowed by lexicon evidence (``relabelled(_:lexicon:)``), by their new topic.
        public var relabelled: [String: Int] = [:]

        /// The share of a topic's weight that comes from generated documents (0–1).
        public func generatedShare(_ topic: String) -> Double {
            let real = realWeight[topic] ?? 0, generated = generatedWeight[topic] ?? 0
            return real + generated > 0 ? generated / (real + generated) : 0
        }
    }

    /// Reads the articles of `sources` from `dataDirectory`, in source order.
    public static func articles(dataDirectory: String, sources: [NewsSource] = NewsSource.allCases) throws(GazetteError) -> [SourceArticle] {
        var articles: [SourceArticle] = []
        for source in sources { articles += try source.articles(dataDirectory: dataDirectory) }
        return articles
    }

    /// `articles` with noisy category labels corrected by lexicon evidence (counted in the fullest
    /// text an article has):
    /// - **relabelled**: an article of one of its source's ``sectionCategories`` with at least
    ///   ``relabelEvidence`` occurrences of one other topic's lexicon terms, more than of any other
    ///   topic's and at least ``relabelDominance`` times as many as of its own topics' best, gets that
    ///   topic as its only label (a plane crash filed under WORLD NEWS);
    /// - **narrowed** (``narrowEvidence`` > 0): an article whose category maps to several topics
    ///   keeps only the one whose terms it has at least ``narrowEvidence`` of and at least
    ///   ``relabelDominance`` times as many as of each of its other topics' (a bombing under WORLD NEWS
    ///   is conflict, not politics and conflict; a hurricane under "weather and natural disasters"
    ///   is disaster).
    ///
    /// Without a lexicon, the articles unchanged.
    public func relabelled(_ articles: [SourceArticle], lexicon: TopicLexicon?) -> [SourceArticle] {
        guard let lexicon, relabelEvidence > 0 || narrowEvidence > 0 else { return articles }
        let evidence = LexiconEvidence(lexicon: lexicon)
        return articles.map { article in
            let isSection = sectionCategories[article.source]?.contains(article.category) ?? false
            guard isSection || article.labels.count > 1,
                  let text = article.text(.full) ?? article.text(.lead) ?? article.text(.headline) else { return article }
            let counts = evidence.counts(text)
            let ownCounts = article.labels.map { label in evidence.topics.firstIndex(of: label).map { counts[$0] } ?? 0 }
            let own = ownCounts.max() ?? 0
            var relabelled = article
            if isSection, relabelEvidence > 0, let best = counts.indices.max(by: { counts[$0] < counts[$1] }),
               !article.labels.contains(evidence.topics[best]), counts[best] >= relabelEvidence,
               Double(counts[best]) >= relabelDominance * Double(own),
               counts.indices.allSatisfy({ $0 == best || counts[$0] < counts[best] }) {
                relabelled.labels = [evidence.topics[best]]
            } else if narrowEvidence > 0, article.labels.count > 1, own >= narrowEvidence,
                      let best = ownCounts.firstIndex(of: own),
                      ownCounts.indices.allSatisfy({ $0 == best || relabelDominance * Double(ownCounts[$0]) <= Double(own) }) {
                relabelled.labels = [article.labels[best]]
            }
            return relabelled
        }
    }

    /// Weighted training documents from `articles` (every length each has; labels corrected by
    /// ``relabelled(_:lexicon:)``) and documents generated from `lexicon` (what real data
    /// leaves of each topic's equal share, at least `minimumGeneratedShare` of it).
    public func material(articles original: [SourceArticle], lexicon: TopicLexicon?) -> Material {
        let articles = relabelled(original, lexicon: lexicon)
        var relabelledCount: [String: Int] = [:]
        for (before, after) in zip(original, articles) where before.labels != after.labels {
            relabelledCount[after.labels[0], default: 0] += 1
        }
        // Articles per (source, topic) cell; a multi-topic article counts a share in each.
        struct Cell: Hashable { var source: NewsSource; var topic: String }
        var cellCount: [Cell: Double] = [:]
        for article in articles {
            for topic in article.labels { cellCount[Cell(source: article.source, topic: topic), default: 0] += 1 / Double(article.labels.count) }
        }
        var cellWeight: [Cell: Double] = [:]
        var topicWeight: [String: Double] = [:]
        // Sorted, so that sums (and so the model file) do not depend on dictionary order.
        let cells = cellCount.keys.sorted { ($0.topic, $0.source.rawValue) < ($1.topic, $1.source.rawValue) }
        for cell in cells {
            let n = cellCount[cell] ?? 0
            let w = (sourceWeights[cell.source] ?? 1) * pow(n, sourceBalance)
            cellWeight[cell] = w
            topicWeight[cell.topic, default: 0] += w
        }
        let topics = Set(topicWeight.keys).union(lexicon?.topics ?? []).sorted()
        let share = topicWeight.isEmpty ? 1 : topicWeight.keys.sorted().reduce(0) { $0 + (topicWeight[$1] ?? 0) } / Double(topicWeight.count)
        var scale: [String: Double] = [:]
        var realWeight: [String: Double] = [:]
        for (topic, w) in topicWeight {
            scale[topic] = min(share / w, maxTopicBoost)
            realWeight[topic] = w * min(share / w, maxTopicBoost)
        }
        // Each article weighs its cells' per-article weight, split over its lengths.
        var examples: [TopicExample] = []
        for article in articles {
            var weight = 0.0
            for topic in article.labels {
                let cell = Cell(source: article.source, topic: topic)
                weight += (cellWeight[cell] ?? 0) / (cellCount[cell] ?? 1) * (scale[topic] ?? 1) / Double(article.labels.count)
            }
            let lengths = article.lengths
            let total = lengths.reduce(0) { $0 + (lengthWeights[$1] ?? 1) }
            guard total > 0 else { continue }
            for length in lengths {
                guard let text = article.text(length) else { continue }
                examples.append(TopicExample(
                    parts: [text], labels: article.labels, origin: "\(article.origin) (\(length.rawValue))",
                    weight: Float(weight * (lengthWeights[length] ?? 1) / total)))
            }
        }
        // Generated documents fill what real data leaves of a topic's share.
        var generatedWeight: [String: Double] = [:]
        if let lexicon {
            var counts: [String: Int] = [:]
            var perDocument: [String: Double] = [:]
            for topic in topics {
                let missing = max(share - (realWeight[topic] ?? 0), share * minimumGeneratedShare)
                guard missing > share * 0.02 else { continue }
                let n = max(20, Int((Double(generatedPerTopic) * missing / share).rounded()))
                counts[topic] = n
                perDocument[topic] = missing / Double(n)
                generatedWeight[topic] = missing
            }
            let filler = Self.fillerWords(from: examples.filter { $0.origin?.hasSuffix("(full)") ?? false })
            for var example in generatedExamples(lexicon: lexicon, filler: filler, counts: counts) {
                example.weight = Float(perDocument[example.labels[0]] ?? 0)
                examples.append(example)
            }
        }
        // Mean weight 1, so the learning rate means what it means for unweighted data.
        let mean = examples.isEmpty ? 1 : examples.reduce(0.0) { $0 + Double($1.weight) } / Double(examples.count)
        for i in examples.indices { examples[i].weight = Float(Double(examples[i].weight) / mean) }
        return Material(examples: examples, realWeight: realWeight, generatedWeight: generatedWeight, relabelled: relabelledCount)
    }

    /// Trains a model on `articles` and the lexicon; `provenance` goes into the model file's header.
    /// With ``calibrateOnHeldOutSources`` (and calibration on), the temperature is fitted first on
    /// sources held out of training.
    public func train(articles: [SourceArticle], lexicon: TopicLexicon?, provenance: [String: String] = [:]) throws(GazetteError) -> LinearTopicModel {
        let material = material(articles: articles, lexicon: lexicon)
        var options = training
        if let lexicon, lexiconPriorStrength > 0 {
            options.prior = WeightPrior(terms: lexicon.terms, strength: lexiconPriorStrength)
            options.provenance["lexicon prior"] = String(lexiconPriorStrength)
        }
        if options.calibrate, options.temperature == nil, calibrateOnHeldOutSources, Set(articles.map(\.source)).count >= 2 {
            options.temperature = try heldOutSourceTemperature(articles: articles, lexicon: lexicon)
            options.provenance["calibration"] = "temperature fitted on held-out sources"
        }
        options.provenance.merge(provenance) { $1 }
        options.provenance["recipe"] = "gazette topics build-default"
        options.provenance["articles"] = String(articles.count)
        let sources = Set(articles.map(\.source))
        for source in NewsSource.allCases where sources.contains(source) {
            options.provenance["source.\(source.rawValue)"] = "\(articles.filter { $0.source == source }.count) articles; \(source.licence)"
        }
        for topic in TopicTaxonomy.iptcTopLevel.map(\.id) where material.generatedWeight[topic] != nil {
            options.provenance["generated.\(topic)"] = String(format: "%.2f", material.generatedShare(topic))
        }
        for (topic, count) in material.relabelled {
            options.provenance["relabelled.\(topic)"] = String(count)
        }
        return try LinearTopicModel.train(material.examples, options: options)
    }

    /// The softmax temperature that fits sources the model has not seen: for each source, a model
    /// trained on the others (uncalibrated) scores that source's articles at every length; the
    /// temperature minimises the negative log-likelihood of all these held-out scores (each source
    /// counts equally, and each of its lengths equally within it).
    public func heldOutSourceTemperature(articles: [SourceArticle], lexicon: TopicLexicon?) throws(GazetteError) -> Float {
        var uncalibrated = self
        uncalibrated.training.calibrate = false
        uncalibrated.training.temperature = nil
        let labelled = relabelled(articles, lexicon: lexicon)
        var logits: [[Float]] = [], targets: [[Int]] = [], weights: [Float] = []
        for source in NewsSource.allCases {
            let test = labelled.filter { $0.source == source }
            guard !test.isEmpty else { continue }
            let model = try uncalibrated.train(articles: articles.filter { $0.source != source }, lexicon: lexicon)
            let groups = TextLength.allCases.map { length in test.compactMap { article in article.text(length).map { (article, $0) } } }
                .filter { !$0.isEmpty }
            for group in groups {
                let weight = 1 / Float(groups.count * group.count)
                for (article, text) in group {
                    logits.append(model.logits(model.extractor.features([text])))
                    targets.append(article.labels.compactMap { model.labels.firstIndex(of: $0) })
                    weights.append(weight)
                }
            }
        }
        return LinearTopicModel.fitTemperature(logits: logits, targets: targets, weights: weights)
    }

    /// Builds the model from the labelled news in `dataDirectory` (all sources but `leaveOut`) and the
    /// lexicon at `lexiconPath`; with no data folder, from the lexicon alone.
    public func build(dataDirectory: String?, lexiconPath: String, leaveOut: Set<NewsSource> = []) throws(GazetteError) -> LinearTopicModel {
        let lexicon = try Self.lexicon(lexiconPath)
        let sources = NewsSource.allCases.filter { !leaveOut.contains($0) }
        let articles = try dataDirectory.map { (dir: String) throws(GazetteError) in try Self.articles(dataDirectory: dir, sources: sources) } ?? []
        return try train(articles: articles, lexicon: lexicon, provenance: ["lexicon": (lexiconPath as NSString).lastPathComponent])
    }

    /// Reads a lexicon and checks that its topics are IPTC top-level codes.
    public static func lexicon(_ path: String) throws(GazetteError) -> TopicLexicon {
        let lexicon = try TopicLexicon(contentsOf: path)
        for topic in lexicon.topics where TopicTaxonomy.iptc(topic) == nil {
            throw GazetteError(.invalidRecord, "\(path): \(topic) is not an IPTC top-level topic")
        }
        return lexicon
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

    /// Documents generated from the lexicon: for each topic, `counts[topic]` texts of 15–165 pieces where 8–28 % are
    /// the topic's terms (phrases kept whole; about the density of topic words in real articles), a few
    /// are another topic's, and the rest neutral filler runs.
    public func generatedExamples(lexicon: TopicLexicon, filler: [String], counts: [String: Int]) -> [TopicExample] {
        var rng = SeededGenerator(seed: training.seed ^ 0x1E71C0)
        var examples: [TopicExample] = []
        let filler = filler.isEmpty ? Self.builtInFiller : filler
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        for topic in lexicon.topics {
            guard let terms = lexicon.terms[topic], !terms.isEmpty else { continue }
            let n = counts[topic] ?? 0
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

}

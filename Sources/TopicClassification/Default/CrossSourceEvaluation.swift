public import GazetteCore

/// Leave-one-source-out evaluation of a ``DefaultModelRecipe``: for each source, a model trained on
/// all the other sources (and the lexicon) classifies that source's articles at every text length.
///
/// This is how the recipe's features, weighting and regularisation are chosen: it measures how the
/// model does on a publisher and a style it has never seen, which in-source cross-validation hides.
/// Articles are scored against their source's category mapping (not the recipe's relabelling).
public struct CrossSourceEvaluation: Sendable {
    /// The scores on one held-out source at one text length.
    public struct Result: Sendable {
        /// The held-out source.
        public var source: NewsSource
        /// The text length scored.
        public var length: TextLength
        /// Accuracy, per-topic scores and confusion matrix (correct: the top topic is one of the article's).
        public var evaluation: TopicEvaluation
        /// Per source category: (articles whose top topic is one of the category's, articles).
        public var byCategory: [String: (correct: Int, total: Int)]
        /// The top topic of each article scored, in article order, with its labels.
        public var predictions: [(labels: [String], predicted: String)]
        /// Whether each article (in order) has a topic the other sources teach with real articles
        /// (at least ``CrossSourceEvaluation/taughtMinimum`` of them); the rest are learnt from
        /// the lexicon alone in this fold.
        public var taught: [Bool]
        /// Raw class scores of each article (in order), for calibration.
        public var logits: [[Float]]
        /// Calibration of the top scores with the temperature fitted on the other sources' held-out
        /// scores (nil until ``CrossSourceEvaluation`` has fitted it, or with one source only).
        public var calibration: CalibrationSummary?

        /// (correct, total) over the articles with a taught topic.
        public var taughtScore: (correct: Int, total: Int) {
            var correct = 0, total = 0
            for (prediction, taught) in zip(predictions, taught) where taught {
                total += 1
                if prediction.labels.contains(prediction.predicted) { correct += 1 }
            }
            return (correct, total)
        }
    }

    /// Fewest real articles of a topic in the training sources for it to count as taught.
    public static let taughtMinimum = 20

    /// The results, by source in the order given, then by length.
    public var results: [Result]

    /// Runs the evaluation for each of `heldOut`; `progress` is told when a fold starts.
    public init(
        recipe: DefaultModelRecipe, articles: [SourceArticle], lexicon: TopicLexicon?, heldOut: [NewsSource],
        progress: (String) -> Void = { _ in }
    ) throws(GazetteError) {
        var results: [Result] = []
        // The temperature does not change which topic ranks first: fold models skip calibration, and
        // the temperature is cross-fitted below.
        var recipe = recipe
        recipe.training.calibrate = false
        recipe.training.temperature = nil
        let relabelled = recipe.relabelled(articles, lexicon: lexicon)
        for source in heldOut {
            let test = articles.filter { $0.source == source }
            guard !test.isEmpty else { continue }
            progress("training without \(source.rawValue) (\(articles.count - test.count) articles)")
            let model = try recipe.train(articles: articles.filter { $0.source != source }, lexicon: lexicon)
            var taughtCount: [String: Int] = [:]
            for article in relabelled where article.source != source {
                for label in article.labels { taughtCount[label, default: 0] += 1 }
            }
            for length in TextLength.allCases {
                let scored = test.filter { $0.text(length) != nil }
                guard !scored.isEmpty else { continue }
                let examples = scored.map { TopicExample(parts: [$0.text(length)!], labels: $0.labels, origin: $0.origin) }
                var byCategory: [String: (correct: Int, total: Int)] = [:]
                var predictions: [(labels: [String], predicted: String)] = []
                var logits: [[Float]] = []
                for (article, example) in zip(scored, examples) {
                    let z = model.logits(model.extractor.features(example.parts))
                    var best = 0
                    for c in z.indices where z[c] > z[best] { best = c }
                    let predicted = model.labels[best]
                    logits.append(z)
                    predictions.append((article.labels, predicted))
                    let hit = article.labels.contains(predicted) ? 1 : 0
                    let previous = byCategory[article.category] ?? (0, 0)
                    byCategory[article.category] = (previous.correct + hit, previous.total + 1)
                }
                let taught = scored.map { $0.labels.contains { (taughtCount[$0] ?? 0) >= Self.taughtMinimum } }
                results.append(Result(
                    source: source, length: length, evaluation: TopicEvaluation(model: model, examples: examples),
                    byCategory: byCategory, predictions: predictions, taught: taught, logits: logits))
            }
        }
        // Cross-fitted calibration: each source's scores use the temperature fitted on the other
        // sources' held-out scores (each source and each of its lengths weighing equally).
        let sources = heldOut.filter { source in results.contains { $0.source == source } }
        for source in sources {
            var logits: [[Float]] = [], targets: [[Int]] = [], weights: [Float] = []
            for other in sources where other != source {
                let lengths = results.filter { $0.source == other }
                for result in lengths {
                    let weight = 1 / Float(lengths.count * max(1, result.logits.count))
                    for (z, prediction) in zip(result.logits, result.predictions) {
                        logits.append(z)
                        targets.append(prediction.labels.compactMap { result.evaluation.labels.firstIndex(of: $0) })
                        weights.append(weight)
                    }
                }
            }
            guard !logits.isEmpty else { continue }
            let temperature = LinearTopicModel.fitTemperature(logits: logits, targets: targets, weights: weights)
            for i in results.indices where results[i].source == source {
                var calibration = CalibrationSummary()
                for (z, prediction) in zip(results[i].logits, results[i].predictions) {
                    let score = LinearTopicModel.softmax(z, temperature: temperature).max() ?? 0
                    calibration.add(score: Double(score), correct: prediction.labels.contains(prediction.predicted))
                }
                results[i].calibration = calibration
            }
        }
        self.results = results
    }
}

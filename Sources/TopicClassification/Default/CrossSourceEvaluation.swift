public import GazetteCore

/// Leave-one-source-out evaluation of a ``DefaultModelRecipe``: for each source, a model trained on
/// all the other sources (and the lexicon) classifies that source's articles at every text length.
///
/// This is how the recipe's features, weighting and regularisation are chosen: it measures how the
/// model does on a publisher and a style it has never seen, which in-source cross-validation hides.
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
    }

    /// The results, by source in the order given, then by length.
    public var results: [Result]

    /// Runs the evaluation for each of `heldOut`; `progress` is told when a fold starts.
    public init(
        recipe: DefaultModelRecipe, articles: [SourceArticle], lexicon: TopicLexicon?, heldOut: [NewsSource],
        progress: (String) -> Void = { _ in }
    ) throws(GazetteError) {
        var results: [Result] = []
        // The temperature does not change which topic ranks first: skip its fitting pass.
        var recipe = recipe
        recipe.training.calibrate = false
        for source in heldOut {
            let test = articles.filter { $0.source == source }
            guard !test.isEmpty else { continue }
            progress("training without \(source.rawValue) (\(articles.count - test.count) articles)")
            let model = try recipe.train(articles: articles.filter { $0.source != source }, lexicon: lexicon)
            for length in TextLength.allCases {
                let scored = test.filter { $0.text(length) != nil }
                guard !scored.isEmpty else { continue }
                let examples = scored.map { TopicExample(parts: [$0.text(length)!], labels: $0.labels, origin: $0.origin) }
                var byCategory: [String: (correct: Int, total: Int)] = [:]
                var predictions: [(labels: [String], predicted: String)] = []
                for (article, example) in zip(scored, examples) {
                    let predicted = model.predict(example.parts)
                    predictions.append((article.labels, predicted))
                    let hit = article.labels.contains(predicted) ? 1 : 0
                    let previous = byCategory[article.category] ?? (0, 0)
                    byCategory[article.category] = (previous.correct + hit, previous.total + 1)
                }
                results.append(Result(
                    source: source, length: length, evaluation: TopicEvaluation(model: model, examples: examples),
                    byCategory: byCategory, predictions: predictions))
            }
        }
        self.results = results
    }
}

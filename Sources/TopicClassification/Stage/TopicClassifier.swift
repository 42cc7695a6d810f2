import Foundation
public import GazetteCore

/// The pipeline stage that assigns topics: scores the article's title and text with a
/// ``LinearTopicModel`` and writes `article.topics`, best first.
///
/// Multi-label: every topic whose calibrated probability is at least ``threshold`` is kept (at most
/// ``maxTopics``), and the best topic is always kept, so every article has at least one topic.
public struct TopicClassifier: PipelineStage {
    /// The shipped default model's path inside the data folder.
    public static let defaultModelPath = "models/topics/iptc-default.gztm"
    /// The default multi-label threshold on calibrated probabilities.
    public static let defaultThreshold = 0.25

    /// `topics`.
    public var name: String { "topics" }
    /// The title and text, and the entities when entity cues are on.
    public var reads: ArticleLayers { entityCues == nil ? .text : [.text, .entities] }
    /// Topics.
    public var writes: ArticleLayers { .topics }
    /// The classifier.
    public let model: LinearTopicModel
    /// Probability a topic other than the best needs to be listed. Default 0.25.
    public let threshold: Double
    /// Most topics listed per article. Default 3.
    public let maxTopics: Int
    /// Topic evidence from tagged entities, if any (see ``EntityTopicCues``).
    public let entityCues: EntityTopicCues?

    /// Creates the stage from a loaded model.
    public init(model: LinearTopicModel, threshold: Double = TopicClassifier.defaultThreshold, maxTopics: Int = 3, entityCues: EntityTopicCues? = nil) {
        self.model = model
        self.threshold = threshold
        self.maxTopics = max(1, maxTopics)
        self.entityCues = entityCues
    }

    /// Creates the stage from a model file, or from the shipped IPTC model when `path` is `nil`.
    public init(modelPath path: String? = nil, threshold: Double = TopicClassifier.defaultThreshold, maxTopics: Int = 3, entityCues: EntityTopicCues? = nil) throws(GazetteError) {
        let file: String
        if let path { file = path } else { file = try DataLocator.path(Self.defaultModelPath) }
        try self.init(model: LinearTopicModel(contentsOf: file), threshold: threshold, maxTopics: maxTopics, entityCues: entityCues)
    }

    /// The topics of a document given as title and text, with its tagged entities if known.
    public func topics(title: String?, text: String, entities: [Entity] = []) -> [TopicScore] {
        var parts: [String] = []
        if let title, !title.isEmpty, !text.hasPrefix(title) { parts.append(title) }
        parts.append(text)
        var p = model.probabilities(of: parts).map(Double.init)
        if let entityCues, !entities.isEmpty {
            let bonus = entityCues.bonus(for: entities, labels: model.labels)
            if bonus.contains(where: { $0 > 0 }) {
                for c in p.indices { p[c] *= exp(bonus[c]) }
                let sum = p.reduce(0, +)
                if sum > 0 { for c in p.indices { p[c] /= sum } }
            }
        }
        let ranked = p.indices
            .sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
            .map { TopicScore(id: model.labels[$0], label: model.displayLabels[$0], score: p[$0]) }
        var kept: [TopicScore] = []
        for (rank, topic) in ranked.enumerated() where rank < maxTopics {
            if rank == 0 || topic.score >= threshold { kept.append(topic) } else { break }
        }
        return kept
    }

    /// Writes `article.topics` from `article.title` and `article.text`.
    public func process(_ article: inout Article) throws(GazetteError) {
        article.topics = topics(title: article.title, text: article.text, entities: article.entities)
    }
}

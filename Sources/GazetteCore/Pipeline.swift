/// An ordered list of stages, fixed at start-up, that turns an input ``Article`` into a tagged one.
///
/// A pipeline is an immutable value: build it once and call ``tag(_:)`` from any number of threads.
public struct Pipeline: Sendable {
    /// The stages, in the order they run.
    public let stages: [any PipelineStage]

    /// Creates a pipeline from a stage list.
    public init(stages: [any PipelineStage]) { self.stages = stages }

    /// Creates a pipeline with a result builder: `Pipeline { HTMLCleaner(); Segmenter() }`.
    public init(@PipelineBuilder _ build: () -> [any PipelineStage]) { self.stages = build() }

    /// Runs every stage on `article`; the first stage that throws ends the run with its error.
    public func tag(_ article: Article) throws(GazetteError) -> Article {
        var article = article
        for stage in stages { try stage.process(&article) }
        return article
    }

    /// Runs every stage, adding each stage's wall time to `profile`.
    public func tag(_ article: Article, profile: inout StageProfile) throws(GazetteError) -> Article {
        var article = article
        let clock = ContinuousClock()
        for stage in stages {
            let start = clock.now
            defer { profile.add(stage.name, seconds: (clock.now - start).seconds) }
            try stage.process(&article)
        }
        return article
    }
}

/// Time spent per stage, summed over articles; mergeable across threads (`--profile`).
public struct StageProfile: Sendable, Hashable {
    /// Stage names in first-seen order.
    public private(set) var names: [String] = []
    /// Seconds per stage name.
    public private(set) var seconds: [String: Double] = [:]

    /// An empty profile.
    public init() {}

    /// Adds time to a stage.
    public mutating func add(_ name: String, seconds value: Double) {
        if seconds[name] == nil { names.append(name) }
        seconds[name, default: 0] += value
    }

    /// Adds another profile's times to this one.
    public mutating func merge(_ other: StageProfile) {
        for name in other.names { add(name, seconds: other.seconds[name] ?? 0) }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let (s, attos) = components
        return Double(s) + Double(attos) / 1e18
    }
}

/// An ordered list of stages, fixed at start-up, that turns an input ``Article`` into a tagged one.
///
/// A pipeline is an immutable value: build it once and call ``tag(_:)`` from any number of threads.
public struct Pipeline: Sendable {
    /// The stages, in the order they run.
    public let stages: [any PipelineStage]

    /// Creates a pipeline from a stage list whose articles arrive with the layers in `given`
    /// (``ArticleLayers/input`` from a reader; add ``ArticleLayers/text`` for a pipeline that only
    /// ever sees plain text and has no cleaner).
    ///
    /// Throws a `pipeline_error` when a stage reads a layer that no earlier stage writes (the order
    /// is impossible) or when two stages share a name.
    public init(stages: [any PipelineStage], given: ArticleLayers = .input) throws(GazetteError) {
        try Pipeline.check(stages, given: given)
        self.stages = stages
    }

    /// Creates a pipeline with a result builder: `try Pipeline { HTMLCleaner(); Segmenter() }`.
    public init(given: ArticleLayers = .input, @PipelineBuilder _ build: () -> [any PipelineStage]) throws(GazetteError) {
        try self.init(stages: build(), given: given)
    }

    /// Checks the stage contract: unique names, and every layer read is written earlier.
    private static func check(_ stages: [any PipelineStage], given: ArticleLayers) throws(GazetteError) {
        var available = given.union(.input)
        var names: Set<String> = []
        for (position, stage) in stages.enumerated() {
            guard names.insert(stage.name).inserted else {
                throw GazetteError(.pipeline, "two stages of the pipeline are named '\(stage.name)'; stage names must be unique (they label --profile)")
            }
            let missing = stage.reads.subtracting(available)
            guard missing.isEmpty else {
                let writers = stages[(position + 1)...].filter { !$0.writes.isDisjoint(with: missing) }.map { "'\($0.name)'" }
                throw GazetteError(
                    .pipeline,
                    "stage \(position + 1) '\(stage.name)' reads \(missing), which no stage before it writes"
                        + (writers.isEmpty ? "; add a stage that writes it" : "; move \(writers.joined(separator: ", ")) before it"))
            }
            available.formUnion(stage.writes)
        }
    }

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

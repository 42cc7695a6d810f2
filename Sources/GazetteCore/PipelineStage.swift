/// One step of the pipeline: reads layers of an ``Article`` and adds its own.
///
/// Conformers are value types fixed at start-up and safe to share between threads; `process` must
/// not keep state between articles. Throw a ``GazetteError`` to turn the record into an error record.
public protocol PipelineStage: Sendable {
    /// Short name shown by `--profile` (`html`, `segment`, `gazetteer`, …).
    var name: String { get }
    /// Analyses `article` in place.
    func process(_ article: inout Article) throws(GazetteError)
}

/// Builds a stage list with `if`/`for` support for ``Pipeline/init(_:)-builder``.
@resultBuilder
public enum PipelineBuilder {
    public static func buildExpression(_ stage: any PipelineStage) -> [any PipelineStage] { [stage] }
    public static func buildExpression(_ stages: [any PipelineStage]) -> [any PipelineStage] { stages }
    public static func buildPartialBlock(first: [any PipelineStage]) -> [any PipelineStage] { first }
    public static func buildPartialBlock(accumulated: [any PipelineStage], next: [any PipelineStage]) -> [any PipelineStage] {
        accumulated + next
    }
    public static func buildOptional(_ stages: [any PipelineStage]?) -> [any PipelineStage] { stages ?? [] }
    public static func buildEither(first: [any PipelineStage]) -> [any PipelineStage] { first }
    public static func buildEither(second: [any PipelineStage]) -> [any PipelineStage] { second }
    public static func buildArray(_ groups: [[any PipelineStage]]) -> [any PipelineStage] { groups.flatMap { $0 } }
    public static func buildBlock() -> [any PipelineStage] { [] }
}

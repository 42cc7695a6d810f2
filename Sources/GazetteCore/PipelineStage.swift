/// One step of the pipeline: reads layers of an ``Article`` and adds its own.
///
/// Conformers are value types fixed at start-up and safe to share between threads; `process` must
/// not keep state between articles. Throw a ``GazetteError`` to turn the record into an error record.
/// A stage declares the ``ArticleLayers`` it needs (`reads`) and the ones it fills (`writes`);
/// ``Pipeline`` checks at construction that every layer a stage reads is written before it.
public protocol PipelineStage: Sendable {
    /// Short name, unique within a pipeline, shown by `--profile` (`html`, `segment`, `gazetteer`, …).
    var name: String { get }
    /// The layers `process` needs filled before it runs.
    var reads: ArticleLayers { get }
    /// The layers `process` fills or changes.
    var writes: ArticleLayers { get }
    /// Analyses `article` in place.
    func process(_ article: inout Article) throws(GazetteError)
}

/// Builds a stage list with `if`/`for` support for ``Pipeline/init(given:_:)``.
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

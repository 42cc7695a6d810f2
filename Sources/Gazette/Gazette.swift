// The public API of Gazette in one import: `import Gazette` gives the pipeline, its stages, the
// readers and the graph and feed builders.
@_exported import ArticleIO
@_exported import EntityGraph
@_exported import EntityTagging
@_exported import GazetteCore
@_exported import HTMLCleaning
@_exported import TextAnalysis
@_exported import TopicClassification
@_exported import WikidataImport

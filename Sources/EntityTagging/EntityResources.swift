public import GazetteCore
import Foundation

/// The gazetteer and lexicons the entity stages share, loaded once.
public struct EntityResources: Sendable {
    /// The loaded entity lists.
    public let gazetteer: Gazetteer
    /// Context word lists and demonyms.
    public let lexicons: Lexicons
    /// The entity confidence calibration (`models/ner/confidence.tsv`), if shipped.
    public let confidence: EntityConfidence?

    /// Loads the lists of `gazetteerDirectory` (the shipped `gazetteers/` when nil, found by
    /// ``DataLocator``) plus `extraGazetteers`, and the lexicons of its `lexicons/` folder; with
    /// `useCache`, through the compiled copy in the user's cache folder; and the entity confidence
    /// calibration, when the data folder has one.
    public static func load(
        gazetteerDirectory: String? = nil, extraGazetteers: [String] = [], useCache: Bool = true
    ) throws(GazetteError) -> EntityResources {
        let directory: String
        if let gazetteerDirectory { directory = gazetteerDirectory } else { directory = try DataLocator.path("gazetteers") }
        let gazetteer = try Gazetteer.load(directory: directory, extraFiles: extraGazetteers,
                                           cacheDirectory: useCache ? Gazetteer.defaultCacheDirectory : nil)
        let lexicons = try Lexicons.load(directory: directory + "/lexicons")
        let confidencePath = try DataLocator.path(EntityConfidence.defaultPath)
        let confidence = FileManager.default.fileExists(atPath: confidencePath) ? try EntityConfidence.load(path: confidencePath) : nil
        return EntityResources(gazetteer: gazetteer, lexicons: lexicons, confidence: confidence)
    }
}

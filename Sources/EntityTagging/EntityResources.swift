public import GazetteCore

/// The gazetteer and lexicons the entity stages share, loaded once.
public struct EntityResources: Sendable {
    /// The loaded entity lists.
    public let gazetteer: Gazetteer
    /// Context word lists and demonyms.
    public let lexicons: Lexicons

    /// Loads the lists of `gazetteerDirectory` (the shipped `gazetteers/` when nil, found by
    /// ``DataLocator``) plus `extraGazetteers`, and the lexicons of its `lexicons/` folder; with
    /// `useCache`, through the compiled copy in the user's cache folder.
    public static func load(
        gazetteerDirectory: String? = nil, extraGazetteers: [String] = [], useCache: Bool = true
    ) throws(GazetteError) -> EntityResources {
        let directory: String
        if let gazetteerDirectory { directory = gazetteerDirectory } else { directory = try DataLocator.path("gazetteers") }
        let gazetteer = try Gazetteer.load(directory: directory, extraFiles: extraGazetteers,
                                           cacheDirectory: useCache ? Gazetteer.defaultCacheDirectory : nil)
        let lexicons = try Lexicons.load(directory: directory + "/lexicons")
        return EntityResources(gazetteer: gazetteer, lexicons: lexicons)
    }
}

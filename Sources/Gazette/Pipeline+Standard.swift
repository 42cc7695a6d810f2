extension Pipeline {
    /// The standard Gazette pipeline: HTML cleaning, segmentation, gazetteer matching, recognition,
    /// resolution and topics.
    ///
    /// Loading the gazetteers and models takes a moment: build the pipeline once and share it.
    public static func standard(_ options: PipelineOptions = PipelineOptions()) throws(GazetteError) -> Pipeline {
        let resources = try EntityResources.load(options)
        let cues = EntityTopicCues(entities: resources.gazetteer.entries.map { ($0.id, $0.subtype) })
        let topics = try TopicClassifier(modelPath: options.topicModel, entityCues: cues)
        let recognizer = try EntityRecognizer(lexicons: resources.lexicons)
        return try Pipeline {
            HTMLCleaner(limits: options.limits)
            Segmenter(maxTokens: options.limits.maxTokens)
            GazetteerMatcher(gazetteer: resources.gazetteer)
            LanguageRoutedRecognizer(model: recognizer)
            EntityResolver(gazetteer: resources.gazetteer, lexicons: resources.lexicons)
            topics
        }
    }
}

/// The gazetteer and lexicons the entity stages share, loaded once.
public struct EntityResources: Sendable {
    /// The loaded entity lists.
    public let gazetteer: Gazetteer
    /// Context word lists and demonyms.
    public let lexicons: Lexicons

    /// Loads the default (or `options.gazetteerDirectory`) lists plus `options.extraGazetteers`.
    public static func load(_ options: PipelineOptions) throws(GazetteError) -> EntityResources {
        let directory: String
        if let given = options.gazetteerDirectory { directory = given } else { directory = try DataLocator.path("gazetteers") }
        let gazetteer = try Gazetteer.load(directory: directory, extraFiles: options.extraGazetteers,
                                           cacheDirectory: options.useCache ? Gazetteer.defaultCacheDirectory : nil)
        let lexicons = try Lexicons.load(directory: directory + "/lexicons")
        return EntityResources(gazetteer: gazetteer, lexicons: lexicons)
    }
}

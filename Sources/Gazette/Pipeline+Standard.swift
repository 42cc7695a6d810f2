extension Pipeline {
    /// The standard Gazette pipeline: HTML cleaning, language identification, segmentation,
    /// gazetteer matching, recognition, resolution and topics.
    ///
    /// Loading the gazetteers and models takes a moment: build the pipeline once and share it.
    public static func standard(_ options: PipelineOptions = PipelineOptions()) throws(GazetteError) -> Pipeline {
        let resources = try EntityResources.load(
            gazetteerDirectory: options.gazetteerDirectory, extraGazetteers: options.extraGazetteers, useCache: options.useCache)
        let entries = resources.gazetteer.entries
        let cued = entries.indices.filter { EntityTopicCues.subtypeCues[entries.subtype(at: $0)] != nil }
        let cues = EntityTopicCues(entities: cued.map { (entries.idAndName(at: $0).id, entries.subtype(at: $0)) })
        let topics = try TopicClassifier(modelPath: options.topicModel, entityCues: cues)
        let recognizer = try EntityRecognizer(lexicons: resources.lexicons)
        let router = LanguageRoutedRecognizer(english: recognizer, recognizers: try MultilingualRecognizers.load(lexicons: resources.lexicons))
        let language = try LanguageIdentifier()
        return try Pipeline {
            HTMLCleaner(limits: options.limits)
            language
            Segmenter(maxTokens: options.limits.maxTokens)
            GazetteerMatcher(gazetteer: resources.gazetteer)
            router
            EntityResolver(gazetteer: resources.gazetteer, lexicons: resources.lexicons, confidence: resources.confidence)
            topics
        }
    }
}

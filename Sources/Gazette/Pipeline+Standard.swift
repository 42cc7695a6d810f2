extension Pipeline {
    /// The standard Gazette pipeline: HTML cleaning, language identification, segmentation,
    /// gazetteer matching, recognition, resolution and topics.
    ///
    /// Loading the gazetteers and models takes a moment: build the pipeline once and share it.
    public static func standard(_ options: PipelineOptions = PipelineOptions()) throws(GazetteError) -> Pipeline {
        let resources = try EntityResources.load(
            gazetteerDirectory: options.gazetteerDirectory, extraGazetteers: options.extraGazetteers, useCache: options.useCache)
        let gazetteer = resources.gazetteer
        let cues = EntityTopicCues { id in gazetteer.entryIndex[id].map { gazetteer.entries.subtype(at: $0) } }
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

extension Pipeline {
    /// The standard Gazette pipeline: HTML cleaning, segmentation, gazetteer matching, recognition,
    /// resolution and topics.
    ///
    /// Loading the gazetteers and models takes a moment: build the pipeline once and share it.
    public static func standard(_ options: PipelineOptions = PipelineOptions()) throws(GazetteError) -> Pipeline {
        let resources = try EntityResources.load(
            gazetteerDirectory: options.gazetteerDirectory, extraGazetteers: options.extraGazetteers, useCache: options.useCache)
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

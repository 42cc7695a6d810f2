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
        let language = try LanguageIdentifier()
        let recognizers = try MultilingualRecognizers.load(lexicons: resources.lexicons)
        // A short text of unknown language may go to a language with a model of its own (not to one
        // that borrows it: more candidates took more English lines from the English model).
        let guessed = Set(MultilingualRecognizers.modelLanguages).intersection(recognizers.keys)
        let router = LanguageRoutedRecognizer(english: recognizer, recognizers: recognizers,
                                              guesser: LanguageGuesser(identifier: language, candidates: guessed))
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

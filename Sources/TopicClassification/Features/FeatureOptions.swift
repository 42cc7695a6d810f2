public import GazetteCore
/// How text becomes a feature vector: hashed word unigrams and bigrams, log-scaled counts, IDF, L2 norm.
///
/// Stored in every model file so that the text is featurised at run time exactly as it was in training.
public struct FeatureOptions: Hashable, Sendable, Codable {
    /// The hash space has `1 << hashBits` buckets (10…24). Default 18 (262,144 buckets).
    public var hashBits: Int = 18
    /// Adds a feature for each pair of adjacent words. Default on.
    public var bigrams: Bool = true
    /// Uses `1 + log(count)` instead of the raw count. Default on.
    public var sublinearTF: Bool = true
    /// Multiplies each bucket by its inverse document frequency learnt in training. Default on.
    public var idf: Bool = true
    /// Words that are not features (function words such as "the", "of", "said"), lowercase; a bigram
    /// bridges them ("bank of england" gives "bank england"). Default none. Stored in the model file,
    /// so a model featurises text at run time with the list it was trained with.
    public var stopWords: [String] = []
    /// Granularities (columns of the word cluster table, 0 = coarsest) whose cluster of each word is a
    /// feature too, when the extractor has ``TopicWordClusters``. Default none. Stored in the model file.
    public var clusterLevels: [Int] = []
    /// Factor on the cluster features' IDF, so they weigh this much against words. Default 1.
    public var clusterWeight: Float = 1

    /// The default options.
    public init() {}

    /// Reads options from a model header; files written before `stopWords` existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hashBits = try container.decode(Int.self, forKey: .hashBits)
        bigrams = try container.decode(Bool.self, forKey: .bigrams)
        sublinearTF = try container.decode(Bool.self, forKey: .sublinearTF)
        idf = try container.decode(Bool.self, forKey: .idf)
        stopWords = try container.decodeIfPresent([String].self, forKey: .stopWords) ?? []
        clusterLevels = try container.decodeIfPresent([Int].self, forKey: .clusterLevels) ?? []
        clusterWeight = try container.decodeIfPresent(Float.self, forKey: .clusterWeight) ?? 1
    }

    /// Writes the options; the cluster settings only when clusters are used, so models without them
    /// keep the header they always had.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hashBits, forKey: .hashBits)
        try container.encode(bigrams, forKey: .bigrams)
        try container.encode(sublinearTF, forKey: .sublinearTF)
        try container.encode(idf, forKey: .idf)
        try container.encode(stopWords, forKey: .stopWords)
        if !clusterLevels.isEmpty {
            try container.encode(clusterLevels, forKey: .clusterLevels)
            try container.encode(clusterWeight, forKey: .clusterWeight)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case hashBits, bigrams, sublinearTF, idf, stopWords, clusterLevels, clusterWeight
    }

    /// English function words and news boilerplate ("said", "told", "mr") for ``stopWords``: they occur
    /// in every topic, so all they can teach a model is the style and length of its training sources.
    public static let englishStopWords: [String] = """
        a about above after again against all also am an and any are around as at be because been before being \
        below between both but by can could did do does doing down during each even ever every few for from \
        further had has have having he her here hers herself him himself his how however i if in into is it its \
        itself just least less like made make many may me might more most much must my myself never no nor \
        not now of off often on once one only or other others our ours ourselves out over own per quite rather \
        same she should since so some still such than that the their theirs them themselves then there these \
        they this those though through to too two under until up upon us very was we well were what when where \
        whether which while who whom whose why will with within without would yet you your yours yourself \
        yourselves said says say saying told tells according added adding asked mr mrs ms dr get got go going \
        gone know known see seen seem seems way ways thing things lot lots something anything nothing everything \
        someone anyone everyone people year years day days week weeks time times today yesterday tomorrow \
        monday tuesday wednesday thursday friday saturday sunday
        """.split(separator: " ").map(String.init)

    /// Number of hash buckets.
    public var dimension: Int { 1 << hashBits }

    /// Checks the values a model file or a command line gave.
    public func validate() throws(GazetteError) {
        guard (10...24).contains(hashBits) else {
            throw GazetteError(.usage, "hash bits must be between 10 and 24, got \(hashBits)")
        }
    }
}

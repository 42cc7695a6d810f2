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

    /// The default options.
    public init() {}

    /// Number of hash buckets.
    public var dimension: Int { 1 << hashBits }

    /// Checks the values a model file or a command line gave.
    public func validate() throws(GazetteError) {
        guard (10...24).contains(hashBits) else {
            throw GazetteError(.usage, "hash bits must be between 10 and 24, got \(hashBits)")
        }
    }
}

/// Settings of ``LinearTopicModel/train(_:options:)``.
public struct TrainingOptions: Sendable, Hashable {
    /// Featurisation (hash size, bigrams, TF and IDF weighting).
    public var features = FeatureOptions()
    /// Passes over the training data. Default 6 (Adagrad has converged by then on news-sized data).
    public var epochs: Int = 6
    /// Adagrad base learning rate. Default 0.5.
    public var learningRate: Float = 0.5
    /// L2 penalty on the weights of the words a step touches. Default 1e-6.
    public var l2: Float = 1e-6
    /// Learns one bias (prior) per class. Default on. Off keeps the biases at zero, so a long text
    /// with weak evidence is not decided by the class priors of the training mix.
    public var fitBias: Bool = true
    /// Seed of the shuffling order; the same data, options and seed give the same model. Default 1.
    public var seed: UInt64 = 1
    /// Fits the softmax temperature on a held-out fifth of the data (needs ≥ 20 examples) so that
    /// probabilities are calibrated; costs a second training pass. Default on.
    public var calibrate: Bool = true
    /// Uses this softmax temperature instead of fitting one (``calibrate`` is then ignored): the
    /// shipped model's recipe fits it on sources held out of training, which a single data file
    /// cannot do. Default nil.
    public var temperature: Float? = nil
    /// Starting weights from prior knowledge (e.g. a topic lexicon); training moves them where the
    /// data disagrees. Default nil (all weights start at 0).
    public var prior: WeightPrior? = nil
    /// Word clusters for the cluster features of ``FeatureOptions/clusterLevels`` (stored in the model
    /// file). Default nil: words only.
    public var clusters: TopicWordClusters? = nil
    /// Display labels by class label, for models whose labels are codes; IPTC codes get theirs anyway.
    public var displayLabels: [String: String] = [:]
    /// Extra facts written into the model file's header.
    public var provenance: [String: String] = [:]

    /// The default options.
    public init() {}
}

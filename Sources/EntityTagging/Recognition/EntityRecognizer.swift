public import GazetteCore

/// Decides which token spans are people, places and organisations: a learned tagger (averaged
/// perceptron over hashed features of words, shapes, context, gazetteer candidates and cue lists)
/// followed by a few explicit rules for patterns the model misses.
///
/// Reads `tokens`, `candidates` and `text`; writes `mentions` (text order, non-overlapping). Each
/// mention's `source` says how it was found: `gazetteer` (the model's span is exactly a gazetteer
/// name of that type), `model` (a span no list holds, found by the tagger) or `rule:<name>`.
public struct EntityRecognizer: PipelineStage {
    public let name = "recognize-model"
    /// Tokens and gazetteer matches (the model's features).
    public var reads: ArticleLayers { [.tokens, .candidates] }
    /// Typed mention spans.
    public var writes: ArticleLayers { .mentions }
    /// The learned weights.
    public let model: PerceptronModel
    /// Whether the explicit rules run after the model.
    public var rulesEnabled: Bool
    let extractor: FeatureExtractor

    /// Creates a recogniser from a model and the cue lists it was trained with; `letterFeatures`
    /// for a model trained with them (``PerceptronTrainer/letterFeatures``: the models of other
    /// languages than English).
    public init(model: PerceptronModel, lexicons: RecognizerLexicons = RecognizerLexicons(), rules: Bool = true, letterFeatures: Bool = false) {
        self.model = model
        var extractor = FeatureExtractor(lexicons: lexicons, clusters: model.clusters)
        extractor.letterFeatures = letterFeatures
        self.extractor = extractor
        self.rulesEnabled = rules
    }

    /// Loads the model file at `path` (default: the shipped `models/ner/model.bin`).
    public init(modelPath: String? = nil, lexicons: Lexicons, rules: Bool = true) throws(GazetteError) {
        let path: String
        if let modelPath { path = modelPath } else { path = try DataLocator.path(Self.defaultModelPath) }
        self.init(model: try PerceptronModel(contentsOf: path), lexicons: RecognizerLexicons(lexicons), rules: rules)
    }

    /// Where the shipped model lives, relative to the data root.
    public static let defaultModelPath = "models/ner/model.bin"

    public func process(_ article: inout Article) throws(GazetteError) {
        var text = article.text
        let tokens = article.tokens
        let candidates = article.candidates
        article.mentions = text.withUTF8 { bytes in
            var (features, layers) = extractor.prepare(bytes, tokens: tokens, candidates: candidates)
            var state = DecoderState(count: tokens.count)
            // Feature hashes take about 300 bytes a token: compute and decode them a block at a
            // time, so a book-length page does not hold them all at once.
            var start = 0
            while start < tokens.count {
                let end = min(tokens.count, start + Self.decodeBlock)
                extractor.fillHashes(bytes, tokens: tokens, candidates: candidates, layers: layers, into: &features, range: start..<end)
                model.decode(start..<end, features: features, tokens: tokens, state: &state)
                start = end
            }
            features.hashes = []
            features.offsets = []
            layers = FeatureExtractor.Layers()
            return mentions(bytes, tokens: tokens, candidates: candidates, features: features, tags: state.tags, margins: state.margins)
        }
    }

    /// Tokens whose feature hashes are held at once while tagging.
    static let decodeBlock = 4096

    /// The model's label for each token (no rules), with the score margins.
    func label(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], candidates: [Candidate]) -> (tags: [NERTag], margins: [Float]) {
        let features = extractor.extract(bytes, tokens: tokens, candidates: candidates)
        return model.label(features, tokens: tokens)
    }

    /// The model's labels for an analysed article (no rules).
    public func labels(for article: Article) -> [NERTag] {
        var text = article.text
        return text.withUTF8 { label($0, tokens: article.tokens, candidates: article.candidates).tags }
    }
}

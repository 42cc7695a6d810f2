import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// Training end to end on a tiny corpus written for the test, and the model file round trip.
@Suite struct RecognitionTrainingTests {
    static let corpus = """
    -DOCSTART- -X- -X- O

    Mayor NN O O
    Ilsa NNP B-NP B-PER
    Varga NNP I-NP I-PER
    visited VBD O O
    Dunmore NNP B-NP B-LOC
    on IN O O
    Monday NNP O O
    . . O O

    Kestrel NNP B-NP B-ORG
    Mining NNP I-NP I-ORG
    said VBD O O
    Varga NNP B-NP B-PER
    would MD O O
    speak VB O O
    in IN O O
    Dunmore NNP B-NP B-LOC
    . . O O

    -DOCSTART- -X- -X- O

    Talks NNS O O
    between IN O O
    Ilsa NNP B-NP B-PER
    Varga NNP I-NP I-PER
    and CC O O
    Kestrel NNP B-NP B-ORG
    Mining NNP I-NP I-ORG
    ended VBD O O
    in IN O O
    Porthaven NNP B-NP B-LOC
    . . O O

    Shares NNS O O
    of IN O O
    Kestrel NNP B-NP B-ORG
    Mining NNP I-NP I-ORG
    rose VBD O O
    in IN O O
    Porthaven NNP B-NP B-LOC
    . . O O
    """

    static func analysed(_ text: String) throws -> Article {
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        return article
    }

    @Test func corpusBecomesTextAndGoldSpans() throws {
        let documents = CoNLLCorpus.parse(Self.corpus)
        #expect(documents.count == 2)
        #expect(documents[0].text.hasPrefix("Mayor Ilsa Varga visited Dunmore on Monday .\nKestrel Mining said"))
        let spans = documents[0].spans.map { ($0.range.start, $0.range.end, $0.spanClass) }
        #expect(spans.first! == (6, 16, 1))
        // Our tokens get the gold labels by byte offsets.
        let article = try Self.analysed(documents[0].text)
        let labels = documents[0].labels(for: article.tokens)
        #expect(labels.prefix(5) == [.outside, .beginPerson, .insidePerson, .outside, .beginPlace])
    }

    @Test func trainsSavesLoadsAndTagsIdentically() throws {
        let lexicons = RecognizerLexicons()
        var trainer = PerceptronTrainer(lexicons: lexicons)
        for document in CoNLLCorpus.parse(Self.corpus) {
            let article = try Self.analysed(document.text)
            trainer.add(article, gold: document.labels(for: article.tokens))
        }
        var rates: [Double] = []
        let model = trainer.train(epochs: 10, bits: 14) { _, rate in rates.append(rate) }.quantized()
        #expect(rates.last == 0)
        let loaded = try PerceptronModel(bytes: model.serialized())
        #expect(loaded.weights == model.weights)

        // Training text is learned.
        var article = try Self.analysed("Kestrel Mining said Ilsa Varga would speak in Dunmore .")
        let recognizer = EntityRecognizer(model: loaded, lexicons: lexicons, rules: false)
        try recognizer.process(&article)
        #expect(article.mentions.map { "\($0.surface)/\($0.type.rawValue)/\($0.source)" }
            == ["Kestrel Mining/Organization/model", "Ilsa Varga/Person/model", "Dunmore/Place/model"])

        // New text: the saved and the in-memory model agree label for label.
        let fresh = try Self.analysed("Varga left Porthaven for talks with Kestrel Mining in Dunmore .")
        #expect(EntityRecognizer(model: model, lexicons: lexicons).labels(for: fresh)
            == EntityRecognizer(model: loaded, lexicons: lexicons).labels(for: fresh))

        // Training is deterministic.
        let again = trainer.train(epochs: 10, bits: 14).quantized()
        #expect(again.weights == model.weights)
    }

    @Test func marginKeepsUpdatingNarrowWins() throws {
        let lexicons = RecognizerLexicons()
        var trainer = PerceptronTrainer(lexicons: lexicons)
        for document in CoNLLCorpus.parse(Self.corpus) {
            let article = try Self.analysed(document.text)
            trainer.add(article, gold: document.labels(for: article.tokens))
        }
        let article = try Self.analysed("Kestrel Mining said Ilsa Varga would speak in Dunmore .")
        var text = article.text
        let features = text.withUTF8 {
            FeatureExtractor(lexicons: lexicons, clusters: WordClusters()).extract($0, tokens: article.tokens, candidates: article.candidates)
        }
        let plain = trainer.train(epochs: 10, bits: 14).label(features, tokens: article.tokens)
        let margined = trainer.train(epochs: 10, bits: 14, margin: 20).label(features, tokens: article.tokens)
        // Both learn the training text; the plain perceptron stops updating once a label is right,
        // the margin goes on until the right label wins clearly: the narrowest lead is over twice as wide.
        #expect(margined.tags == plain.tags)
        #expect(margined.tags.prefix(4) == [.beginOrganization, .insideOrganization, .outside, .beginPerson])
        let smallest = { (margins: [Float]) in margins.min() ?? 0 }
        #expect(smallest(margined.margins) > 2 * smallest(plain.margins))
    }

    /// A news text and a web text that disagree about one name: the news says a town, the web
    /// text (three times as much of it) a person.
    static let townNews = """
    -DOCSTART- -X- -X- O

    Floods NNS O O
    reached VBD O O
    Tarrow NNP B-NP B-LOC
    on IN O O
    Monday NNP O O
    . . O O
    """
    static let personWeb = """
    -DOCSTART- -X- -X- O

    Floods NNS O O
    reached VBD O O
    Tarrow NNP B-NP B-PER
    on IN O O
    Monday NNP O O
    . . O O
    """

    @Test func extraCorpusUpdatesCountByTheirWeight() throws {
        let lexicons = RecognizerLexicons()
        func train(extraWeight: Float) throws -> [NERTag] {
            var trainer = PerceptronTrainer(lexicons: lexicons)
            for document in CoNLLCorpus.parse(Self.townNews) {
                let article = try Self.analysed(document.text)
                trainer.add(article, gold: document.labels(for: article.tokens))
            }
            // The same features as news (no domain copies), so only the weight tells them apart.
            for _ in 0..<3 {
                for document in CoNLLCorpus.parse(Self.personWeb) {
                    let article = try Self.analysed(document.text)
                    trainer.add(article, gold: document.labels(for: article.tokens), domain: 0, weight: extraWeight)
                }
            }
            let model = trainer.train(epochs: 5, bits: 12)
            let text = try Self.analysed("Floods reached Tarrow on Monday .")
            return EntityRecognizer(model: model, lexicons: lexicons, rules: false).labels(for: text)
        }
        #expect(try train(extraWeight: 1)[2] == .beginPerson)
        #expect(try train(extraWeight: 0.1)[2] == .beginPlace)
    }

    @Test func damagedModelFilesAreRefused() {
        #expect(throws: GazetteError.self) { try PerceptronModel(bytes: Array("not a model".utf8)) }
        var bytes = PerceptronModel(bits: 8).serialized()
        bytes[5] = 99  // feature version
        #expect(throws: GazetteError.self) { try PerceptronModel(bytes: bytes) }
        var model = PerceptronModel(bits: 8)
        model.weights[10] = 1
        let truncated = Array(model.serialized().dropLast(3))
        #expect(throws: GazetteError.self) { try PerceptronModel(bytes: truncated) }
    }
}

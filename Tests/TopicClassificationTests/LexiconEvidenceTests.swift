import Foundation
import Testing
@testable import TopicClassification
import GazetteCore

/// Lexicon evidence, section relabelling and the lexicon prior, on texts written for these tests.
@Suite struct LexiconEvidenceTests {
    static let disaster = "medtop:03000000", politics = "medtop:11000000", conflict = "medtop:16000000"
    static let weather = "medtop:17000000", crime = "medtop:02000000"
    static let lexicon = TopicLexicon(
        topics: [disaster, politics, conflict, weather],
        terms: [
            disaster: ["earthquake", "quake", "magnitude", "plane crash", "crash", "rescuers", "explosion"],
            politics: ["minister", "president", "election", "foreign minister"],
            conflict: ["troops", "explosion", "ceasefire"],
            weather: ["storm", "gusts", "red warning"],
        ])

    @Test func countsWholeWordsLongestTermsFirstAndPlurals() {
        let evidence = LexiconEvidence(lexicon: Self.lexicon)
        let counts = evidence.counts("Plane crash: rescuers reach the site as the foreign minister flies in. Two earthquakes, one quake.")
        // "plane crash" counts once (not also "crash"); "foreign minister" once (not also "minister");
        // "earthquakes" matches "earthquake"; "crashed" is not "crash".
        #expect(counts == [4, 1, 0, 0])
        #expect(evidence.counts("The crashed drone. Ministerial talks.") == [0, 0, 0, 0])
        // A term of two topics counts for both.
        #expect(evidence.counts("An explosion at the depot.") == [1, 0, 1, 0])
        #expect(evidence.counts("") == [0, 0, 0, 0])
    }

    static func article(_ source: NewsSource, _ category: String, _ labels: [String], _ headline: String) -> SourceArticle {
        var article = SourceArticle(headline: headline, paragraphs: [])
        article.source = source
        article.category = category
        article.labels = labels
        return article
    }

    @Test func sectionArticlesDominatedByAnotherTopicAreRelabelled() {
        var recipe = DefaultModelRecipe()
        recipe.narrowEvidence = 0
        let articles = [
            // International news desk: a quake story becomes disaster.
            Self.article(.huffpost, "WORLD NEWS", [Self.politics, Self.conflict], "magnitude 6.1 earthquake hits the coast, rescuers search rubble"),
            // One disaster term is not enough.
            Self.article(.huffpost, "WORLD NEWS", [Self.politics, Self.conflict], "quake diplomacy: leaders meet"),
            // Its own topics' terms hold their ground (2 disaster terms against 2 politics terms).
            Self.article(.huffpost, "WORLD NEWS", [Self.politics, Self.conflict], "president and foreign minister visit quake zone as earthquake toll rises"),
            // Two other topics tie: no relabelling.
            Self.article(.huffpost, "WORLD NEWS", [Self.politics, Self.conflict], "storm gusts and a quake and a crash"),
            // A subject category is never relabelled, whatever its words.
            Self.article(.huffpost, "CRIME", [Self.crime], "plane crash pilot charged after earthquake"),
        ]
        let labels = recipe.relabelled(articles, lexicon: Self.lexicon).map(\.labels)
        #expect(labels == [[Self.disaster], [Self.politics, Self.conflict], [Self.politics, Self.conflict],
                           [Self.politics, Self.conflict], [Self.crime]])
        var off = recipe
        off.relabelEvidence = 0
        #expect(off.relabelled(articles, lexicon: Self.lexicon).map(\.labels) == articles.map(\.labels))
        #expect(recipe.relabelled(articles, lexicon: nil).map(\.labels) == articles.map(\.labels))
    }

    @Test func multiTopicArticlesKeepTheTopicTheirWordsBackClearly() {
        var recipe = DefaultModelRecipe()
        recipe.relabelEvidence = 0
        recipe.narrowEvidence = 1
        let both = [Self.disaster, Self.weather]
        let articles = [
            // "Weather and natural disasters": a storm story is weather, a quake story disaster.
            Self.article(.nyt, "26", both, "storm and gusts close the coast road"),
            Self.article(.nyt, "26", both, "quake shakes the capital"),
            // As many words of both: both labels stay.
            Self.article(.nyt, "26", both, "storm follows quake"),
            // No evidence: both stay.
            Self.article(.nyt, "26", both, "a difficult week for the islands"),
            // One label: nothing to narrow (and not a section, so never relabelled).
            Self.article(.nyt, "12", [Self.crime], "storm over the quake fraud"),
        ]
        #expect(recipe.relabelled(articles, lexicon: Self.lexicon).map(\.labels)
                == [[Self.weather], [Self.disaster], both, both, [Self.crime]])
        recipe.narrowEvidence = 3
        #expect(recipe.relabelled(articles, lexicon: Self.lexicon).map(\.labels) == articles.map(\.labels))
    }

    @Test func thePriorStartsTermFeaturesAtItsStrength() throws {
        var options = FeatureOptions()
        options.hashBits = 12
        options.stopWords = FeatureOptions.englishStopWords
        let hasher = WordHasher(options: options)
        let prior = WeightPrior(terms: ["a": ["gusts", "red warning", "talks with"], "b": ["gusts"]], strength: 2)
        let weights = prior.initialWeights(labels: ["a", "b", "c"], hasher: hasher, dimension: options.dimension)
        func buckets(_ text: String) -> [Int] {
            var result: [Int] = []
            hasher.forEachBucket(in: text) { result.append($0) }
            return result
        }
        let gusts = buckets("gusts")[0]
        let red = buckets("red")[0], warning = buckets("warning")[0], redWarning = buckets("red warning")[2]
        let talks = buckets("talks with")[0]  // "with" is a stop word: the phrase is its one word
        #expect(weights[gusts * 3] == 2 && weights[gusts * 3 + 1] == 2 && weights[gusts * 3 + 2] == 0)
        #expect(weights[redWarning * 3] == 2)
        #expect(weights[red * 3] == 0 && weights[warning * 3] == 0)  // a phrase's own words get nothing
        #expect(weights[talks * 3] == 2)
        #expect(weights.reduce(0, +) == 8)
    }

    @Test func aPriorCarriesATopicTheDataBarelyShows() throws {
        // Training data says nothing about gales; the prior gives "gale" to weather.
        var options = TrainingOptions()
        options.features.hashBits = 12
        options.calibrate = false
        let examples = [
            TopicExample(text: "the minister called an election", label: "politics"),
            TopicExample(text: "voters back the president in the election", label: "politics"),
            TopicExample(text: "heavy rain tomorrow and sunshine later", label: "weather"),
            TopicExample(text: "sunshine and showers this weekend", label: "weather"),
        ]
        let plain = try LinearTopicModel.train(examples, options: options)
        options.prior = WeightPrior(terms: ["weather": ["gale"]], strength: 4)
        let primed = try LinearTopicModel.train(examples, options: options)
        let text = ["the minister warned of a gale"]
        #expect(plain.predict(text) == "politics")
        #expect(primed.predict(text) == "weather")
        // Where the data speaks, the data wins.
        #expect(primed.predict(["voters back the minister"]) == "politics")
    }
}

import Foundation
import Testing
import TopicClassification
import GazetteCore

/// Checks the shipped IPTC model (`models/topics/iptc-default.gztm`) on texts written for these tests.
@Suite struct DefaultModelTests {
    static let modelPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(TopicClassifier.defaultModelPath).path
    }()

    static let classifier: TopicClassifier? = try? TopicClassifier(modelPath: modelPath)

    func topics(_ title: String, _ text: String) throws -> [TopicScore] {
        let classifier = try #require(Self.classifier, "the shipped model should load from \(Self.modelPath)")
        var article = Article(id: "t", text: text)
        article.title = title
        try classifier.process(&article)
        return article.topics
    }

    @Test func shipsAllSeventeenIPTCTopics() throws {
        let classifier = try #require(Self.classifier)
        #expect(classifier.model.labels == TopicTaxonomy.iptcTopLevel.map(\.id))
        #expect(classifier.model.displayLabels == TopicTaxonomy.iptcTopLevel.map(\.label))
        #expect(classifier.name == "topics")
    }

    @Test func aClearlySportTextIsSport() throws {
        let topics = try topics(
            "Late winner sends United into the cup semi-finals",
            "A header in the 89th minute from the visiting captain settled a tense quarter-final. The home side's "
                + "goalkeeper had saved a penalty before half-time, and the manager praised his players for a "
                + "disciplined second half in front of 40,000 fans.")
        #expect(topics.first?.id == "medtop:15000000")
        #expect(topics.first?.label == "sport")
    }

    @Test func aClearlyWarTextIsConflict() throws {
        let topics = try topics(
            "Shelling intensifies as troops push towards the port city",
            "Artillery and air strikes hit the outskirts overnight as government troops and rebel fighters "
                + "battled for control of the main road. Dozens of soldiers and civilians were killed, the army "
                + "said, and thousands fled the fighting as talks on a ceasefire stalled.")
        #expect(topics.first?.id == "medtop:16000000")
    }

    @Test(arguments: [
        ("Central bank raises interest rates to curb inflation", "The bank lifted its main rate by half a point as consumer prices rose faster than forecast; shares fell and the currency gained.", "medtop:04000000"),
        ("Heavy snow and gales expected across the north", "Forecasters issued a weather warning for snow, ice and winds gusting to 70mph, with temperatures falling below freezing overnight.", "medtop:17000000"),
        ("Man jailed for life for murder of shopkeeper", "A jury at the crown court found him guilty of murder after a two-week trial; the judge said he must serve at least 25 years in prison.", "medtop:02000000"),
    ])
    func otherClearTextsGetTheirTopic(title: String, text: String, expected: String) throws {
        #expect(try topics(title, text).first?.id == expected)
    }

    @Test func aDiplomaticStoryIsPoliticsOrConflict() throws {
        let topics = try topics(
            "Capital recognises the new government across the border",
            "The foreign minister said the country would restore full diplomatic relations with the new rulers, "
                + "send an ambassador within a month and back their seat at the United Nations, after talks with "
                + "envoys from both sides.")
        #expect(["medtop:11000000", "medtop:16000000"].contains(topics.first?.id ?? ""))
    }

    /// A disaster lead: the topic words the real sources rarely show (earthquake, aftershocks, rubble)
    /// decide it, not the words every news story shares (the round-1 model said politics here).
    @Test func anEarthquakeLeadIsDisaster() throws {
        let topics = try topics(
            "Earthquake flattens homes in mountain towns",
            "A magnitude 6.8 earthquake struck before dawn on Sunday, flattening homes in three mountain towns "
                + "and cutting the main highway; rescuers were digging through the rubble as aftershocks rattled the region.")
        #expect(topics.first?.id == "medtop:03000000")
    }

    /// A storm report full of officials and transport: the weather words decide it.
    @Test func aLongStormReportWithPoliticiansIsWeather() throws {
        let topics = try topics(
            "Storm brings 100mph gusts and cuts power to thousands",
            "Forecasters issued a red warning for wind as the storm swept in from the Atlantic overnight, with gusts "
                + "of more than 100mph recorded on the west coast and heavy rain flooding roads inland. About 80,000 homes "
                + "lost power, the electricity network said. The prime minister chaired an emergency meeting and the "
                + "transport secretary said rail services would stay suspended until the tracks were cleared of fallen "
                + "trees. Airports cancelled dozens of flights. The national weather service said winds would ease by "
                + "Thursday afternoon but another band of rain would follow at the weekend, and it warned of snow on "
                + "high ground.")
        #expect(topics.first?.id == "medtop:17000000")
    }

    @Test func aVagueTextIsNotScoredAsCertain() throws {
        // The shipped temperature is fitted on sources held out of training: a text with little to go on
        // does not get a near-certain score.
        let topics = try topics("Update", "The committee met on Tuesday and will meet again next week.")
        #expect((topics.first?.score ?? 1) < 0.6)
    }

    @Test(arguments: ["", "Hello.", "The committee met on Tuesday and will meet again next week."])
    func scoresAreProbabilitiesSortedWithAtLeastOneTopic(text: String) throws {
        let topics = try topics("", text)
        #expect(!topics.isEmpty)
        #expect(topics.count <= 3)
        #expect(topics.allSatisfy { (0...1).contains($0.score) })
        #expect(zip(topics, topics.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(topics.dropFirst().allSatisfy { $0.score >= TopicClassifier.defaultThreshold })
    }
}

@Suite struct DefaultModelEntityCueTests {
    @Test func aSportsClubEntityRaisesSport() throws {
        let model = try LinearTopicModel(contentsOf: DefaultModelTests.modelPath)
        let cues = EntityTopicCues(entities: [(id: "gz:o:riverside-rovers", subtype: "club")])
        let stage = TopicClassifier(model: model, threshold: 0, maxTopics: 17, entityCues: cues)
        let text = "Riverside Rovers announced a new owner and a deal worth 40 million on Tuesday."
        let entity = Entity(id: "gz:o:riverside-rovers", type: .organization, name: "Riverside Rovers", salience: 0.9)
        let before = stage.topics(title: nil, text: text).first { $0.id == "medtop:15000000" }?.score ?? 0
        let after = try #require(stage.topics(title: nil, text: text, entities: [entity]).first { $0.id == "medtop:15000000" })
        #expect(after.score > before)
    }
}

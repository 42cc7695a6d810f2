import Testing
import TopicClassification
import GazetteCore

@Suite struct EntityTopicCuesTests {
    let cues = EntityTopicCues(entities: [
        (id: "gz:o:lakers", subtype: "club"), (id: "gz:p:striker", subtype: "athlete"),
        (id: "gz:o:army", subtype: "military"), (id: "gz:o:daily-news", subtype: "media"),
    ])

    @Test func keepsOnlySubtypesThatPointToATopic() {
        #expect(cues.cues["gz:o:lakers"]?.topic == "medtop:15000000")
        #expect(cues.cues["gz:o:army"]?.topic == "medtop:16000000")
        #expect(cues.cues["gz:o:daily-news"] == nil)
    }

    @Test func bonusGrowsWithSalienceAndIsCapped() {
        let labels = ["medtop:04000000", "medtop:15000000", "medtop:16000000"]
        let one = cues.bonus(for: [Entity(id: "gz:o:lakers", type: .organization, name: "Lakers", salience: 0.5)], labels: labels)
        #expect(one == [0, 1.0, 0])  // club weight 2.0 × salience 0.5
        let many = (0..<5).map { Entity(id: $0 % 2 == 0 ? "gz:o:lakers" : "gz:p:striker", type: .organization, name: "x", salience: 1) }
        #expect(cues.bonus(for: many, labels: labels)[1] == cues.cap)
        #expect(cues.bonus(for: [], labels: labels) == [0, 0, 0])
    }

    @Test func cuesLookedUpPerArticleMatchTheTable() {
        let subtypes = ["gz:o:lakers": "club", "gz:p:striker": "athlete", "gz:o:army": "military", "gz:o:daily-news": "media"]
        let looked = EntityTopicCues { subtypes[$0] }
        let labels = ["medtop:04000000", "medtop:15000000", "medtop:16000000"]
        let entities = [
            Entity(id: "gz:o:lakers", type: .organization, name: "Lakers", salience: 0.4),
            Entity(id: "gz:o:army", type: .organization, name: "Army", salience: 0.5),
            Entity(id: "gz:o:daily-news", type: .organization, name: "Daily News", salience: 1),
            Entity(id: "new:person:someone", type: .person, name: "Someone", salience: 1),
        ]
        #expect(looked.cue(for: "gz:p:striker")?.topic == "medtop:15000000")
        #expect(looked.cue(for: "gz:o:daily-news") == nil)
        #expect(looked.cue(for: "new:person:someone") == nil)
        #expect(looked.bonus(for: entities, labels: labels) == cues.bonus(for: entities, labels: labels))
        #expect(looked.bonus(for: entities, labels: labels) == [0, 0.8, 0.8])
    }

    @Test func userLabelsAreUnaffected() {
        let bonus = cues.bonus(for: [Entity(id: "gz:o:army", type: .organization, name: "Army", salience: 1)], labels: ["cooking", "sailing"])
        #expect(bonus == [0, 0])
    }

    @Test func cuesTipAnAmbiguousArticleTowardsTheEntitiesTopic() throws {
        var options = TrainingOptions()
        options.features.hashBits = 14
        let model = try LinearTopicModel.train(SmallCorpus.training, options: options)
        let plain = TopicClassifier(model: model)
        let cued = TopicClassifier(model: model, entityCues: EntityTopicCues(entities: [(id: "gz:o:yacht-club", subtype: "club")]))
        let text = "The club met on Saturday."
        let entity = Entity(id: "gz:o:yacht-club", type: .organization, name: "Yacht Club", salience: 1)
        // The small corpus has no IPTC labels, so the sport cue cannot apply: scores stay the same.
        #expect(plain.topics(title: nil, text: text) == cued.topics(title: nil, text: text, entities: [entity]))
    }
}

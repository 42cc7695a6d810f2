import Testing
import TopicClassification

@Suite struct TopicTaxonomyTests {
    @Test func hasTheSeventeenTopLevelTopicsInCodeOrder() {
        let ids = TopicTaxonomy.iptcTopLevel.map(\.id)
        #expect(ids.count == 17)
        #expect(ids == (1...17).map { "medtop:" + ($0 < 10 ? "0" : "") + "\($0)000000" })
        #expect(Set(TopicTaxonomy.iptcTopLevel.map(\.label)).count == 17)
    }

    @Test(arguments: [
        ("medtop:01000000", "arts, culture, entertainment and media"),
        ("medtop:02000000", "crime, law and justice"),
        ("medtop:04000000", "economy, business and finance"),
        ("medtop:11000000", "politics"),
        ("medtop:13000000", "science and technology"),
        ("medtop:15000000", "sport"),
        ("medtop:16000000", "conflict, war and peace"),
        ("medtop:17000000", "weather"),
    ])
    func labelsMatchTheIPTCVocabulary(id: String, label: String) {
        #expect(TopicTaxonomy.iptc(id)?.label == label)
        #expect(TopicTaxonomy.label(for: id) == label)
    }

    @Test func looksUpBareCodesAndBuildsURIs() {
        #expect(TopicTaxonomy.iptc("15000000")?.id == "medtop:15000000")
        #expect(TopicTaxonomy.iptc("medtop:18000000") == nil)
        #expect(TopicTaxonomy.uri(for: "medtop:06000000") == "http://cv.iptc.org/newscodes/mediatopic/06000000")
        #expect(TopicTaxonomy.uri(for: "cooking") == nil)
        #expect(TopicTaxonomy.label(for: "cooking") == "cooking")
    }
}

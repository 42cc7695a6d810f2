import Foundation
import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// The knowledge-base columns of the lists (QIDs and their sources, coordinates, popularity),
/// merging by QID, and how the resolver uses them.
@Suite struct KnowledgeBaseTests {
    private func parse(_ text: String) -> ([GazetteerEntry], [GazetteerFile.Diagnostic]) {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(bytes: Array(text.utf8), path: "kb.tsv", diagnostics: &diagnostics)
        return (entries, diagnostics)
    }

    private func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gz-kb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func optionalColumnsAreReadInAnyOrder() throws {
        let text = GazetteerFile.header + "\tpopularity\tcoordinates\twikidata_source\twikidata\n"
            + "gz:o:harbour-board\tOrganization\tHarbour Board\t\tNZ\tagency\t\t\tcurated\t0.4\t\tmy-list\tQ123\n"
            + "geonames:1\tPlace\tRiverton\t\tNZ\tcity\t20000\t\tgeonames\t\t-46.35,168.02\t\t\n"
        let (entries, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(entries[0].wikidata == "Q123" && entries[0].wikidataSource == "my-list" && entries[0].popularity == 0.4)
        #expect(entries[1].coordinates == Coordinates(latitude: -46.35, longitude: 168.02))
        #expect(entries[1].wikidata == nil)
    }

    @Test func oldNineColumnFilesStillLoadAndQIDIdsAreLinks() {
        let (entries, diagnostics) = parse(GazetteerFile.header + "\nQ7747\tPerson\tVladimir Putin\tPutin\tRU\tpolitician\t\t\tcurated\n")
        #expect(diagnostics.isEmpty)
        #expect(entries.first?.wikidata == "Q7747")
    }

    @Test func badKnowledgeBaseValuesAreReportedByLine() {
        let text = GazetteerFile.header + "\twikidata\tcoordinates\tpopularity\tnames_by_language\n"
            + "a\tPlace\tA\t\t\t\t\t\tx\tP31\t\t\t\n"
            + "b\tPlace\tB\t\t\t\t\t\tx\t\t91,10\t\t\n"
            + "c\tPlace\tC\t\t\t\t\t\tx\t\t\t1.5\t\n"
            + "Q5\tPlace\tD\t\t\t\t\t\tx\tQ6\t\t\t\n"
            + "e\tPlace\tE\t\t\t\t\t\tx\tQ9\t10.5,-3\t0.2\tde:E\n"
        let (entries, diagnostics) = parse(text)
        #expect(entries.map(\.id) == ["e"])
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [2, 3, 4, 5])
        // A column a later Gazette may add is ignored with a warning, not an error.
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("names_by_language") })
    }

    @Test func rowsWithTheSameQIDAreOneEntityWhoseIdIsTheQID() throws {
        let path = try folder([
            "a-links.tsv": GazetteerFile.fullHeader + "\ngz:p:ana-vidal\tPerson\tAna Vidal\t\t\t\t\t\tsource-a\tQ42\tsource-a\t\t0.7\n",
            "b-curated.tsv": GazetteerFile.header + "\ngz:p:ana-vidal\tPerson\tAna Vidal\tA. Vidal\tES\tpolitician\t\tMayor of Vigo\tcurated\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let user = path + "-user.tsv"
        defer { try? FileManager.default.removeItem(atPath: user) }
        try (GazetteerFile.header + "\nQ42\tPerson\tAna Vidal Pérez\tAna Vidal\t\t\t\t\tmy-dump\n").write(toFile: user, atomically: true, encoding: .utf8)
        let gazetteer = try Gazetteer.load(directory: path, extraFiles: [user])
        #expect(gazetteer.entries.count == 1)
        let entry = gazetteer.entries[0]
        #expect(entry.id == "Q42" && entry.listIDs == ["gz:p:ana-vidal"])
        #expect(entry.name == "Ana Vidal Pérez" && entry.role == "Mayor of Vigo" && entry.country == "ES")
        #expect(entry.wikidataSource == "source-a" && entry.popularity == 0.7)
        #expect(gazetteer.entryIndex["gz:p:ana-vidal"] == 0 && gazetteer.entryIndex["Q42"] == 0)
        // The compiled cache keeps all of it.
        let restored = try #require(Gazetteer(compiled: gazetteer.compiled()))
        #expect(restored.entries[0] == entry)
        #expect(restored.entryIndex["gz:p:ana-vidal"] == 0)
    }

    @Test func twoQIDsForOneIdAreAnError() throws {
        let path = try folder([
            "a.tsv": GazetteerFile.fullHeader + "\ngz:o:x\tOrganization\tX Corp\t\t\t\t\t\ts\tQ1\ts\t\t\n",
            "b.tsv": GazetteerFile.fullHeader + "\ngz:o:x\tOrganization\tX Corp\t\t\t\t\t\ts\tQ2\ts\t\t\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GazetteError.self) { try Gazetteer.load(directory: path) }
    }

    /// Lists for the resolver tests: two people of one name, a little-known party known by an
    /// acronym, and places with coordinates.
    private static let lists = GazetteerTestData.tsv + """

    Q9001\tPerson\tMary Lawson\t\tUS\tpolitician\t\t\ttest
    Q9002\tPerson\tMary Lawson\t\tCA\tpolitician\t\t\ttest
    Q9003\tOrganization\tKoala National Party\t~KNP\tAU\tparty\t\t\ttest
    Q9004\tPlace\tPort Hedland\t\tAU\tcity\t15000\t\ttest
    Q9005\tPlace\tPhnom Penh\t\tKH\tcity\t2000000\t\ttest
    Q9006\tPlace\tSiem Reap\t\tKH\tcity\t200000\t\ttest
    Q9007\tPlace\tBattambang\t\tKH\tcity\t150000\t\ttest
    """

    private func resolve(_ text: String, extra: [(String, EntityType)] = [], confidence: EntityConfidence? = nil) throws -> Article {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        var entries = GazetteerFile.parse(bytes: Array(Self.lists.utf8), path: "t.tsv", diagnostics: &diagnostics)
        for k in entries.indices where entries[k].id == "Q1899" { entries[k].coordinates = Coordinates(latitude: 50.45, longitude: 30.52) }
        let gazetteer = Gazetteer(entries: entries)
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        try GazetteerRecognizer().process(&article)
        for (surface, type) in extra {
            guard let found = text.range(of: surface) else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
            let range = TextRange(start: start, end: start + surface.utf8.count)
            article.mentions.removeAll { $0.range.overlaps(range) }
            article.mentions.append(Mention(range: range, surface: surface, type: type, source: "model"))
        }
        try EntityResolver(gazetteer: gazetteer, lexicons: GazetteerTestData.lexicons, confidence: confidence).process(&article)
        return article
    }

    @Test func peopleOfOneNameAreLeftUnlinkedWithoutContext() throws {
        let article = try resolve("Mary Lawson spoke to reporters on Tuesday.")
        let mary = try #require(article.entities.first { $0.name == "Mary Lawson" })
        #expect(mary.wikidata == nil && mary.id.hasPrefix("new:person:"))
        #expect(mary.mentions.first?.reason?.hasPrefix("namesakes") == true)
    }

    @Test func theArticlesCountryTellsNamesakesApart() throws {
        let article = try resolve("Mary Lawson met voters in Atlanta. The United States and the U.S. Senate race were the topic in Atlanta.")
        let mary = try #require(article.entities.first { $0.name == "Mary Lawson" })
        #expect(mary.id == "Q9001")
        #expect(mary.mentions.first?.reason?.hasPrefix("context") == true)
    }

    @Test func anAmbiguousAcronymFromElsewhereIsNotLinked() throws {
        let cambodia = try resolve("In Phnom Penh a KNP member was freed. Siem Reap and Battambang voted.", extra: [("KNP", .organization)])
        let knp = try #require(cambodia.entities.first { $0.mentions.first?.surface == "KNP" })
        #expect(knp.wikidata == nil)
        #expect(knp.mentions.first?.reason?.contains("not linked") == true)
        let australia = try resolve("The KNP won seats around Port Hedland.", extra: [("KNP", .organization)])
        #expect(australia.entities.first { $0.mentions.first?.surface == "KNP" }?.id == "Q9003")
    }

    @Test func placesCarryCountryAndCoordinatesAndEveryEntityAConfidence() throws {
        let calibration = EntityConfidence(weights: ["bias": 0, "gazetteer": 2], linkPrecision: ["unique": 0.5])
        let article = try resolve("Putin visited Kyiv.", confidence: calibration)
        let kyiv = try #require(article.entities.first { $0.id == "Q1899" })
        #expect(kyiv.country == "UA" && kyiv.coordinates?.latitude == 50.45)
        let putin = try #require(article.entities.first { $0.id == "Q7747" })
        #expect(putin.country == nil && putin.coordinates == nil)
        // sigmoid(0 + 2 × found by the gazetteer) × link precision 0.5
        let expected = 0.5 / (1 + exp(-2.0))
        #expect(abs((putin.confidence ?? 0) - expected) < 1e-9)
    }

    @Test func calibrationFileIsReadAndCheckedByLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("conf-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "# comment\nweight\tbias\t-0.5\nweight\tperson\t1.25\nlink\tcontext\t0.9\n".write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try EntityConfidence.load(path: path)
        #expect(loaded.weights == ["bias": -0.5, "person": 1.25] && loaded.linkPrecision == ["context": 0.9])
        try "link\tunique\t1.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GazetteError.self) { try EntityConfidence.load(path: path) }
    }
}

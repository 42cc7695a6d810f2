import Foundation
import GazetteCore
import Testing
@testable import EntityTagging

@Suite struct GazetteerFileTests {
    private func parse(_ text: String) -> ([GazetteerEntry], [GazetteerFile.Diagnostic]) {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(bytes: Array(text.utf8), path: "list.tsv", diagnostics: &diagnostics)
        return (entries, diagnostics)
    }

    @Test func reportsBadRowsWithFileAndLine() {
        let text = GazetteerFile.header + "\n"
            + "Q1\tPlace\tKyiv\tKiev\tUA\tcity\t2952301\t\tgeonames\n"
            + "Q2\tPlanet\tMars\t\t\t\t\t\tcurated\n"
            + "Q1\tPlace\tKyiv again\t\t\t\t\t\tcurated\n"
            + "Q3\tPlace\tOnly three\tcolumns\n"
            + "Q4\tPlace\tLviv\t\tUA\tcity\tmany\t\tgeonames\n"
        let (entries, diagnostics) = parse(text)
        #expect(entries.map(\.id) == ["Q1"])
        #expect(diagnostics.map(\.line) == [3, 4, 5, 6])
        #expect(diagnostics[0].description.hasPrefix("list.tsv:3: error: unknown type 'Planet'"))
        #expect(diagnostics[1].message.contains("duplicate id Q1"))
        #expect(diagnostics[2].message.contains("9 tab-separated columns"))
        #expect(diagnostics[3].message.contains("population"))
    }

    @Test func rejectsMissingHeaderAndInvalidUTF8() {
        let (_, noHeader) = parse("Q1\tPlace\tKyiv\t\t\t\t\t\t\n")
        #expect(noHeader.first?.line == 1)
        var diagnostics: [GazetteerFile.Diagnostic] = []
        _ = GazetteerFile.parse(bytes: Array((GazetteerFile.header + "\n").utf8) + [0x51, 0x31, 0x09, 0xFF, 0xFE, 0x0A], path: "x.tsv", diagnostics: &diagnostics)
        #expect(diagnostics.first?.message.contains("UTF-8") == true)
    }

    @Test func ambiguousAliasesAreMarked() {
        let (entries, _) = parse(GazetteerFile.header + "\nQ230\tPlace\tGeorgia\t~Georgia|Sakartvelo\tGE\tcountry\t\t\trigour\n")
        #expect(entries.first?.ambiguousAliases == ["Georgia"])
        #expect(entries.first?.aliases == ["Sakartvelo"])
    }

    @Test func laterFilesAddAliasesAndOverrideFields() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gz-merge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try (GazetteerFile.header + "\nQ7747\tPerson\tVladimir Putin\tPutin\tRU\tpolitician\t\t\twikidata-leaders\n")
            .write(toFile: folder + "/a.tsv", atomically: true, encoding: .utf8)
        let user = folder + "-user.tsv"
        defer { try? FileManager.default.removeItem(atPath: user) }
        try (GazetteerFile.header + "\nQ7747\tPerson\tVladimir Putin\tV. V. Putin\t\t\t\tPresident of Russia\tmy-list\n"
             + "gz:o:acme\tOrganization\tAcme Widgets\tAcme\tUS\tcompany\t\t\tmy-list\n")
            .write(toFile: user, atomically: true, encoding: .utf8)
        let gazetteer = try Gazetteer.load(directory: folder, extraFiles: [user])
        #expect(gazetteer.entries.map(\.id) == ["Q7747", "gz:o:acme"])
        let merged = try #require(gazetteer.entryIndex["Q7747"].map { gazetteer.entries[$0] })
        #expect(merged.aliases.sorted() == ["Putin", "V. V. Putin"])
        #expect(merged.role == "President of Russia")
        #expect(merged.country == "RU")
    }

    @Test func conflictingTypesAcrossFilesAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gz-conflict-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try (GazetteerFile.header + "\nQ1\tPlace\tJordan\t\tJO\tcountry\t\t\tx\n").write(toFile: folder + "/a.tsv", atomically: true, encoding: .utf8)
        try (GazetteerFile.header + "\nQ1\tPerson\tJordan\t\t\t\t\t\tx\n").write(toFile: folder + "/b.tsv", atomically: true, encoding: .utf8)
        #expect(throws: GazetteError.self) { try Gazetteer.load(directory: folder) }
    }

    @Test func compiledCacheRestoresTheSameMatches() throws {
        let gazetteer = GazetteerTestData.gazetteer()
        let restored = try #require(Gazetteer(compiled: gazetteer.compiled()))
        let text = "PUTIN met Zelenskiy and Erdogan in İstanbul; the Bank of England and Apple watched Georgia."
        let (original, _) = try GazetteerTestData.match(text, gazetteer: gazetteer)
        let (fromCache, _) = try GazetteerTestData.match(text, gazetteer: restored)
        #expect(original.candidates == fromCache.candidates)
        #expect(!original.candidates.isEmpty)
        // Damaged bytes never trap: they are rejected.
        var damaged = gazetteer.compiled()
        damaged.removeLast(9)
        #expect(Gazetteer(compiled: damaged) == nil)
        #expect(Gazetteer(compiled: Array(damaged.prefix(100))) == nil)
    }
}

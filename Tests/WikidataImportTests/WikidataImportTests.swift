import Foundation
import GazetteCore
import Testing
@testable import EntityTagging
@testable import WikidataImport

@Suite struct WikidataImportTests {
    private let countryCodes = ["Q212": "UA"]

    private func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wd-\(UUID().uuidString)-\(name)").path
    }

    private func options(languages: [String] = ["en", "uk"], orgClasses: [String] = []) -> WikidataDumpImporter.Options {
        var options = WikidataDumpImporter.Options()
        options.languages = languages
        options.minimumSitelinks = 5
        options.organizationClasses.formUnion(orgClasses)
        return options
    }

    /// Writes `bytes` as a dump, imports it, and returns the output's data rows (no header/comments).
    private func importDump(_ bytes: [UInt8], name: String = "dump.json", options: WikidataDumpImporter.Options? = nil,
                            output: String? = nil) throws -> (rows: [String], summary: WikidataDumpImporter.Summary, output: String) {
        let dump = temporary(name)
        FileManager.default.createFile(atPath: dump, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let out = output ?? temporary("out.tsv")
        let importer = WikidataDumpImporter(options: options ?? self.options(), countryCodes: countryCodes)
        let summary = try importer.run(dumpPath: dump, outputPath: out)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        return (text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.hasPrefix("id\t") }, summary, out)
    }

    private func cleanUp(_ output: String) {
        try? FileManager.default.removeItem(atPath: output)
        try? FileManager.default.removeItem(atPath: output + ".progress")
    }

    @Test func keepsPeopleOrganisationsAndPlacesWithTheirFacts() throws {
        let (rows, summary, output) = try importDump(Array(DumpFixture.text.utf8))
        defer { cleanUp(output) }
        #expect(summary.entities == 8 && summary.kept == 4 && summary.skippedLines == 0)
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(path: output, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        #expect(rows.count == 4 && Set(byID.keys) == ["Q990001", "Q990002", "Q990004", "Q990005"])

        let country = try #require(byID["Q990001"])
        #expect(country.type == .place && country.subtype == "country" && country.country == "XA" && country.name == "Republic of Aurelia")
        let marta = try #require(byID["Q990002"])
        #expect(marta.type == .person && marta.subtype == "politician" && marta.country == "XA")
        // English label first, then the Ukrainian label and aliases; a lower-case description-like alias is dropped.
        #expect(marta.name == "Marta Kovalenko")
        #expect(marta.aliases == ["Марта Коваленко", "Marta O. Kovalenko", "М. Коваленко"])
        #expect(marta.wikidata == "Q990002" && marta.wikidataSource == "wikidata-dump")
        #expect(marta.popularity == WikidataDumpImporter.popularity(sitelinks: 12))
        let city = try #require(byID["Q990004"])
        #expect(city.subtype == "city" && city.country == "XA" && city.population == 131_000)
        #expect(city.coordinates == Coordinates(latitude: -33.8123, longitude: 151.2051))
        let party = try #require(byID["Q990005"])
        #expect(party.type == .organization && party.subtype == "party" && party.country == "UA" && party.aliases == ["GHP"])
    }

    @Test func classesAUserListsAreKeptAsOrganisations() throws {
        let (rows, _, output) = try importDump(Array(DumpFixture.text.utf8), options: options(orgClasses: ["Q990099"]))
        defer { cleanUp(output) }
        #expect(rows.contains { $0.hasPrefix("Q990006\tOrganization\tMeadow Credit Union\t") })
    }

    @Test func plainGzipAndBzip2DumpsGiveTheSameList() throws {
        let plain = Array(DumpFixture.text.utf8)
        let a = try importDump(plain, name: "d.json")
        let b = try importDump(DumpFixture.gzip(plain), name: "d.json.gz")
        let c = try importDump(DumpFixture.bzip2(plain), name: "d.json.bz2")
        defer { [a.output, b.output, c.output].forEach(cleanUp) }
        #expect(a.rows == b.rows && a.rows == c.rows && !a.rows.isEmpty)
        #expect(a.summary.offset == plain.count && b.summary.offset == plain.count && c.summary.offset == plain.count)
    }

    @Test func anInterruptedImportResumesFromItsCheckpoint() throws {
        let plain = Array(DumpFixture.text.utf8)
        let full = try importDump(DumpFixture.gzip(plain), name: "d.json.gz")
        defer { cleanUp(full.output) }
        // Stop after the first three entity lines: the checkpoint holds that offset and the output
        // length at that moment; a half-written row after it must disappear on resume.
        let lines = DumpFixture.text.split(separator: "\n", omittingEmptySubsequences: false)
        let offset = lines.prefix(4).map { $0.utf8.count + 1 }.reduce(0, +)
        let header = try String(contentsOfFile: full.output, encoding: .utf8).split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
        let partial = header + full.rows.prefix(2).joined(separator: "\n") + "\n"
        let output = temporary("resumed.tsv")
        defer { cleanUp(output) }
        try (partial + "Q990004\tPlace\tPort Sol").write(toFile: output, atomically: true, encoding: .utf8)
        // As the importer writes it: the country code the first entity taught is kept.
        try "offset=\(offset) output_bytes=\(partial.utf8.count) countries=Q990001:XA\n".write(toFile: output + ".progress", atomically: true, encoding: .utf8)
        var resuming = options()
        resuming.resume = true
        let resumed = try importDump(DumpFixture.gzip(plain), name: "d.json.gz", options: resuming, output: output)
        #expect(resumed.rows == full.rows)
        #expect(resumed.summary.entities == 5)
        #expect(Checkpoint.read(output + ".progress")?.offset == plain.count)
    }

    @Test func aStartOffsetInsideALineStartsAtTheNextLine() throws {
        let plain = Array(DumpFixture.text.utf8)
        let secondLineStart = 2
        var options = self.options()
        options.startOffset = secondLineStart + 10   // inside the country's line
        let (rows, summary, output) = try importDump(plain, options: options)
        defer { cleanUp(output) }
        #expect(summary.entities == 7)
        #expect(!rows.contains { $0.hasPrefix("Q990001\t") } && rows.contains { $0.hasPrefix("Q990002\t") })
    }

    @Test func aDamagedDumpStopsWithAClearErrorAfterWhatCameBefore() throws {
        let compressed = DumpFixture.gzip(Array(DumpFixture.text.utf8))
        let cut = Array(compressed.prefix(compressed.count * 2 / 3))
        let dump = temporary("cut.json.gz")
        FileManager.default.createFile(atPath: dump, contents: Data(cut))
        let output = temporary("cut.tsv")
        defer { try? FileManager.default.removeItem(atPath: dump); cleanUp(output) }
        let importer = WikidataDumpImporter(options: options(), countryCodes: countryCodes)
        #expect(throws: GazetteError.self) { try importer.run(dumpPath: dump, outputPath: output) }
        let missing = temporary("absent.json")
        #expect(throws: GazetteError.self) { try importer.run(dumpPath: missing, outputPath: output) }
        var resuming = options()
        resuming.resume = true
        let fresh = temporary("never-started.tsv")
        #expect(throws: GazetteError.self) {
            try WikidataDumpImporter(options: resuming, countryCodes: [:]).run(dumpPath: dump, outputPath: fresh)
        }
        try? FileManager.default.removeItem(atPath: fresh)
    }

    @Test func importedRowsMergeWithTheListsByQIDAndCuratedRowsWin() throws {
        let (_, _, output) = try importDump(Array(DumpFixture.text.utf8))
        defer { cleanUp(output) }
        let folder = temporary("lists")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: output, toPath: folder + "/wikidata.tsv")
        try (GazetteerFile.header + "\ngz:p:marta-kovalenko\tPerson\tMarta Kovalenko\tMinister Kovalenko\tUA\tpolitician\t\tMinister of Ports\tcurated\tQ990002\n")
            .replacingOccurrences(of: GazetteerFile.header, with: GazetteerFile.header + "\twikidata")
            .write(toFile: folder + "/people-curated.tsv", atomically: true, encoding: .utf8)
        let gazetteer = try Gazetteer.load(directory: folder)
        let position = try #require(gazetteer.entryIndex["gz:p:marta-kovalenko"])
        let marta = gazetteer.entries[position]
        #expect(marta.id == "Q990002" && marta.country == "UA" && marta.role == "Minister of Ports")
        #expect(marta.aliases.contains("Minister Kovalenko") && marta.aliases.contains("Marta O. Kovalenko"))
    }
}

import Foundation
import Testing

/// `gazette gazetteer check|stats|lookup` and user lists in `gazette tag`, run as a user would.
@Suite struct GazetteerCommandTests {
    @Test func shippedListsPassTheCheck() throws {
        let run = try GazetteBinary().run(["gazetteer", "check"])
        #expect(run.status == 0, "\(run.stderr)\n\(String(decoding: run.stdout, as: UTF8.self).suffix(2000))")
        #expect(String(decoding: run.stdout, as: UTF8.self).contains(" 0 errors"))
    }

    @Test func statsCountTheShippedSet() throws {
        let run = try GazetteBinary().run(["gazetteer", "stats", "--json"])
        #expect(run.status == 0)
        let stats = try #require(try run.records().first)
        let types = try #require(stats["types"] as? [String: Int])
        #expect(types["Place", default: 0] >= 30_000)
        #expect(types["Person", default: 0] >= 3_000)
        #expect(types["Organization", default: 0] >= 3_000)
        #expect((stats["aliases"] as? Int ?? 0) > 50_000)
    }

    @Test func lookupMatchesAsTheTaggerDoes() throws {
        let run = try GazetteBinary().run(["gazetteer", "lookup", "Putin", "ZELENSKIY", "apple", "Kyiv"])
        let records = try run.records()
        #expect(records.count == 4)
        func firstMatch(_ k: Int) -> [String: Any]? { (records[k]["matches"] as? [[String: Any]])?.first }
        #expect(firstMatch(0)?["id"] as? String == "Q7747")
        #expect(firstMatch(0)?["type"] as? String == "Person")
        #expect(firstMatch(1)?["name"] as? String == "Volodymyr Zelenskyy")
        #expect((records[2]["matches"] as? [Any])?.isEmpty == true)  // lower-case "apple" is fruit
        #expect(firstMatch(3)?["type"] as? String == "Place")
    }

    @Test func badUserListFailsCheckWithFileAndLine() throws {
        let scratch = try ScratchDirectory()
        let list = scratch.path("mine.tsv")
        try "id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource\ngz:o:acme\tCompany\tAcme\t\t\t\t\t\tmine\n"
            .write(toFile: list, atomically: true, encoding: .utf8)
        let run = try GazetteBinary().run(["gazetteer", "check", "--gazetteer", list])
        #expect(run.status == 1)
        #expect(String(decoding: run.stdout, as: UTF8.self).contains("mine.tsv:2: error: unknown type 'Company'"))
    }

    @Test func userListAddsEntitiesToTagging() throws {
        let scratch = try ScratchDirectory()
        let list = scratch.path("mine.tsv")
        try "id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource\ngz:o:zorblax\tOrganization\tZorblax Dynamics\tZorblax\tUS\tcompany\t\t\tmine\n"
            .write(toFile: list, atomically: true, encoding: .utf8)
        let input = Data(#"{"id":"z1","text":"Shares of Zorblax Dynamics rose on Tuesday after Zorblax won a defence contract."}"#.utf8 + [0x0A])
        let run = try GazetteBinary().run(["tag", "--quiet", "--gazetteer", list], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let entities = try #require(try run.records().first?["entities"] as? [[String: Any]])
        let zorblax = try #require(entities.first { $0["id"] as? String == "gz:o:zorblax" })
        #expect(zorblax["type"] as? String == "Organization")
        #expect((zorblax["mentions"] as? [Any])?.count == 2)
    }

    /// A dump of two entities in Wikidata's format, imported, then used as a list by `gazette tag`:
    /// the person's QID becomes the entity's id, and the list's QID rows merge with the shipped ones.
    @Test func importedDumpFeedsTagging() throws {
        let scratch = try ScratchDirectory()
        let dump = scratch.path("dump.json")
        func claim(_ property: String, _ value: String) -> String {
            #"{"mainsnak":{"snaktype":"value","property":"\#(property)","datavalue":{"value":\#(value),"type":"x"}},"type":"statement","rank":"normal"}"#
        }
        let sitelinks = "{" + (0..<7).map { #""s\#($0)wiki":{"site":"s\#($0)wiki","title":"T"}"# }.joined(separator: ",") + "}"
        let person = #"{"type":"item","id":"Q99000011","labels":{"en":{"language":"en","value":"Tomasz Wielgorski"}},"aliases":{},"claims":{"P31":[\#(claim("P31", #"{"entity-type":"item","id":"Q5"}"#))],"P27":[\#(claim("P27", #"{"entity-type":"item","id":"Q36"}"#))]},"sitelinks":\#(sitelinks)}"#
        let ukraine = #"{"type":"item","id":"Q212","labels":{"en":{"language":"en","value":"Ukraine"}},"aliases":{"en":[{"language":"en","value":"Ukrainia"}]},"claims":{"P31":[\#(claim("P31", #"{"entity-type":"item","id":"Q6256"}"#))]},"sitelinks":\#(sitelinks)}"#
        try "[\n\(person),\n\(ukraine)\n]\n".write(toFile: dump, atomically: true, encoding: .utf8)
        let list = scratch.path("wikidata.tsv")
        let run = try GazetteBinary().run(["gazetteer", "import-wikidata", dump, "-o", list, "--progress-seconds", "60"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("2 of 2 entities written"))
        let rows = try String(contentsOfFile: list, encoding: .utf8)
        #expect(rows.contains("Q99000011\tPerson\tTomasz Wielgorski\t\tPL\t"))
        let input = Data(#"{"id":"w1","text":"Tomasz Wielgorski spoke in Ukrainia on Monday."}"#.utf8 + [0x0A])
        let tag = try GazetteBinary().run(["tag", "--quiet", "--gazetteer", list], stdin: input)
        let entities = try #require(try tag.records().first?["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["id"] as? String == "Q99000011" && $0["wikidata"] as? String == "Q99000011" })
        // The imported alias joined the shipped Ukraine entry (same QID), which keeps its data.
        let ukraineEntity = try #require(entities.first { $0["id"] as? String == "Q212" })
        #expect(ukraineEntity["country"] as? String == "UA" && ukraineEntity["coordinates"] != nil)
    }
}

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
}

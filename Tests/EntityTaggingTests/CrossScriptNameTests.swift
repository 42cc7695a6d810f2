import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// People's names written in another language's romanisation or in Cyrillic reach the list's
/// (English) spelling: hyphenated given names, the French and German readings of `ch`, the Greek
/// `ch` that Russian writes `к`, and given names before a matched surname.
@Suite struct CrossScriptNameTests {
    static let lists = """
    id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource
    gz:p:hans-georg-maassen\tPerson\tHans-Georg Maassen\t\tDE\tpolitician\t\t\ttest
    gz:p:yuri-ushakov\tPerson\tYuri Ushakov\t\tRU\tpolitician\t\t\ttest
    gz:p:mikhail-khodorkovsky\tPerson\tMikhail Khodorkovsky\t\tRU\tbusiness\t\t\ttest
    gz:p:christian-lindner\tPerson\tChristian Lindner\t\tDE\tpolitician\t\t\ttest
    gz:p:antony-blinken\tPerson\tAntony Blinken\tBlinken\tUS\tpolitician\t\t\ttest

    """

    static let gazetteer: Gazetteer = {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        return Gazetteer(entries: GazetteerFile.parse(bytes: Array(lists.utf8), path: "test.tsv", diagnostics: &diagnostics))
    }()

    static func match(_ text: String, language: String?) throws -> [(surface: String, id: String?)] {
        try listedMatches(text, language: language, gazetteer: gazetteer)
    }

    @Test func aHyphenatedGivenNameMatchesAcrossScripts() throws {
        let found = try Self.match("Бывший глава ведомства Ханс-Георг Маасен выступил в Бундестаге.", language: "ru")
        #expect(found.map(\.surface) == ["Ханс-Георг Маасен"])
        #expect(found.map(\.id) == ["gz:p:hans-georg-maassen"])
    }

    @Test func frenchAndGermanReadingsOfCh() throws {
        #expect(try Self.match("Le conseiller Iouri Ouchakov a confirmé la rencontre.", language: "fr").map(\.id) == ["gz:p:yuri-ushakov"])
        #expect(try Self.match("Der Unternehmer Michail Chodorkowski lebt in London.", language: "de").map(\.id) == ["gz:p:mikhail-khodorkovsky"])
        // English text keeps its own spelling rules: no loose readings there.
        #expect(try Self.match("The adviser Iouri Ouchakov spoke.", language: "en").isEmpty)
    }

    @Test func theGreekChOfAGivenNameIsK() throws {
        let found = try Self.match("Министр финансов Кристиан Линднер отказался от новых долгов.", language: "ru")
        #expect(found.map(\.surface) == ["Кристиан Линднер"])
        #expect(found.map(\.id) == ["gz:p:christian-lindner"])
    }

    @Test func aGivenNameInAnotherScriptJoinsTheMatchedSurname() throws {
        let found = try Self.match("Госсекретарь Энтони Блинкеном встретился с журналистами.", language: "ru")
        #expect(found.map(\.surface) == ["Энтони Блинкеном"])
        #expect(found.first?.id == "gz:p:antony-blinken")
        // Another given name stays out: only the surname is the match.
        let other = try Self.match("Журналист Иван Блинкен написал статью.", language: "ru")
        #expect(other.map(\.surface) == ["Блинкен"])
    }

    @Test func givenNameSkeletonsAgreeAcrossSpellingsOnly() {
        func agree(_ a: String, _ b: String) -> Bool { !NameSkeleton.skeletons(a).isDisjoint(with: NameSkeleton.skeletons(b)) }
        for (a, b) in [("enton", "antony"), ("dzherom", "jerome"), ("endr", "andrew"), ("uilyam", "william"),
                       ("inasi", "inacio"), ("kristin", "christine"), ("michail", "mikhail")] {
            #expect(agree(a, b), "\(a) / \(b)")
        }
        for (a, b) in [("ivan", "antony"), ("pierre", "paul"), ("mark", "michael"), ("olaf", "oleg")] {
            #expect(!agree(a, b), "\(a) / \(b)")
        }
    }
}

import GazetteCore
import Testing
import TextAnalysis
@testable import EntityTagging

/// Names that Russian and Ukrainian write by their sound (`PhoneticName`): listed people by a
/// given name and surname, well-known organisations by one word, never a place phrase or an
/// ordinary word that merely shares a loose skeleton, and no guess between two equally likely people.
@Suite struct PhoneticNameTests {
    static let lists = """
    id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource\twikidata\twikidata_source\tcoordinates\tpopularity
    gz:p:gordon-brown\tPerson\tGordon Brown\t\tGB\tpolitician\t\t\ttest\t\t\t\t0.8
    gz:p:jacinda-ardern\tPerson\tJacinda Ardern\t\tNZ\tpolitician\t\t\ttest\t\t\t\t0.8
    gz:p:george-osborne\tPerson\tGeorge Osborne\t\tGB\tpolitician\t\t\ttest\t\t\t\t0.7
    gz:p:zhang-yuxia\tPerson\tZhang Yuxia\t\tCN\tofficial\t\t\ttest\t\t\t\t0.7
    gz:p:dusan-kovacevic\tPerson\tDušan Kovačević\t\tRS\tpolitician\t\t\ttest\t\t\t\t0.7
    gz:p:brian-cook\tPerson\tBrian Cook\t\tGB\tathlete\t\t\ttest\t\t\t\t0.5
    gz:p:bryan-cooke\tPerson\tBryan Cooke\t\tUS\tathlete\t\t\ttest\t\t\t\t0.5
    gz:o:carlsberg\tOrganization\tCarlsberg\t\tDK\tcompany\t\t\ttest\t\t\t\t0.8
    gz:o:heineken\tOrganization\tHeineken\t\tNL\tcompany\t\t\ttest\t\t\t\t0.8
    gz:o:kleinbrau\tOrganization\tKleinbrau\t\tDE\tcompany\t\t\ttest\t\t\t\t
    gz:o:wolkenwerk\tOrganization\tWolkenwerk\t\tDE\tcompany\t\t\ttest\t\t\t\t0.9

    """

    static let gazetteer: Gazetteer = {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        return Gazetteer(entries: GazetteerFile.parse(bytes: Array(lists.utf8), path: "test.tsv", diagnostics: &diagnostics))
    }()

    static func match(_ text: String, language: String? = "ru") throws -> [(surface: String, id: String?)] {
        try listedMatches(text, language: language, gazetteer: gazetteer)
    }

    @Test func englishNamesWrittenBySoundReachThePerson() throws {
        // English `j`, soft `g`, `w` and `h` as Russian and Ukrainian write them; declined forms too.
        #expect(try Self.match("Бывший премьер Гордон Браун выступил в парламенте.").map(\.id) == ["gz:p:gordon-brown"])
        #expect(try Self.match("Журналисты спросили Джасинду Ардерн о выборах.").map(\.surface) == ["Джасинду Ардерн"])
        #expect(try Self.match("Колишній міністр Джордж Осборн дав інтерв'ю.", language: "uk").map(\.id) == ["gz:p:george-osborne"])
    }

    @Test func lettersWithAHacekAreReadAsTheySound() throws {
        // `Kovačević` folds to `kovacevic`; Russian writes the `č` and `ć` it sounds as `ч`.
        #expect(try Self.match("Министр Душан Ковачевич приехал в Белград.").map(\.id) == ["gz:p:dusan-kovacevic"])
        #expect(PhoneticName.spellingOut("Vučić Šešelj Đorđe") == "Vuchich Sheshelj Djordje")
        // Romanian and Turkish letters.
        #expect(PhoneticName.spellingOut("Nicușor Țiriac Yaşar Güler Çelik Erdoğan") == "Nicushor Tsiriac Yashar Güler Chelik Erdoan")
    }

    @Test func aPlaceOrACommonPairIsNoPerson() throws {
        // `Южный Кавказ` shares a loose skeleton with Zhang Yuxia, not a phonetic key: `в` stays.
        #expect(try Self.match("Торговля через Южный Кавказ растёт.").isEmpty)
        // A given name alone, or a listed surname with another given name, is nobody.
        #expect(try Self.match("Вчера Гордон приехал домой.").isEmpty)
        #expect(try Self.match("Писатель Иван Браун прочитал лекцию.").isEmpty)
    }

    @Test func twoPeopleEquallyLikelyAreNoGuess() throws {
        // Brian Cook and Bryan Cooke share the key and the prior: `Брайан Кук` is left unlinked.
        #expect(try Self.match("Спортсмен Брайан Кук выиграл забег.").isEmpty)
    }

    @Test func wellKnownCompaniesWrittenBySound() throws {
        #expect(try Self.match("Пивовар Карлсберг повысил цены.").map(\.id) == ["gz:o:carlsberg"])
        // Three consonants (Heineken: `nkn`) are too few to tell a company from other words.
        #expect(try Self.match("Пивовар Хайнекен повысил цены.").isEmpty)
        // German `w` is `в` and `v` is `ф`.
        #expect(try Self.match("Концерн Волькенверк сократил штат.").map(\.id) == ["gz:o:wolkenwerk"])
        // A company no source knows (no popularity) is not looked up by its sound.
        #expect(try Self.match("Пивоварня Кляйнбрау открылась.").isEmpty)
        // Latin text has its own spelling: no phonetic look-up.
        #expect(try Self.match("The brewer Haineken raised prices.", language: "en").isEmpty)
    }

    @Test func keysFollowEnglishSpellingRules() {
        func meet(_ latin: String, _ romanized: String) -> Bool { PhoneticName.readings(latin).contains(PhoneticName.key(romanized)) }
        for (latin, romanized) in [("jerome", "dzherom"), ("powell", "pauell"), ("william", "uilyam"), ("andrew", "endryu"),
                                   ("christopher", "kristofer"), ("gianni", "dzhanni"), ("thomas", "tomas"), ("michele", "mishel"),
                                   ("volkswagen", "folksvagen"), ("huang", "khuang"), ("luxon", "lakson"),
                                   // An initial `h` is `г` in Ukrainian and in Russian's older renderings.
                                   ("harry", "garri"), ("helmut", "gelmut"), ("harry", "kharri"),
                                   // Spanish `j`, Polish `c`.
                                   ("feijoo", "feikhoo"), ("jose", "khose"), ("nawrocki", "navrotskii")] {
            #expect(meet(latin, romanized), "\(latin) / \(romanized)")
        }
        for (latin, romanized) in [("zhang", "yuzhn"), ("yuxia", "kavkaz"), ("gusev", "vuchich"), ("mark", "marat"),
                                   // Only before a vowel at the start of the word.
                                   ("hrabal", "grabal"), ("john", "dzhogn")] {
            #expect(!meet(latin, romanized), "\(latin) / \(romanized)")
        }
    }
}

import Testing
import GazetteCore
@testable import TextAnalysis

/// Short news-style texts written for these tests, two or three sentences each.
enum LanguageSamples {
    static let texts: [(language: String, text: String)] = [
        ("en", "The harbour board said on Tuesday that a second ferry will join the island route in April. Residents have waited years for the change, and fares will not rise."),
        ("de", "Der Hafenrat teilte am Dienstag mit, dass ab April eine zweite Fähre zur Insel fahren wird. Die Bewohner warten seit Jahren darauf, und die Preise sollen nicht steigen."),
        ("fr", "Le conseil du port a annoncé mardi qu'un deuxième ferry rejoindra la ligne de l'île en avril. Les habitants attendent ce changement depuis des années et les tarifs ne changeront pas."),
        ("es", "La junta del puerto anunció el martes que un segundo transbordador se sumará a la ruta de la isla en abril. Los vecinos llevan años esperando el cambio y las tarifas no subirán."),
        ("it", "Il consiglio del porto ha annunciato martedì che un secondo traghetto si aggiungerà alla linea dell'isola ad aprile. Gli abitanti aspettano da anni questo cambiamento e le tariffe non aumenteranno."),
        ("pt", "A administração do porto anunciou na terça-feira que uma segunda balsa vai reforçar a ligação à ilha a partir de abril. Os moradores esperam há anos por essa mudança e as tarifas não vão subir."),
        ("nl", "Het havenbestuur maakte dinsdag bekend dat er vanaf april een tweede veerboot naar het eiland vaart. De bewoners wachten al jaren op die verandering en de prijzen gaan niet omhoog."),
        ("pl", "Zarząd portu poinformował we wtorek, że od kwietnia na trasie do wyspy będzie pływał drugi prom. Mieszkańcy czekali na tę zmianę od lat, a ceny biletów nie wzrosną."),
        ("ru", "Управление порта сообщило во вторник, что с апреля на линию к острову выйдет второй паром. Жители ждали этого много лет, а цены на билеты не вырастут."),
        ("uk", "Управління порту повідомило у вівторок, що з квітня на лінію до острова вийде другий пором. Мешканці чекали на це багато років, а ціни на квитки не зростуть."),
        ("tr", "Liman idaresi salı günü yaptığı açıklamada nisan ayından itibaren adaya ikinci bir feribotun sefer yapacağını bildirdi. Ada halkı yıllardır bu değişikliği bekliyordu ve bilet fiyatları artmayacak."),
        ("ar", "أعلنت إدارة الميناء يوم الثلاثاء أن عبارة ثانية ستنضم إلى خط الجزيرة في شهر أبريل. وينتظر السكان هذا التغيير منذ سنوات، ولن ترتفع أسعار التذاكر."),
        ("zh", "港口管理局星期二宣布，从四月起将有第二艘渡轮加入前往岛屿的航线。居民们多年来一直在等待这一变化，票价也不会上涨。"),
        ("ja", "港湾局は火曜日、四月から島への航路に二隻目のフェリーが加わると発表した。住民は何年もこの変化を待っていて、運賃は上がらないという。"),
        ("el", "Η λιμενική αρχή ανακοίνωσε την Τρίτη ότι ένα δεύτερο πλοίο θα εξυπηρετεί το νησί από τον Απρίλιο."),
        ("ko", "항만청은 화요일 4월부터 섬으로 가는 항로에 두 번째 여객선이 투입된다고 밝혔다."),
    ]
}

@Suite("Language identification")
struct LanguageIdentifierTests {
    static let identifier: LanguageIdentifier? = try? LanguageIdentifier()

    @Test("each sample text is named in its language", arguments: LanguageSamples.texts)
    func samples(_ sample: (language: String, text: String)) throws {
        let identifier = try #require(Self.identifier, "the shipped profiles at models/language/profiles.tsv did not load")
        #expect(identifier.identify(sample.text) == sample.language)
    }

    @Test("the declared language does not overrule clear text, but breaks a near-tie")
    func declaredLanguage() throws {
        let identifier = try #require(Self.identifier)
        let spanish = LanguageSamples.texts.first { $0.language == "es" }!.text
        #expect(identifier.identify(spanish, declared: "en") == "es")
        #expect(identifier.identify(spanish, declared: "es-MX") == "es")
        // Danish and Norwegian (Bokmål) share most of their spelling: this line is written the
        // same in both, so the page's own declaration decides.
        let shared = "Han kom hjem i går og det var en god dag for alle."
        #expect(identifier.identify(shared, declared: "no") == "no")
        #expect(identifier.identify(shared, declared: "da") == "da")
    }

    @Test("names in an English results table do not make it another language")
    func namesDoNotDecide() throws {
        // A league table of Slovenian clubs in an English report: the names alone read as Croatian.
        let table = """
            SOCCER - SLOVENIAN LEAGUE RESULTS / STANDINGS
            LJUBLJANA 2026-03-14
            Results of Slovenian league matches played on Saturday:
            Koper 2 Celje 1
            Maribor 0 Olimpija Ljubljana 0
            Mura 3 Domzale 1
            Aluminij 1 Bravo 1
            Radomlje 0 Rogaska 2
            Standings (played, won, drawn, lost, goals for, against, points):
            Olimpija Ljubljana 5 4 1 0 11 2 13
            Maribor 5 3 1 1 9 4 10
            Koper 5 2 1 2 6 7 7
            Rogaska 5 2 1 2 6 6 7
            Celje 5 1 2 2 4 6 5
            Aluminij 5 1 2 2 5 7 5
            Bravo 5 1 2 2 4 6 5
            Mura 5 1 1 3 5 9 4
            Radomlje 5 1 1 3 3 8 4
            Domzale 5 0 2 3 3 10 2
            """
        let identifier = try LanguageIdentifier()
        #expect(identifier.identify(table) == "en")
    }

    @Test("text too short to tell gives the declared language, or nil")
    func tooShort() throws {
        let identifier = try #require(Self.identifier)
        #expect(identifier.identify("Ferry news", declared: nil) == nil)
        #expect(identifier.identify("Ferry news", declared: "en-GB") == "en")
        #expect(identifier.identify("12:30 — 14:00", declared: nil) == nil)
        #expect(identifier.identify("", declared: "fr") == "fr")
    }

    @Test("the stage replaces the declared language of an article with the language of its text")
    func stage() throws {
        let identifier = try #require(Self.identifier)
        #expect(identifier.name == "language")
        var page = Article(id: "p", text: LanguageSamples.texts.first { $0.language == "de" }!.text)
        page.language = "en"
        try identifier.process(&page)
        #expect(page.language == "de")
        var short = Article(id: "s", text: "Kurz.")
        short.title = "Zweite Fähre für die Insel ab April, sagt der Hafenrat"
        try identifier.process(&short)
        #expect(short.language == "de")
    }

    @Test("Russian plain text is named, not left null", arguments: [
        "Вчера вечером в центре города открылась новая библиотека. На церемонии выступил мэр.",
        "Сборная выиграла матч со счётом два — один и вышла в финал турнира.",
    ])
    func russian(_ text: String) throws {
        let identifier = try #require(Self.identifier)
        #expect(identifier.identify(text) == "ru")
    }

    @Test("lowercasing folds the cases of Latin, Cyrillic and Greek letters")
    func lowercase() {
        #expect(WritingScript.letter(0x41)?.lower == 0x61)  // A
        #expect(WritingScript.letter(0xC9)?.lower == 0xE9)  // É
        #expect(WritingScript.letter(0x141)?.lower == 0x142)  // Ł
        #expect(WritingScript.letter(0x17B)?.lower == 0x17C)  // Ż
        #expect(WritingScript.letter(0x410)?.lower == 0x430)  // А
        #expect(WritingScript.letter(0x404)?.lower == 0x454)  // Є
        #expect(WritingScript.letter(0x218)?.lower == 0x15F)  // Ș as ş
        #expect(WritingScript.letter(0x2C) == nil)  // ,
        #expect(WritingScript.letter(0x3002) == nil)  // 。
    }

    @Test("a profiles file with a broken line is refused with its line number")
    func brokenProfiles() {
        let text = "#languages\ten:Latn de:Latn\nthe\ta40 b71\nund\tz50\n"
        #expect(throws: GazetteError.self) { try LanguageProfiles(parsing: text, source: "test.tsv") }
        do {
            _ = try LanguageProfiles(parsing: text, source: "test.tsv")
        } catch {
            #expect(error.message.contains("test.tsv line 3"))
        }
    }
}

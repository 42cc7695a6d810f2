import Testing
@testable import HTMLCleaning
import GazetteCore
import Foundation

@Suite("Publication dates")
struct PublicationDateTests {
    /// Date lines in the forms news pages print them, written for these tests.
    static let written: [(String, String)] = [
        ("3. März 2024", "2024-03-03"),
        ("Veröffentlicht am 29.02.2024 um 10:15 Uhr", "2024-02-29"),
        ("3 mars 2024 à 14h05", "2024-03-03"),
        ("Publié le 1er avril 2023", "2023-04-01"),
        ("March 3, 2024", "2024-03-03"),
        ("Published Mar. 3rd, 2024 at 9:41 a.m. ET", "2024-03-03"),
        ("Sunday 3rd March 2024 06:00 GMT", "2024-03-03"),
        ("Publicado: Jueves, 21 Abril 2022 04:45", "2022-04-21"),
        ("3 de marzo de 2024", "2024-03-03"),
        ("3 de março de 2024, 10h30", "2024-03-03"),
        ("Pubblicato il 19 febbraio 2020", "2020-02-19"),
        ("3 maart 2024", "2024-03-03"),
        ("Opublikowano: 3 marca 2024 r.", "2024-03-03"),
        ("3 марта 2024 г., 12:30", "2024-03-03"),
        ("3 березня 2024", "2024-03-03"),
        ("3 Mart 2024 Pazar", "2024-03-03"),
        ("2024年3月12日 10:00", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("2024/3/12", "2024-03-12"),
    ]

    @Test("written dates in a dozen languages", arguments: written)
    func writtenDates(_ item: (String, String)) {
        #expect(DateText.firstDate(in: item.0)?.iso == item.1)
    }

    @Test("slashes are read month first only for US English")
    func slashes() {
        #expect(DateText.firstDate(in: "03/12/2024", monthFirst: true)?.iso == "2024-03-12")
        #expect(DateText.firstDate(in: "03/12/2024", monthFirst: false)?.iso == "2024-12-03")
        // A first number over 12 can only be a day.
        #expect(DateText.firstDate(in: "25/12/2024", monthFirst: true)?.iso == "2024-12-25")
    }

    @Test("things that are not whole dates are refused", arguments: [
        "31.02.2024", "Version 3.12.2", "3 March", "12/13/14", "Flight 1234 from gate 12", "Room 3 at 2024 Main Street", "",
    ])
    func notDates(_ text: String) {
        #expect(DateText.firstDate(in: text) == nil)
    }

    @Test("dates in URLs", arguments: [
        ("https://news.example.org/2024/03/12/ferry-timetable", "2024-03-12"),
        ("https://news.example.org/local/2024-03-12-ferry-timetable.html", "2024-03-12"),
        ("https://news.example.org/archive/20240312/ferry", "2024-03-12"),
        ("https://www.example.de/artikel_2021_11_05_faehre", "2021-11-05"),
    ])
    func urlDates(_ item: (String, String)) {
        #expect(DateText.urlDate(item.0)?.iso == item.1)
    }

    @Test("URLs without a full date give none", arguments: [
        "https://news.example.org/article/161500790", "https://news.example.org/2024/03/ferry", "https://2024.example.org/12/03/",
    ])
    func noURLDate(_ url: String) {
        #expect(DateText.urlDate(url) == nil)
    }

    static func page(head: String = "", top: String = "", url: String? = nil) throws -> Article {
        let html = TestPages.article(head: head, before: "").replacingFirst(
            "<div class=\"story-body\">", with: "\(top)<div class=\"story-body\">")
        return try TestPages.clean(html, url: url)
    }

    @Test("the original date wins over the modified one, in markup and in visible lines")
    func originalOverModified() throws {
        let markup = try Self.page(head: """
            <meta property="article:modified_time" content="2024-03-05T08:00:00Z">
            <meta property="article:published_time" content="2024-03-03T06:30:00Z">
            """)
        #expect(markup.published == "2024-03-03T06:30:00Z")
        let lines = try Self.page(top: "<p class=\"info\">Aktualisiert am 5. März 2024, 08:12 Uhr</p><p class=\"info\">Veröffentlicht am 3. März 2024</p>")
        #expect(lines.published == "2024-03-03")
    }

    @Test("a modified date is used only when nothing gives the original")
    func modifiedAsLastResort() throws {
        let article = try Self.page(head: "<meta property=\"article:modified_time\" content=\"2024-03-05T08:00:00Z\">")
        #expect(article.published == "2024-03-05T08:00:00Z")
    }

    @Test("a date in the URL comes before visible lines; a <time> on the same day adds the hour")
    func urlDate() throws {
        let fromURL = try Self.page(top: "<p>3 mars 2023</p>", url: "https://news.example.org/2024/03/12/ferry")
        #expect(fromURL.published == "2024-03-12")
        let withTime = try Self.page(top: "<time datetime=\"2024-03-12T07:45:00+01:00\">12 March</time>", url: "https://news.example.org/2024/03/12/ferry")
        #expect(withTime.published == "2024-03-12T07:45:00+01:00")
    }

    @Test("placeholder dates before 1990 are ignored")
    func placeholder() throws {
        let article = try Self.page(head: "<meta property=\"article:published_time\" content=\"1970-01-01T00:00:00Z\">", top: "<p>Posted March 3, 2024</p>")
        #expect(article.published == "2024-03-03")
    }
}

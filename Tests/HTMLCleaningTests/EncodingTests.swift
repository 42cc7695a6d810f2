import Testing
@testable import HTMLCleaning
import GazetteCore

@Suite("Encodings")
struct EncodingTests {
    /// A page around `body` bytes, with `head` markup (ASCII) before it.
    static func page(head: String = "", body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)<title>Test</title></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test("UTF-8 cut off inside its last character is still UTF-8")
    func utf8CutInsideTheLastCharacter() throws {
        // A download that stopped in the middle of "ü": the few earlier "ü" must not turn into mojibake.
        let text = "Heavy rain in Zürich; trains from Zürich to Bern stopped at Zürich HB. Grü"
        let bytes = Array("<html><body><p>".utf8) + Array(text.utf8).dropLast(1)
        #expect(CharsetSniffer.sniff(Array(bytes), declared: nil).encoding == .utf8)
        var article = Article(id: "cut", html: Array(bytes))
        try HTMLCleaner().process(&article)
        #expect(article.text.hasPrefix("Heavy rain in Zürich;"))
        // A stray byte in the middle is still invalid: a lone lead byte before more text is not a cut.
        #expect(!UTF8Validation.scan(Array("Z".utf8) + [0xC3] + Array("rich and more".utf8)).isValid)
    }

    @Test("windows-1252 without any declaration")
    func windows1252Undeclared() throws {
        // "Caf\xE9 \x93quoted\x94 \x80 5" — é, curly quotes and the euro sign live in 0x80–0xFF.
        let body: [UInt8] = Array("The caf".utf8) + [0xE9] + Array(" served ".utf8) + [0x93] + Array("bread".utf8) + [0x94] + Array(" for ".utf8) + [0x80] + Array("5 a loaf.".utf8)
        let article = try TestPages.clean(Self.page(body: body))
        #expect(article.text == "The café served “bread” for €5 a loaf.")
        #expect(article.metadata.encoding == "windows-1252")
    }

    static let polish: [UInt8] = [0xA3, 0xF3, 0x64, 0xBC, 0x20, 0x6C, 0x65, 0xBF, 0x79, 0x20, 0x77, 0x20, 0x63, 0x65, 0x6E, 0x74, 0x72, 0x61, 0x6C, 0x6E, 0x65, 0x6A, 0x20, 0x50, 0x6F, 0x6C, 0x73, 0x63, 0x65, 0x2E]

    @Test("a meta charset after the first 1024 bytes is still found when the bytes are not UTF-8")
    func lateMetaCharset() throws {
        let filler = "<meta name=\"keywords\" content=\"" + String(repeating: "news, ", count: 300) + "\">"
        let article = try TestPages.clean(Self.page(head: filler + "<meta charset=\"iso-8859-2\">", body: Self.polish))
        #expect(article.text == "Łódź leży w centralnej Polsce.")
        #expect(article.metadata.encoding == "iso-8859-2")
    }

    @Test("http-equiv content-type in the head")
    func httpEquiv() throws {
        let article = try TestPages.clean(Self.page(head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", body: Self.polish))
        #expect(article.text == "Łódź leży w centralnej Polsce.")
    }

    @Test("the transport charset counts when the page declares nothing")
    func transportCharset() throws {
        let article = try TestPages.clean(Self.page(body: Self.polish), charset: "iso-8859-2")
        #expect(article.text == "Łódź leży w centralnej Polsce.")
    }

    @Test("valid UTF-8 wins over a declaration that lies")
    func lyingDeclaration() throws {
        let article = try TestPages.clean(Self.page(head: "<meta charset=\"iso-8859-1\">", body: Array("Zoë met the ministers in Zürich — twice.".utf8)))
        #expect(article.text == "Zoë met the ministers in Zürich — twice.")
        #expect(article.metadata.encoding == "utf-8")
    }

    @Test("a page declared UTF-8 but written in windows-1252 is read as windows-1252")
    func declaredUTF8ButNot() throws {
        let body: [UInt8] = Array("Na".utf8) + [0xEF] + Array("ve na".utf8) + [0xEF] + Array("vet".utf8) + [0xE9] + Array(" in the caf".utf8) + [0xE9] + Array(".".utf8)
        let article = try TestPages.clean(Self.page(head: "<meta charset=\"utf-8\">", body: body))
        #expect(article.text == "Naïve naïveté in the café.")
    }

    @Test("UTF-16 with a byte-order mark, little- and big-endian", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let html = "<html><head><title>Test</title></head><body><p>Ἀθῆναι and 北京 and 🚢 ferries.</p></body></html>"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in html.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let article = try TestPages.clean(bytes)
        #expect(article.text == "Ἀθῆναι and 北京 and 🚢 ferries.")
    }

    static let legacy: [(label: String, bytes: [UInt8], text: String)] = [
        ("shift_jis", [0x93, 0x8C, 0x8B, 0x9E, 0x82, 0xCC, 0x93, 0x56, 0x8B, 0x43, 0x82, 0xCD, 0x90, 0xB0, 0x82, 0xEA, 0x82, 0xC5, 0x82, 0xB7, 0x81, 0x42, 0x96, 0xBE, 0x93, 0xFA, 0x82, 0xCD, 0x89, 0x4A, 0x82, 0xAA, 0x8D, 0x7E, 0x82, 0xE9, 0x82, 0xC5, 0x82, 0xB5, 0x82, 0xE5, 0x82, 0xA4, 0x81, 0x42],
         "東京の天気は晴れです。明日は雨が降るでしょう。"),
        ("koi8-r", [0xED, 0xCF, 0xD3, 0xCB, 0xD7, 0xC1, 0x20, 0x2D, 0x20, 0xD3, 0xD4, 0xCF, 0xCC, 0xC9, 0xC3, 0xC1, 0x20, 0xF2, 0xCF, 0xD3, 0xD3, 0xC9, 0xC9, 0x2C, 0x20, 0xCB, 0xD2, 0xD5, 0xD0, 0xCE, 0xC5, 0xCA, 0xDB, 0xC9, 0xCA, 0x20, 0xC7, 0xCF, 0xD2, 0xCF, 0xC4, 0x20, 0xD3, 0xD4, 0xD2, 0xC1, 0xCE, 0xD9, 0x2E],
         "Москва - столица России, крупнейший город страны."),
        ("euc-kr", [0xBC, 0xAD, 0xBF, 0xEF, 0xC0, 0xBA, 0x20, 0xB4, 0xEB, 0xC7, 0xD1, 0xB9, 0xCE, 0xB1, 0xB9, 0xC0, 0xC7, 0x20, 0xBC, 0xF6, 0xB5, 0xB5, 0xC0, 0xD4, 0xB4, 0xCF, 0xB4, 0xD9, 0x2E],
         "서울은 대한민국의 수도입니다."),
        ("gbk", [0xB1, 0xB1, 0xBE, 0xA9, 0xCA, 0xC7, 0xD6, 0xD0, 0xBB, 0xAA, 0xC8, 0xCB, 0xC3, 0xF1, 0xB9, 0xB2, 0xBA, 0xCD, 0xB9, 0xFA, 0xB5, 0xC4, 0xCA, 0xD7, 0xB6, 0xBC, 0xA1, 0xA3],
         "北京是中华人民共和国的首都。"),
    ]

    @Test("legacy encodings declared in a meta tag are converted through iconv", arguments: legacy)
    func legacyEncodings(_ item: (label: String, bytes: [UInt8], text: String)) throws {
        let article = try TestPages.clean(Self.page(head: "<meta charset=\"\(item.label)\">", body: item.bytes))
        #expect(article.text == item.text)
    }

    @Test("the sniffer's order: BOM, then transport, then meta")
    func sniffOrder() {
        let bytes = Array("<meta charset=\"koi8-r\"><p>plain ascii</p>".utf8)
        #expect(CharsetSniffer.sniff([0xEF, 0xBB, 0xBF] + bytes, declared: "koi8-r").encoding == .utf8)
        #expect(CharsetSniffer.sniff(bytes, declared: "iso-8859-2").encoding == .iconv("ISO-8859-2"))
        #expect(CharsetSniffer.sniff(bytes, declared: nil).encoding == .iconv("KOI8-R"))
        #expect(CharsetSniffer.sniff(bytes, declared: "no-such-charset-at-all").encoding == .iconv("NO-SUCH-CHARSET-AT-ALL"))
    }

    @Test("an encoding iconv does not know falls back instead of failing")
    func unknownEncoding() throws {
        let article = try TestPages.clean(Self.page(head: "<meta charset=\"x-made-up-charset\">", body: Array("Plain words survive.".utf8)))
        #expect(article.text == "Plain words survive.")
    }
}

import Testing
@testable import HTMLCleaning
import GazetteCore

@Suite("Hostile and broken input")
struct HostileInputTests {
    @Test("empty and whitespace-only pages are empty_input errors", arguments: ["", "   \n\t  "])
    func emptyInput(_ page: String) {
        #expect(throws: GazetteError.self) { try TestPages.clean(page) }
        do { _ = try TestPages.clean(page) } catch { #expect(error.code == .emptyInput) }
    }

    @Test("binary data is a binary_input error")
    func binaryInput() {
        var generator = SplitMix(seed: 42)
        let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + noise.prefix(100)
        for bytes in [noise, gzip] {
            do {
                _ = try TestPages.clean(bytes)
                Issue.record("binary input was accepted")
            } catch {
                #expect(error.code == .binaryInput)
            }
        }
    }

    @Test("a page over the record size limit is a limit_exceeded error")
    func sizeLimit() {
        var limits = Limits()
        limits.maxRecordBytes = 1000
        let page = Array(TestPages.article().utf8)
        do {
            _ = try TestPages.clean(page, limits: limits)
            Issue.record("oversized page was accepted")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }

    @Test("20,000 levels of nesting give a record, not a crash")
    func deepNesting() throws {
        let depth = 20_000
        let html = "<html><body><p>Shallow text before the deep part of the page, long enough to count as a paragraph.</p>"
            + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try TestPages.clean(html)
        #expect(article.text.contains("Shallow text before the deep part"))
        #expect(!article.text.contains("deep text"))
    }

    @Test("entity declarations are not expanded (billion laughs)")
    func billionLaughs() throws {
        var declarations = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let html = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n\(declarations)]>\n<html><body><p>The harbour board met on Tuesday to discuss the ferry timetable. &lol9;</p></body></html>"
        let article = try TestPages.clean(html)
        #expect(article.text.utf8.count < 1000)
        #expect(!article.text.contains("lollol"))
    }

    @Test("external entities are never loaded (XXE)")
    func externalEntity() throws {
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <html><body><p>The harbour board met on Tuesday to discuss the ferry timetable. &secret; &remote;</p></body></html>
            """
        let article = try TestPages.clean(html)
        #expect(!article.text.contains("root:"))
        #expect(article.text.contains("The harbour board met on Tuesday"))
    }

    @Test("NUL and control bytes inside a page are dropped, the text survives")
    func controlBytes() throws {
        var bytes = Array(TestPages.article().utf8)
        for position in stride(from: 400, to: bytes.count, by: 997) { bytes.insert(0x00, at: position) }
        bytes.insert(0x07, at: 300)
        let article = try TestPages.clean(bytes)
        #expect(!article.text.utf8.contains(0))
        #expect(article.text.contains("harbour board"))
    }

    @Test("a page with no article text still gives a record")
    func scriptOnly() throws {
        let article = try TestPages.clean("<html><head><script>var x = 1;</script></head><body><script>document.write('hi')</script></body></html>")
        #expect(article.text.isEmpty)
    }

    @Test("50,000 attributes on one element and a 5 MB word give a record")
    func hugeAttributesAndToken() throws {
        var element = "<div "
        for number in 0..<50_000 { element += "data-a\(number)=\"\(number)\" " }
        element += "><p>The harbour board met on Tuesday to discuss the ferry timetable for the winter.</p></div>"
        let token = String(repeating: "x", count: 5 << 20)
        let article = try TestPages.clean("<html><body>\(element)<p>\(token)</p></body></html>")
        #expect(article.text.contains("harbour board met"))
    }
}

/// A small deterministic random generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import GazetteCore
import Testing
@testable import HTMLCleaning

/// Regression tests for inputs the HTML cleaner fuzz target (`Scripts/fuzz.sh html-cleaner`) found.
/// Each one failed (crashed, hung or broke a limit) before its fix.
@Suite struct HostileCleanerFuzzTests {
    /// Found by `Scripts/fuzz.sh html-cleaner` in 30 s (a 162-byte page, reported as a libFuzzer
    /// timeout): a control byte (here 0x01, or NUL) where the charset prescan reads an attribute
    /// name inside `<meta …>` or `<?xml …?>` made `CharsetSniffer.readAttributes` loop forever,
    /// so one page hung a crawl worker.
    @Test(arguments: [
        "<html><head><meta \u{1} charset=\"windows-1252\"><title>Z\u{FC}rich</title></head><body><p>Z\u{FC}rich gr\u{FC}\u{DF}t: the lake ferries to Rapperswil run every hour again from Monday, the canton said after the storm repairs were finished ahead of plan.</p></body></html>",
        "<html><head><meta \u{0}\u{0} charset=\"windows-1252\"></head><body><p>Z\u{FC}rich gr\u{FC}\u{DF}t: the lake ferries to Rapperswil run every hour again from Monday, the canton said after the storm repairs were finished ahead of plan.</p></body></html>",
        "<?xml ver\u{1}\u{0}\u{0}\tsion=\"1.0\" encoding=\"windows-1252\"?><html><body><p>Z\u{FC}rich gr\u{FC}\u{DF}t: the lake ferries to Rapperswil run every hour again from Monday, the canton said after the storm repairs were finished ahead of plan.</p></body></html>",
    ])
    func controlByteInsideAPrescannedTagDoesNotHang(page: String) throws {
        // windows-1252 bytes, so the declared charset after the control byte must still be found.
        let bytes = page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        var article = Article(id: "control-byte", html: bytes)
        try HTMLCleaner().process(&article)
        #expect(article.text.contains("Z\u{FC}rich gr\u{FC}\u{DF}t: the lake ferries"))
    }
}

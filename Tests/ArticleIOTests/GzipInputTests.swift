import GazetteCore
import GazetteTestSupport
import Testing
@testable import ArticleIO

@Suite("gzip input files")
struct GzipInputTests {
    @Test func gzipBombFileBecomesLimitErrorRecord() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bomb.html.gz", gzipMember([UInt8](repeating: 0x20, count: 8 << 20), level: 9))
        var limits = Limits()
        limits.maxRecordBytes = 1 << 20
        let result = try readAll([path], limits: limits)
        #expect(result.ids == ["bomb"])
        #expect(result.errorCodes == ["limit_exceeded"])
    }
}

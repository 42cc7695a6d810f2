import Testing
import GazetteCore
import GazetteIO
import GazetteTestSupport

@Suite("gzip input")
struct GzipByteSourceTests {
    private func inflateAll(_ bytes: [UInt8], chunk: Int = 7) throws(GazetteError) -> [UInt8] {
        let source = try GzipByteSource(MemoryByteSource(bytes), displayPath: "test.gz")
        var out: [UInt8] = []
        while try source.read(into: &out, maxCount: chunk) > 0 {}
        return out
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let parts = ["WARC/1.1\r\n", "first record\n", "", "second record with more text\n"].map { Array($0.utf8) }
        let joined = parts.flatMap { gzipMember($0) }
        #expect(try inflateAll(joined) == parts.flatMap { $0 })
        #expect(try inflateAll(joined, chunk: 1 << 16) == parts.flatMap { $0 })
    }

    @Test func truncatedMemberDeliversEarlierBytesThenThrows() throws {
        let first = Array(String(repeating: "Complete member. ", count: 50).utf8)
        let second = Array(String(repeating: "Cut member. ", count: 500).utf8)
        let secondGz = gzipMember(second)
        let bytes = gzipMember(first) + secondGz.prefix(secondGz.count / 2)
        let source = try GzipByteSource(MemoryByteSource(bytes), displayPath: "cut.gz")
        var out: [UInt8] = []
        var thrown: GazetteError?
        do {
            while try source.read(into: &out, maxCount: 100) > 0 {}
        } catch {
            thrown = error
        }
        #expect(thrown?.code == .truncated)
        #expect(out.count >= first.count)
        #expect(Array(out.prefix(first.count)) == first)
    }

    @Test func bytesThatAreNotGzipThrowTruncatedInput() {
        let text = Array("<html><body>plain page named .gz</body></html>".utf8)
        #expect(throws: GazetteError.self) { try inflateAll(text) }
        do { _ = try inflateAll(text) } catch { #expect(error.code == .truncated); #expect(error.message.contains("not valid gzip")) }
    }

    @Test func gzipBombStopsAtTheLimitWithBoundedOutput() throws {
        // 64 MiB of zeros compresses to ~64 KB; the reader must stop just past the limit.
        let zeros = [UInt8](repeating: 0, count: 64 << 20)
        let bomb = gzipMember(zeros, level: 9)
        #expect(bomb.count < 200_000)
        let outcome = try Inflate.inflate(bomb, limit: 1 << 20, displayName: "bomb")
        guard case .tooLarge = outcome else {
            Issue.record("a 64 MiB member passed a 1 MiB limit")
            return
        }
    }
}

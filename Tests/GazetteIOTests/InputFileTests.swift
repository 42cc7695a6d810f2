import GazetteCore
import GazetteIO
import GazetteTestSupport
import Testing

/// Files open the same way whatever reads them: gzip is recognised by its bytes, not its name.
@Suite("input files")
struct InputFileTests {
    private func readAll(_ path: String) throws(GazetteError) -> String {
        let input = BufferedInput(try InputFile.open(path))
        var lines: [String] = []
        while case .line(let bytes) = try input.readLine(maxBytes: 1 << 20) { lines.append(String(decoding: bytes, as: UTF8.self)) }
        return lines.joined(separator: "|")
    }

    @Test func plainAndGzipFilesReadTheSameWhateverTheirNames() throws {
        let directory = try TemporaryDirectory()
        let text = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n"
        let plain = try directory.write("tags.jsonl", text)
        let gzip = try directory.write("tags.jsonl.gz", gzipMember(Array(text.utf8)))
        let misnamed = try directory.write("tags-gzip.jsonl", gzipMember(Array(text.utf8)))
        #expect(try readAll(plain) == #"{"id":"a"}|{"id":"b"}"#)
        #expect(try readAll(gzip) == readAll(plain))
        #expect(try readAll(misnamed) == readAll(plain))
    }

    @Test func aOneByteFileIsNotMistakenForGzip() throws {
        let directory = try TemporaryDirectory()
        #expect(try readAll(try directory.write("one", "x")) == "x")
        #expect(try readAll(try directory.write("empty", "")) == "")
    }

    @Test func aMissingFileIsAnIOErrorNamingIt() {
        do {
            _ = try InputFile.open("/nonexistent/tags.jsonl")
            Issue.record("a missing file opened")
        } catch {
            #expect(error.code == .io)
            #expect(error.message.contains("/nonexistent/tags.jsonl"))
        }
    }
}

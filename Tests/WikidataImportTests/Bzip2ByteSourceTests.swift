import GazetteCore
import GazetteIO
import Testing

/// Wikidata's dumps come as bzip2 too: the decompressing source must read concatenated streams
/// (parallel compressors write them) and fail a cut or foreign file with `truncated` after
/// delivering every byte before the damage.
@Suite("bzip2 input")
struct Bzip2ByteSourceTests {
    private func readAll(_ source: any ByteSource, chunk: Int) throws(GazetteError) -> [UInt8] {
        var out: [UInt8] = []
        while try source.read(into: &out, maxCount: chunk) > 0 {}
        return out
    }

    @Test func concatenatedStreamsReadAsOne() throws {
        let parts = ["{\"id\":\"Q64\"},\n", "{\"id\":\"Q1741\"},\n", String(repeating: "{\"id\":\"Q90\"},\n", count: 200)].map { Array($0.utf8) }
        let joined = parts.flatMap { DumpFixture.bzip2($0) }
        for chunk in [5, 1 << 16] {
            let source = try Bzip2ByteSource(MemoryByteSource(joined), displayPath: "dump.json.bz2")
            #expect(try readAll(source, chunk: chunk) == parts.flatMap { $0 })
        }
    }

    @Test func cutStreamDeliversEarlierBytesThenThrowsTruncated() throws {
        let first = Array(String(repeating: "{\"id\":\"Q183\"},\n", count: 40).utf8)
        let second = DumpFixture.bzip2(Array(String(repeating: "{\"id\":\"Q142\",\"labels\":{}},\n", count: 400).utf8))
        let bytes = DumpFixture.bzip2(first) + second.prefix(second.count / 2)
        let source = try Bzip2ByteSource(MemoryByteSource(bytes), displayPath: "cut.json.bz2")
        var out: [UInt8] = []
        var thrown: GazetteError?
        do {
            while try source.read(into: &out, maxCount: 64) > 0 {}
        } catch {
            thrown = error
        }
        #expect(thrown?.code == .truncated)
        #expect(Array(out.prefix(first.count)) == first)
    }

    @Test func bytesThatAreNotBzip2ThrowTruncated() throws {
        let source = try Bzip2ByteSource(MemoryByteSource(Array("[\n{\"id\":\"Q1\"}\n]\n".utf8)), displayPath: "plain.json.bz2")
        do {
            _ = try readAll(source, chunk: 1 << 10)
            Issue.record("plain JSON read as bzip2")
        } catch {
            #expect(error.code == .truncated)
            #expect(error.message.contains("not valid bzip2 data"))
        }
    }
}

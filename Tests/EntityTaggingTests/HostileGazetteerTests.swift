import GazetteCore
import Testing
@testable import EntityTagging

/// Regression tests for inputs the gazetteer fuzz targets (Fuzz/, `Scripts/fuzz.sh gazetteer-*`)
/// found or that guard the same limits: a damaged cache or list must be rejected, never trap.
@Suite struct HostileGazetteerTests {
    /// The compiled form of one entry, written field by field so single fields can be damaged.
    private func compiledEntry(population: UInt64 = UInt64.max, maxTokens: UInt64 = 1, aliasCount: UInt64 = 1) -> [UInt8] {
        var out = BinaryWriter()
        out.u64(Gazetteer.cacheFormatVersion)
        out.u64(1)
        out.string("Q1899")
        out.u8(UInt8(EntityType.allCases.firstIndex(of: .place) ?? 0))
        out.string("Kyiv")
        out.strings(["Kiev"])
        out.strings([])
        out.string("UA")
        out.string("city")
        out.u64(population)
        out.string("")
        out.string("curated")
        out.u64(0)  // forms
        out.u64(0)  // prefixes
        out.u64(maxTokens)
        out.u64(aliasCount)
        return out.bytes
    }

    @Test func wellFormedCacheLoads() throws {
        let gazetteer = try #require(Gazetteer(compiled: compiledEntry(population: 2_952_301)))
        #expect(gazetteer.entries.first?.population == 2_952_301)
        #expect(gazetteer.entryIndex["Q1899"] == 0)
    }

    /// Found by `Scripts/fuzz.sh gazetteer-compiled` in 60 s: a population above Int.max (but not
    /// the UInt64.max "none" marker) trapped in `Int(population)` (Gazetteer+Cache.swift).
    @Test(arguments: [UInt64(Int.max) + 1, UInt64.max - 1])
    func populationBeyondIntIsRejected(population: UInt64) {
        #expect(Gazetteer(compiled: compiledEntry(population: population)) == nil)
    }

    /// The same trap for the two trailing counters.
    @Test func trailingCountersBeyondIntAreRejected() {
        #expect(Gazetteer(compiled: compiledEntry(maxTokens: UInt64.max)) == nil)
        #expect(Gazetteer(compiled: compiledEntry(aliasCount: UInt64.max)) == nil)
    }

    /// A cache cut at any byte loads nothing (and does not trap or over-allocate).
    @Test func everyTruncationIsRejected() {
        let bytes = compiledEntry(population: 42)
        for cut in 0..<bytes.count {
            #expect(Gazetteer(compiled: Array(bytes[..<cut])) == nil, "cut at \(cut)")
        }
    }

    /// Huge counts are bounded by the bytes left, so a damaged count cannot reserve gigabytes.
    @Test func hugeEntryCountIsRejectedBeforeAllocating() {
        var bytes = compiledEntry()
        bytes.replaceSubrange(8..<16, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(Gazetteer(compiled: bytes) == nil)
    }

    /// Text-file oddities: NULs, a lone CR, a 200 KB alias and 5,000 aliases give entries or
    /// diagnostics, never a trap.
    @Test func oddTSVRowsAreParsedOrReported() {
        let longAlias = String(repeating: "x", count: 200_000)
        let manyAliases = (0..<5_000).map { "Alias \($0)" }.joined(separator: "|")
        let text = GazetteerFile.header + "\n"
            + "Q1\tPlace\tNul\u{0}Town\t\t\t\t\t\tcurated\r\r\n"
            + "Q2\tPlace\tLong\t\(longAlias)\t\t\t\t\tcurated\n"
            + "Q3\tPerson\tMany Names\t\(manyAliases)\t\t\t\t\tcurated\n"
            + "Q4\tPlace\tHuge\t\t\t\t99999999999999999999999\t\tcurated\n"
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(bytes: Array(text.utf8), path: "odd.tsv", diagnostics: &diagnostics)
        #expect(entries.map(\.id) == ["Q1", "Q2", "Q3"])
        #expect(diagnostics.map(\.line) == [5])
        let gazetteer = Gazetteer(entries: entries)
        #expect(gazetteer.entryIndex["Q3"] == 2)
        #expect(gazetteer.aliasCount > 5_000)
    }
}

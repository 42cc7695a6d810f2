import GazetteCore
import Testing
@testable import EntityTagging

/// Regression tests for inputs the gazetteer fuzz targets (Fuzz/, `Scripts/fuzz.sh gazetteer-*`)
/// found or that guard the same limits: a damaged cache or list must be rejected, never trap.
@Suite struct HostileGazetteerTests {
    private let kyiv = GazetteerEntry(id: "Q1899", type: .place, name: "Kyiv", aliases: ["Kiev"], country: "UA", subtype: "city",
                                      population: 2_952_301, source: "curated", coordinates: Coordinates(latitude: 50.45, longitude: 30.52))

    /// The compiled bytes of a one-entry gazetteer whose record is `record` (a well-formed one by default).
    private func compiled(record: [UInt8]? = nil) -> [UInt8] {
        let good = Gazetteer(entries: [kyiv])
        guard let record else { return good.compiled() }
        let entries = GazetteerEntries(records: record, offsets: [0, UInt32(record.count)], types: good.entries.types, priors: good.entries.priors,
                                       countries: good.entries.countries, subtypes: good.entries.subtypes, subtypeNames: good.entries.subtypeNames,
                                       sources: good.entries.sources, sourceNames: good.entries.sourceNames)
        return Gazetteer(entries: entries, entryIndex: good.entryIndex, forms: good.forms, prefixes: good.prefixes,
                         maxTokens: good.maxTokens, aliasCount: good.aliasCount, loose: good.loose, loosePrefixes: good.loosePrefixes,
                         lowercaseStarts: good.lowercaseStarts, looseLowercaseStarts: good.looseLowercaseStarts).compiled()
    }

    /// A record written field by field, so single fields can be damaged.
    private func record(population: UInt64) -> [UInt8] {
        var out = BinaryWriter()
        out.string("Q1899"); out.string("Kyiv"); out.strings(["Kiev"]); out.strings([]); out.strings([])
        out.string(""); out.string("curated"); out.string(""); out.string("")
        out.varint(population)
        out.u8(0); out.u8(0)
        return out.output
    }

    @Test func wellFormedCacheLoads() throws {
        let gazetteer = try #require(Gazetteer(compiled: compiled()))
        #expect(gazetteer.entries.first?.population == 2_952_301)
        #expect(gazetteer.entries.first?.coordinates?.latitude == 50.45)
        #expect(gazetteer.entries.first?.aliases == ["Kiev"])
        #expect(gazetteer.entryIndex["Q1899"] == 0)
        #expect(gazetteer.entryIndex["Q1900"] == nil)
        #expect(try #require(Gazetteer(compiled: compiled(record: record(population: 43)))).entries.first?.population == 42)
    }

    /// Found by `Scripts/fuzz.sh gazetteer-compiled` in 60 s: a population above Int.max trapped in
    /// `Int(population)`; the record check now rejects it.
    @Test(arguments: [UInt64(Int.max) + 2, UInt64.max])
    func populationBeyondIntIsRejected(population: UInt64) {
        #expect(Gazetteer(compiled: compiled(record: record(population: population))) == nil)
    }

    /// The same trap for the two trailing counters (the last 16 bytes).
    @Test func trailingCountersBeyondIntAreRejected() {
        var bytes = compiled()
        bytes.replaceSubrange((bytes.count - 16)..<(bytes.count - 8), with: [UInt8](repeating: 0xFF, count: 8))
        #expect(Gazetteer(compiled: bytes) == nil)
        bytes = compiled()
        bytes.replaceSubrange((bytes.count - 8)..<bytes.count, with: [UInt8](repeating: 0xFF, count: 8))
        #expect(Gazetteer(compiled: bytes) == nil)
    }

    /// A cache cut at any byte loads nothing (and does not trap or over-allocate).
    @Test func everyTruncationIsRejected() {
        let bytes = compiled()
        for cut in 0..<bytes.count {
            #expect(Gazetteer(compiled: Array(bytes[..<cut])) == nil, "cut at \(cut)")
        }
    }

    /// Huge counts are bounded by the bytes left, so a damaged count cannot reserve gigabytes.
    @Test func hugeCountIsRejectedBeforeAllocating() {
        var bytes = compiled()
        // The records' length is the varint right after the 8-byte version.
        bytes.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], at: 8)
        #expect(Gazetteer(compiled: bytes) == nil)
    }

    /// Every single-byte change gives a cache that is rejected or that loads and reads without
    /// trapping (the fuzz target's round trip, on every position).
    @Test func everyFlippedByteIsRejectedOrSafe() {
        let bytes = compiled()
        for position in bytes.indices {
            var damaged = bytes
            damaged[position] ^= 0x5A
            guard let gazetteer = Gazetteer(compiled: damaged) else { continue }
            for k in gazetteer.entries.indices { _ = gazetteer.entries[k] }
            _ = gazetteer.entryIndex["Q1899"]
            _ = gazetteer.forms[TokenHash.empty]
            #expect(Gazetteer(compiled: gazetteer.compiled()) != nil)
        }
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

// Fuzz target: arbitrary bytes as a compiled gazetteer cache file → Gazetteer(compiled:).
// A damaged cache must be rejected (nil) or loaded, never trap: the cache sits in a user-writable
// folder and can be cut short by a crash or a full disk, or be written by another Gazette version.
//
// Seeds: `GAZETTE_FUZZ_SEED_FROM=DIR GAZETTE_FUZZ_SEED_TO=DIR2 FuzzGazetteerCompiled` compiles every
// `*.tsv` in DIR (the gazetteer-file corpus) and writes the cache bytes into DIR2, then exits.
import Foundation
@testable import EntityTagging
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGazetteerCompiled(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let gazetteer = Gazetteer(compiled: fuzzBytes(data, size)) {
        // A cache that loads must survive a round trip through compiled().
        guard Gazetteer(compiled: gazetteer.compiled()) != nil else { fatalError("recompiled cache does not load") }
    }
    return 0
}

let environment = ProcessInfo.processInfo.environment
if let from = environment["GAZETTE_FUZZ_SEED_FROM"], let to = environment["GAZETTE_FUZZ_SEED_TO"] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: from)) ?? []
    for name in names.sorted() where name.hasSuffix(".tsv") {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(path: from + "/" + name, diagnostics: &diagnostics)
        guard !entries.isEmpty else { continue }
        let bytes = Gazetteer(entries: entries).compiled()
        FileManager.default.createFile(atPath: to + "/" + name.replacingOccurrences(of: ".tsv", with: ".bin"), contents: Data(bytes))
    }
    exit(0)
}

runFuzzer(fuzzGazetteerCompiled)

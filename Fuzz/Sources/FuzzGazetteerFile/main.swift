// Fuzz target: arbitrary bytes as a gazetteer TSV file → GazetteerFile.parse, then the index build
// (Gazetteer(entries:)) over whatever rows survived. Must never trap; diagnostics are expected.
import EntityTagging
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGazetteerFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var diagnostics: [GazetteerFile.Diagnostic] = []
    let entries = GazetteerFile.parse(bytes: fuzzBytes(data, size), path: "fuzz.tsv", diagnostics: &diagnostics)
    let gazetteer = Gazetteer(entries: entries)
    // Every surviving entry must be findable by id.
    for entry in entries where gazetteer.entryIndex[entry.id] == nil { fatalError("entry \(entry.id) not indexed") }
    return 0
}

runFuzzer(fuzzGazetteerFile)

// Fuzz target: arbitrary bytes as an HTML page → Article(html:charset:) → HTMLCleaner.process
// (charset sniffing, iconv transcoding, libxml2 parse, tree walk, extraction, metadata).
// The declared charset cycles with the input size through none, UTF-8, windows-1252, Shift_JIS,
// UTF-16 and an unknown label, so the transcoding paths run too. Checks, besides "no trap" and
// ASan (libxml2 included, as it is linked in the same process):
// - errors are only the documented kinds (empty, binary, limit, parse, encoding);
// - the text does not grow past 4x the input plus 1 KiB (no entity expansion: billion laughs);
// - the text holds no NUL.
import FuzzDriver
import GazetteCore
import HTMLCleaning

let limits: Limits = {
    var limits = Limits()
    limits.maxDepth = 64
    limits.maxRecordBytes = 1 << 20
    return limits
}()
let cleaner = HTMLCleaner(limits: limits)
let charsets: [String?] = [nil, "utf-8", "windows-1252", "Shift_JIS", "utf-16", "x-no-such-charset"]
let allowedErrors: Set<GazetteError.Code> = [.emptyInput, .binaryInput, .limitExceeded, .parse, .encoding]

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTMLCleaner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var article = Article(id: "fuzz", html: bytes, charset: charsets[size % charsets.count])
    do {
        try cleaner.process(&article)
    } catch {
        guard let error = error as? GazetteError, allowedErrors.contains(error.code) else {
            fatalError("unexpected error \(error)")
        }
        return 0
    }
    let textBytes = article.text.utf8.count
    guard textBytes <= 4 * size + 1024 else { fatalError("text of \(textBytes) bytes from \(size) input bytes") }
    guard !article.text.utf8.contains(0) else { fatalError("NUL in the cleaned text") }
    return 0
}

runFuzzer(fuzzHTMLCleaner)

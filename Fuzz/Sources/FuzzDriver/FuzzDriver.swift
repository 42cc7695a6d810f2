// Starts libFuzzer from a Swift `main.swift`.
//
// SwiftPM links every executable with `--defsym main=<Target>_main` (so tests can link it), which
// hides libFuzzer's own `main`; each fuzz target therefore has a `main.swift` that calls
// `runFuzzer(_:)`, which hands over to libFuzzer's documented entry point `LLVMFuzzerRunDriver`.

#if canImport(Glibc)
import Glibc
#endif

/// The signature of a fuzz callback: one input, returns 0 (or -1 to keep it out of the corpus).
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback
) -> CInt

/// Runs libFuzzer with the process's command line and `callback` as the target; does not return.
public func runFuzzer(_ callback: FuzzCallback) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
    exit(status)
}

/// Copies the fuzzer's input into an array (the form Gazette's parsers take).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

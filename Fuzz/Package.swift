// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Gazette's input parsers (issue 9). Each executable target defines
// `LLVMFuzzerTestOneInput` and starts libFuzzer from its main.swift (see FuzzDriver); build and run
// one with `Scripts/fuzz.sh TARGET SECONDS`, which passes `-sanitize=fuzzer,address`.

/// What every fuzz target links: the driver shim and Gazette's library product.
let gazette: [Target.Dependency] = ["FuzzDriver", .product(name: "Gazette", package: "Gazette")]

let package = Package(
    name: "GazetteFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Gazette", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "Gazette", package: "Gazette")]),
        .executableTarget(name: "FuzzGazetteerFile", dependencies: gazette),
        .executableTarget(name: "FuzzGazetteerCompiled", dependencies: gazette),
        .executableTarget(name: "FuzzHTMLCleaner", dependencies: gazette),
        .executableTarget(name: "FuzzJSONLReader", dependencies: gazette),
        .executableTarget(name: "FuzzWARCReader", dependencies: gazette),
    ]
)

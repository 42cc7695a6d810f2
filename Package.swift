// swift-tools-version: 6.1
import PackageDescription

/// Settings every Gazette target shares: Swift 6 language mode plus the upcoming features that keep
/// module boundaries honest.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Gazette", targets: ["Gazette"]),
        .library(name: "GazetteServer", targets: ["GazetteServer"]),
        .executable(name: "gazette", targets: ["gazette"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `gazette serve`: HTTP on SwiftNIO, graceful shutdown, Prometheus metrics. Hummingbird's
        // default traits are off: they only add swift-configuration readers we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in Hummingbird's graph; named because GazetteServer imports their modules.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Tests only: reads the OpenAPI document the server's answers are checked against.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CBZip2",
            providers: [.apt(["libbz2-dev"]), .brew(["bzip2"])]
        ),
        // glibc's malloc_trim, so the batch runner can hand memory back after a huge page.
        .systemLibrary(name: "CMalloc"),
        // The shipped gazetteers and models as resources, so that packages depending on Gazette get
        // them with the build. Its path is the package root only so that the data folders stay where
        // the build scripts and users expect them; it compiles one file.
        .target(
            name: "GazetteData",
            path: ".",
            exclude: [
                "Fuzz", "README.md", "dist", "Scripts", "Tests", "docs", "examples", "samples",
                "Sources/ArticleIO", "Sources/CBZip2", "Sources/CLibXML2", "Sources/CMalloc", "Sources/CZlib", "Sources/EntityGraph",
                "Sources/EntityTagging", "Sources/Gazette", "Sources/GazetteCore", "Sources/GazetteIO", "Sources/GazetteServer",
                "Sources/HTMLCleaning", "Sources/TextAnalysis", "Sources/TopicClassification", "Sources/WikidataImport", "Sources/gazette",
            ],
            sources: ["Sources/GazetteData"],
            resources: [.copy("gazetteers"), .copy("models")],
            swiftSettings: strictSettings
        ),
        .target(name: "GazetteCore", dependencies: ["GazetteData"], swiftSettings: strictSettings),
        // Bytes and formats every reader shares: byte sources, gzip, buffered lines, the JSON reader.
        .target(name: "GazetteIO", dependencies: ["GazetteCore", "CZlib", "CBZip2"], swiftSettings: strictSettings),
        .target(name: "HTMLCleaning", dependencies: ["GazetteCore", "CLibXML2"], swiftSettings: strictSettings),
        .target(name: "TextAnalysis", dependencies: ["GazetteCore"], swiftSettings: strictSettings),
        .target(name: "EntityTagging", dependencies: ["GazetteCore", "TextAnalysis"], swiftSettings: strictSettings),
        .target(name: "TopicClassification", dependencies: ["GazetteCore", "GazetteIO"], swiftSettings: strictSettings),
        .target(name: "EntityGraph", dependencies: ["GazetteCore", "GazetteIO"], swiftSettings: strictSettings),
        .target(name: "ArticleIO", dependencies: ["GazetteCore", "GazetteIO", "CMalloc"], swiftSettings: strictSettings),
        .target(name: "WikidataImport", dependencies: ["GazetteCore", "EntityTagging", "GazetteIO"], swiftSettings: strictSettings),
        .target(
            name: "Gazette",
            dependencies: [
                "GazetteCore", "HTMLCleaning", "TextAnalysis", "EntityTagging",
                "TopicClassification", "EntityGraph", "ArticleIO", "WikidataImport",
            ],
            swiftSettings: strictSettings
        ),
        // The HTTP server behind `gazette serve`: the API, the worker pool, metrics and the web page.
        .target(
            name: "GazetteServer",
            dependencies: [
                "Gazette", "GazetteCore", "GazetteIO", "ArticleIO", "TextAnalysis", "EntityTagging", "TopicClassification",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Web")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "gazette",
            dependencies: ["Gazette", "GazetteServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // What several test targets share: temporary folders, a gzip writer.
        .target(name: "GazetteTestSupport", dependencies: ["CZlib"], path: "Tests/GazetteTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore"], swiftSettings: strictSettings),
        .testTarget(name: "GazetteIOTests", dependencies: ["GazetteIO", "GazetteTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HTMLCleaningTests", dependencies: ["HTMLCleaning"], swiftSettings: strictSettings),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"], swiftSettings: strictSettings),
        .testTarget(name: "EntityTaggingTests", dependencies: ["EntityTagging"], swiftSettings: strictSettings),
        .testTarget(name: "TopicClassificationTests", dependencies: ["TopicClassification"], swiftSettings: strictSettings),
        .testTarget(name: "EntityGraphTests", dependencies: ["EntityGraph", "GazetteTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ArticleIOTests", dependencies: ["ArticleIO", "GazetteTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "WikidataImportTests", dependencies: ["WikidataImport", "EntityTagging", "GazetteCore", "GazetteIO", "GazetteTestSupport", "CBZip2"], swiftSettings: strictSettings),
        .testTarget(name: "GazetteTests", dependencies: ["Gazette"], swiftSettings: strictSettings),
        .testTarget(
            name: "GazetteServerTests",
            dependencies: [
                "GazetteServer", "Gazette", "GazetteTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "GazetteCLITests", dependencies: ["Gazette", "GazetteTestSupport"], swiftSettings: strictSettings),
    ]
)

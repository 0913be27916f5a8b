// swift-tools-version:6.1
// Gazette: a terminal news reader. Module graph and the reasons for it: ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .executable(name: "gazette-bench", targets: ["GazetteBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: system libraries (Debian packages; Homebrew equivalents in README.md)
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        .systemLibrary(name: "CGumbo", providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]),
        // libcurl for HTTP: the only transport that lets Gazette bound a download's memory and time. Its
        // header only: the library is loaded with dlopen at the first transfer (`CurlLibrary`).
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),

        // MARK: pure modules (no I/O)
        .target(name: "TextSafety"),
        .target(name: "NewsModel", dependencies: ["TextSafety"]),
        .target(name: "TermCore"),
        .target(name: "ArticleText", dependencies: ["TextSafety", "TermCore", "CGumbo"]),
        .target(name: "ReaderCore", dependencies: ["NewsModel", "TextSafety", "TermCore"]),
        .target(name: "ReaderUI", dependencies: ["ReaderCore", "ArticleText", "TextSafety", "TermCore", "NewsModel", "TOMLKit"]),

        // MARK: modules with effects (network, disk, terminal)
        .target(name: "NewsSources", dependencies: ["NewsModel", "TextSafety", "CCurl"]),
        .target(name: "NewsCache", dependencies: ["NewsModel", "TextSafety", .product(name: "GRDB", package: "GRDB.swift")]),
        // Accounts on aggregator servers (Google Reader API, ...): protocols behind `SyncService`, the engine.
        .target(name: "NewsSync", dependencies: ["NewsModel", "NewsSources", "NewsCache", "TextSafety", "TOMLKit"]),

        .target(name: "NcursesBackend", dependencies: ["TermCore", "CNcursesw"]),
        .target(name: "ReaderApp", dependencies: [
            "NewsModel", "TextSafety", "ArticleText", "NewsSources", "NewsCache", "NewsSync", "TermCore", "ReaderCore",
            "ReaderUI", "TOMLKit",
        ]),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "ReaderApp", "ReaderUI", "ReaderCore", "NcursesBackend", "NewsModel", "NewsSources", "NewsCache",
                "NewsSync", "ArticleText", "TermCore", "TextSafety", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // glibc's malloc, not jemalloc: measured on a cold refresh and a 1 MB render, jemalloc saved no CPU
        // (0.7 % fewer instructions, the same render time) and cost 4.5–5 MB of peak RSS (DECISIONS.md).
        // Benchmark timings and the durability test's torture writer: built for `make bench` and the tests,
        // never installed, so the `gazette` binary carries none of it. Same allocator as `gazette`, so the
        // figures are the product's.
        .executableTarget(
            name: "GazetteBench",
            dependencies: [
                "NewsModel", "NewsSources", "NewsCache", "NewsSync", "ArticleText", "TermCore", "NcursesBackend",
                "ReaderCore", "ReaderUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: tests, one target per module, plus the end-to-end stories run against the real binary
        .testTarget(name: "NewsModelTests", dependencies: ["NewsModel"]),
        .testTarget(name: "TermCoreTests", dependencies: ["TermCore", "TestSupport"]),
        .testTarget(name: "TextSafetyTests", dependencies: ["TextSafety", "TestSupport"]),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText", "TextSafety", "TermCore", "TestSupport"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "NewsSourcesTests", dependencies: ["NewsSources", "NewsModel", "TextSafety", "TestSupport"]),
        .testTarget(name: "NewsCacheTests", dependencies: [
            "NewsCache", "NewsModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "NewsSyncTests", dependencies: [
            "NewsSync", "NewsCache", "NewsModel", "NewsSources", "TestSupport", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "NewsModel", "TermCore"]),
        .testTarget(name: "ReaderUITests", dependencies: [
            "ReaderUI", "ReaderCore", "NewsModel", "TextSafety", "TermCore", "ArticleText",
        ]),
        .testTarget(name: "ReaderAppTests", dependencies: [
            "ReaderApp", "ArticleText", "NewsModel", "NewsCache", "NewsSources", "NewsSync", "ReaderCore", "ReaderUI",
            "TermCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TermCore", "CNcursesw", "ReaderUI"]),
        .testTarget(name: "GazetteTests", dependencies: ["gazette", "ReaderApp"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "TestSupport", "ReaderCore", "TermCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation

/// Where the tests find the package's executables: the path in an environment variable when it is set
/// (`make test` sets `GAZETTE_BIN` to the release build), else the one beside `$GAZETTE_BIN` (SwiftPM
/// builds every product of a configuration into one folder), else this package's debug build.
public enum BuiltExecutable {
    /// The package root: three levels up from this file (Tests/TestSupport/BuiltExecutable.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `gazette`: `$GAZETTE_BIN`, else `.build/debug/gazette`.
    public static var gazette: String { path("gazette", variable: "GAZETTE_BIN") }

    /// `gazette-bench` (benchmark timings, the torture writer): `$GAZETTE_BENCH_BIN`, else beside
    /// `$GAZETTE_BIN`, else `.build/debug/gazette-bench`.
    public static var gazetteBench: String { path("gazette-bench", variable: "GAZETTE_BENCH_BIN") }

    static func path(_ name: String, variable: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment[variable], !configured.isEmpty { return configured }
        if let gazette = environment["GAZETTE_BIN"], !gazette.isEmpty {
            return URL(fileURLWithPath: gazette).deletingLastPathComponent().appendingPathComponent(name).path
        }
        return packageRoot.appendingPathComponent(".build/debug/" + name).path
    }
}

import ArgumentParser
import Foundation
import NewsCache

/// The cache a bench command works on: `--cache FILE`, always explicit, so no tool here can touch a
/// user's own cache by default.
struct CacheFileOption: ParsableArguments {
    @Option(name: .customLong("cache"), help: ArgumentHelp("The cache file.", valueName: "file"))
    var path: String

    /// Opens the cache for reading; nil when there is no cache file yet.
    func openForReading() throws -> NewsCache? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try NewsCache(path: path, access: .readOnly)
    }
}

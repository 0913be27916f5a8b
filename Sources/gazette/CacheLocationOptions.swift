import ArgumentParser
import Foundation
import NewsCache
import ReaderCore

/// Where the cache commands find the cache: `--cache FILE`, else the data folder's `cache.sqlite` (the
/// same `--config-dir`/`--data-dir` and XDG rules as every command).
struct CacheLocationOptions: ParsableArguments {
    @OptionGroup var location: PathOptions

    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "The cache file itself (overrides --data-dir).", valueName: "file"))
    var cacheFile: String?

    var path: String {
        get throws {
            if let cacheFile { return cacheFile }
            return try location.resolved().cacheFile
        }
    }

    /// Opens the cache for reading without taking the writer lock, so the shell commands work while the
    /// reader runs. Nil when there is no cache yet. A cache that needs migrating is opened as a writer once.
    func openForReading() throws -> NewsCache? {
        let path = try self.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try NewsCache(path: path, access: .readOnly)
        } catch CacheError.needsMigration {
            return try NewsCache(path: path, access: .readWrite)
        }
    }
}

/// Dates in command output: local time, minutes, sortable.
enum CommandDate {
    static func text(_ date: Date) -> String {
        DisplayZone.local.fields(of: date).dateAndTime
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// Encodes command output as pretty, key-sorted JSON on one write.
enum CommandJSON {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

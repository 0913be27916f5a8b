import ArgumentParser
import Foundation
import NewsCache

/// Where the cache commands find the cache: `--cache FILE`, else `--data-dir DIR`/cache.sqlite, else
/// `$XDG_DATA_HOME/gazette/cache.sqlite`.
struct CacheLocationOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Folder holding cache.sqlite (default: $XDG_DATA_HOME/gazette).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "The cache file itself (overrides --data-dir).", valueName: "file"))
    var cacheFile: String?

    var path: String {
        if let cacheFile { return cacheFile }
        if let dataDirectory { return dataDirectory + "/cache.sqlite" }
        return NewsCache.defaultPath()
    }

    /// Opens the cache for reading without taking the writer lock, so the shell commands work while the
    /// reader runs. Nil when there is no cache yet. A cache that needs migrating is opened as a writer once.
    func openForReading() throws -> NewsCache? {
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
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
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

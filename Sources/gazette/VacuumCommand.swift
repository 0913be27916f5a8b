import ArgumentParser
import Foundation
import NewsCache

/// `gazette vacuum`: purges old stories by the retention rules and compacts the cache file.
struct VacuumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "Remove old stories (never starred or recent unread ones) and compact the cache.")

    @OptionGroup var location: CacheLocationOptions

    @Option(name: .customLong("keep-days"), help: "Keep stories younger than this many days.")
    var keepDays = 90

    @Option(name: .customLong("max-per-feed"), help: "Keep at most this many stories per feed (default: no limit).")
    var maxPerFeed: Int?

    func validate() throws {
        guard keepDays >= 0 else { throw ValidationError("--keep-days must not be negative") }
        if let maxPerFeed, maxPerFeed < 0 { throw ValidationError("--max-per-feed must not be negative") }
    }

    func run() throws {
        let cachePath = try location.path
        guard FileManager.default.fileExists(atPath: cachePath) else {
            print("No cache at \(cachePath); nothing to do.")
            return
        }
        let before = fileSize(cachePath)
        let cache = try NewsCache(path: cachePath)
        let removed = try cache.purge(keepDays: keepDays, maxPerFeed: maxPerFeed, now: Date())
        try cache.vacuum()
        let after = fileSize(cachePath)
        print("Removed \(removed) \(removed == 1 ? "story" : "stories"); cache \(megabytes(before)) → \(megabytes(after)).")
    }

    private func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

import ArgumentParser
import TextSafety
import Foundation
import NewsCache

/// `gazette vacuum`: purges old stories by the retention rule and compacts the cache file.
struct VacuumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "Remove old read stories (never unread or starred ones) and compact the cache.",
        discussion: """
            Only read, unstarred stories are ever removed: unread and starred stories stay whatever their age. \
            The limits come from [retention] in config.toml (keep-days, max-per-feed; 0 means no limit); \
            the options below override them. --dry-run lists what would be removed and changes nothing.
            """)

    @OptionGroup var location: CacheLocationOptions

    @Option(name: .customLong("keep-days"), help: ArgumentHelp(
        "Remove read stories older than this many days; 0 keeps them whatever their age.",
        discussion: "Default: [retention] keep-days in config.toml (0).", valueName: "days"))
    var keepDays: Int?

    @Option(name: .customLong("max-per-feed"), help: ArgumentHelp(
        "Keep at most this many stories per feed (unread and starred ones always stay); 0: no limit.",
        discussion: "Default: [retention] max-per-feed in config.toml (0).", valueName: "count"))
    var maxPerFeed: Int?

    @Flag(name: .customLong("dry-run"), help: "List the stories that would be removed; change nothing.")
    var dryRun = false

    func validate() throws {
        if let keepDays, keepDays < 0 { throw ValidationError("--keep-days must not be negative") }
        if let maxPerFeed, maxPerFeed < 0 { throw ValidationError("--max-per-feed must not be negative") }
    }

    func run() throws {
        let settings = try loadSettings(try location.location.resolved())
        let rule = RetentionRule(keepDays: keepDays ?? settings.keepDays, maxPerFeed: maxPerFeed ?? settings.maxPerFeed)
        let cachePath = try location.path
        guard FileManager.default.fileExists(atPath: cachePath) else {
            print("No cache at \(cachePath); nothing to do.")
            return
        }
        if dryRun {
            guard let cache = try location.openForReading() else { return }
            let candidates = try cache.purgeCandidates(rule, now: Date())
            for story in candidates {
                print("\(CommandDate.text(story.date))  \(story.id)  \(Sanitizer.cleanLine(story.feedTitle)): "
                      + Sanitizer.cleanLine(story.title))
            }
            print("Would remove \(stories(candidates.count)) (\(Self.describe(rule))); nothing was changed.")
            return
        }
        let before = fileSize(cachePath)
        let cache = try NewsCache(path: cachePath)
        let removed = try cache.purge(rule, now: Date())
        try cache.vacuum()
        let after = fileSize(cachePath)
        print("Removed \(stories(removed)) (\(Self.describe(rule))); cache \(megabytes(before)) → \(megabytes(after)).")
    }

    /// The rule in words, so the output says why these stories (or none) went.
    static func describe(_ rule: RetentionRule) -> String {
        var parts: [String] = []
        if rule.keepDays > 0 { parts.append("read stories older than \(rule.keepDays) days") }
        if rule.maxPerFeed > 0 { parts.append("read stories beyond the newest \(rule.maxPerFeed) of a feed") }
        if parts.isEmpty { return "keep-days and max-per-feed are 0: every story is kept" }
        return parts.joined(separator: ", ") + "; unread and starred stories are kept"
    }

    private func stories(_ count: Int) -> String { count == 1 ? "1 story" : "\(count) stories" }

    private func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

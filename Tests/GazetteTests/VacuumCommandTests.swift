import Foundation
import NewsCache
import NewsModel
import Testing
@testable import gazette

/// `gazette vacuum`: one retention rule, config.toml's `[retention]` applying and the flags overriding it.
@Suite("gazette vacuum")
struct VacuumCommandTests {
    /// A folder pair with a cache of six stories (read / unread / starred × a year old / a day old) and,
    /// when given, a config.toml with `[retention] keep-days`.
    final class Folder {
        let path: String
        init(keepDaysSetting: Int?) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("gz-vacuum-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/config", withIntermediateDirectories: true)
            if let keepDaysSetting {
                try "[retention]\nkeep-days = \(keepDaysSetting)\n"
                    .write(toFile: path + "/config/config.toml", atomically: true, encoding: .utf8)
            }
            let cache = try NewsCache(path: path + "/data/cache.sqlite")
            let feed = try cache.addFeed(url: "https://example.org/feed")
            let now = Date()
            var entries: [FeedEntry] = []
            for mark in ["read", "unread", "starred"] {
                entries.append(FeedEntry(id: "old-\(mark)", title: "old \(mark)", published: now.addingTimeInterval(-365 * 86_400)))
                entries.append(FeedEntry(id: "new-\(mark)", title: "new \(mark)", published: now.addingTimeInterval(-86_400)))
            }
            try cache.store(FeedDocument(entries: entries), feedID: feed, fetchedAt: now)
            for row in try cache.headlines(HeadlineQuery(), limit: 10) {
                try cache.setRead(row.id, !row.title.text.hasSuffix("unread"))
                if row.title.text.hasSuffix("starred") { try cache.setStarred(row.id, true) }
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func vacuum(_ flags: [String]) throws -> Set<String> {
            let command = try VacuumCommand.parse(["--config-dir", path + "/config", "--data-dir", path + "/data"] + flags)
            try command.run()
            let cache = try NewsCache(path: path + "/data/cache.sqlite", access: .readOnly)
            return Set(try cache.headlines(HeadlineQuery(), limit: 10).map(\.title.text))
        }
    }

    static let all: Set<String> = ["old read", "new read", "old unread", "new unread", "old starred", "new starred"]

    /// (keep-days in config.toml, --keep-days flag, whether the old read story goes).
    static let cases: [(Int?, Int?, Bool)] = [
        (nil, nil, false),   // nothing configured: everything stays (the old default of 90 days is gone)
        (0, nil, false),     // keep-days = 0 keeps everything, as README says
        (30, nil, true),     // the setting applies without a flag
        (0, 30, true),       // the flag applies
        (30, 0, false),      // the flag overrides the setting
        (400, 30, true),
        (30, 400, false),
    ]

    @Test("read / unread / starred × old / new × setting / flag: only the old read story ever goes",
          arguments: cases.indices)
    func combinations(index: Int) throws {
        let (setting, flag, oldReadGoes) = Self.cases[index]
        let folder = try Folder(keepDaysSetting: setting)
        let left = try folder.vacuum(flag.map { ["--keep-days", String($0)] } ?? [])
        #expect(left == (oldReadGoes ? Self.all.subtracting(["old read"]) : Self.all))
    }

    @Test("--dry-run removes nothing")
    func dryRun() throws {
        let folder = try Folder(keepDaysSetting: 30)
        #expect(try folder.vacuum(["--dry-run"]) == Self.all)
        #expect(try folder.vacuum(["--dry-run", "--keep-days", "1", "--max-per-feed", "1"]) == Self.all)
    }

    @Test("--max-per-feed never removes unread or starred stories")
    func maxPerFeed() throws {
        let folder = try Folder(keepDaysSetting: nil)
        #expect(try folder.vacuum(["--max-per-feed", "1"]) == Self.all.subtracting(["old read", "new read"]))
    }
}

import Foundation
import GRDB
import NewsModel

/// What `purge` keeps, one rule for `gazette vacuum`, `gazette refresh` and config.toml's `[retention]`:
/// only read, unstarred stories ever go — unread and starred stories are never removed, by age or by count.
public struct RetentionRule: Sendable, Equatable {
    /// Read stories older than this many days go; 0 keeps them whatever their age.
    public var keepDays: Int
    /// In each feed, read stories beyond the newest `maxPerFeed` (all stories counted) go; 0: no limit.
    public var maxPerFeed: Int

    public init(keepDays: Int, maxPerFeed: Int) { self.keepDays = keepDays; self.maxPerFeed = maxPerFeed }

    /// True when the rule removes nothing whatever the cache holds.
    public var keepsEverything: Bool { keepDays <= 0 && maxPerFeed <= 0 }
}

/// A story the retention rule removes, as `gazette vacuum --dry-run` lists it.
public struct PurgeCandidate: Sendable, Equatable {
    public var id: StoryID
    public var feedTitle: String
    public var title: String
    public var date: Date
}

extension NewsCache {
    /// How long the server id of a removed synced story is remembered: as long as any server lists read
    /// stories back (a first sync's window is 30 days).
    static let purgedMemory: TimeInterval = 60 * 86_400

    /// Removes the stories `rule` lets go (see `RetentionRule`), with their comments and search entries.
    /// Returns the number removed. One transaction.
    ///
    /// Synced stories follow the same rule. Their server ids are remembered (`sync_purged`) so that a sync
    /// does not bring them back while the server lists them read; one the server lists unread or starred
    /// again comes back.
    @discardableResult
    public func purge(_ rule: RetentionRule, now: Date) throws -> Int {
        guard !rule.keepsEverything else { return 0 }
        return try write { db in
            var removed = 0
            for feed in try Row.fetchAll(db, sql: "SELECT id, account_id FROM feeds") {
                let (condition, arguments) = try Self.purgeCondition(db, feed: feed["id"], rule: rule, now: now)
                if feed["account_id"] as Int64? != nil {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO sync_purged (account_id, remote_id, purged_at)
                        SELECT account_id, remote_id, ? FROM stories INDEXED BY stories_by_feed_date
                        WHERE remote_id IS NOT NULL AND \(condition)
                        """, arguments: StatementArguments([now.cacheValue]) + arguments)
                }
                try db.execute(sql: "DELETE FROM stories INDEXED BY stories_by_feed_date WHERE " + condition,
                               arguments: arguments)
                removed += db.changesCount
            }
            try db.execute(sql: "DELETE FROM sync_purged WHERE purged_at < ?",
                           arguments: [now.addingTimeInterval(-Self.purgedMemory).cacheValue])
            return removed
        }
    }

    /// The stories `purge(rule, now:)` would remove, oldest first, without removing them.
    public func purgeCandidates(_ rule: RetentionRule, now: Date) throws -> [PurgeCandidate] {
        guard !rule.keepsEverything else { return [] }
        return try read { db in
            var found: [PurgeCandidate] = []
            for feed in try Row.fetchAll(db, sql: "SELECT id, title FROM feeds") {
                let (condition, arguments) = try Self.purgeCondition(db, feed: feed["id"], rule: rule, now: now)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, title, sort_date FROM stories INDEXED BY stories_by_feed_date WHERE \(condition)
                    ORDER BY sort_date, id
                    """, arguments: arguments)
                for row in rows {
                    found.append(PurgeCandidate(id: StoryID(rawValue: row["id"]), feedTitle: feed["title"] ?? "",
                                                title: row["title"] ?? "", date: Date(cacheValue: row["sort_date"])))
                }
            }
            return found.sorted { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }
        }
    }

    /// The WHERE clause selecting one feed's stories that `rule` removes: read, unstarred, and older than
    /// the cut-off or beyond the per-feed limit.
    private static func purgeCondition(_ db: Database, feed: Int64, rule: RetentionRule,
                                       now: Date) throws -> (String, StatementArguments) {
        var reasons: [String] = []
        var arguments: StatementArguments = [feed]
        if rule.keepDays > 0 {
            reasons.append("sort_date < ?")
            arguments += [now.addingTimeInterval(-Double(rule.keepDays) * 86_400).cacheValue]
        }
        // The (sort_date, id) of the newest story beyond the per-feed limit, if the feed is over it.
        if rule.maxPerFeed > 0, let row = try Row.fetchOne(db, sql: """
            SELECT sort_date, id FROM stories INDEXED BY stories_by_feed_date WHERE feed_id = ?
            ORDER BY sort_date DESC, id DESC LIMIT 1 OFFSET ?
            """, arguments: [feed, rule.maxPerFeed]) {
            reasons.append("(sort_date, id) <= (?, ?)")
            arguments += [row["sort_date"] as Int64, row["id"] as Int64]
        }
        let reason = reasons.isEmpty ? "0" : reasons.joined(separator: " OR ")
        return ("feed_id = ? AND is_starred = 0 AND is_read = 1 AND (\(reason))", arguments)
    }

    /// Compacts the file: merges the search index's segments, rebuilds the file without free pages and
    /// refreshes the planner's statistics. Takes the writer for as long as it runs.
    public func vacuum() throws {
        guard access == .readWrite else { throw CacheError.readOnly(path: path) }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO stories_fts(stories_fts) VALUES ('optimize')")
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA optimize")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw CacheError.from(error, path: path)
        }
    }
}

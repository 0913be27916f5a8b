import Foundation
import GRDB
import NewsModel

extension NewsCache {
    /// Removes old stories: in each feed, those older than `keepDays` and those beyond the newest
    /// `maxPerFeed`, but never a starred story, nor an unread one younger than `keepDays`. Their comments
    /// and search entries go with them. Returns the number of stories removed. One transaction.
    @discardableResult
    public func purge(keepDays: Int, maxPerFeed: Int?, now: Date) throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(keepDays) * 86_400).cacheValue
        return try write { db in
            var removed = 0
            for feed in try Int64.fetchAll(db, sql: "SELECT id FROM feeds") {
                // The (sort_date, id) of the oldest story within the per-feed limit, if the feed is over it.
                var limitCondition = "0"
                var arguments: StatementArguments = [feed, cutoff]
                if let maxPerFeed, maxPerFeed >= 0,
                   let row = try Row.fetchOne(db, sql: """
                       SELECT sort_date, id FROM stories INDEXED BY stories_by_feed_date WHERE feed_id = ?
                       ORDER BY sort_date DESC, id DESC LIMIT 1 OFFSET ?
                       """, arguments: [feed, maxPerFeed]) {
                    limitCondition = "(sort_date, id) <= (?, ?)"
                    arguments += [row["sort_date"] as Int64, row["id"] as Int64]
                }
                arguments += [cutoff]
                try db.execute(sql: """
                    DELETE FROM stories INDEXED BY stories_by_feed_date
                    WHERE feed_id = ? AND is_starred = 0
                      AND (sort_date < ? OR \(limitCondition))
                      AND NOT (is_read = 0 AND sort_date >= ?)
                    """, arguments: arguments)
                removed += db.changesCount
            }
            return removed
        }
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

import Foundation
import GRDB
import NewsModel

/// The sync accounts as the feed list and `gazette feeds` show them.
extension NewsCache {
    /// Every account the cache knows, by name, with its last outcome and its queued marks.
    public func accountStatuses() throws -> [SyncAccountStatus] {
        try read(NewsCache.accountStatuses)
    }

    /// Inside another read, so `feedDirectory` answers feeds and accounts from one transaction.
    static func accountStatuses(_ db: Database) throws -> [SyncAccountStatus] {
        try Row.fetchAll(db, sql: """
            SELECT a.name, a.kind, a.last_synced, a.last_attempt, a.last_error, a.last_problem, a.retry_after,
                   (SELECT count(*) FROM sync_marks m WHERE m.account_id = a.id) AS queued
            FROM sync_accounts a ORDER BY a.name
            """).map { row in
            SyncAccountStatus(name: row["name"], kind: row["kind"],
                              lastSynced: (row["last_synced"] as Int64?).map(Date.init(cacheValue:)),
                              lastAttempt: (row["last_attempt"] as Int64?).map(Date.init(cacheValue:)),
                              lastError: row["last_error"],
                              problem: (row["last_problem"] as String?).flatMap(SyncProblem.init(rawValue:)),
                              retryAfter: (row["retry_after"] as Int64?).map(Date.init(cacheValue:)),
                              queuedMarks: row["queued"])
        }
    }
}

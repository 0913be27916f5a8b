import Foundation
import GRDB
import NewsModel

/// What the cache knows of one sync account.
public struct SyncAccountRecord: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// Where the last complete sync left off (the service's own text).
    public var syncPoint: String?
    public var lastSynced: Date?
    /// The last sync's failure; nil when it worked.
    public var lastError: String?
    /// The server asked not to be called again before this time (429/503 with `Retry-After`).
    public var retryAfter: Date?
}

/// A mark waiting in the queue: its row (to delete once sent) and the mark.
public struct QueuedMark: Sendable, Equatable {
    public var row: Int64
    public var mark: RemoteMark
    public init(row: Int64, mark: RemoteMark) { self.row = row; self.mark = mark }
}

/// Accounts on aggregator servers: their feeds and stories, the server's states, and the queue of local
/// marks not sent yet (see `CacheSchema.v7Sync`).
extension NewsCache {
    /// The account's id, creating its row the first time.
    public func syncAccount(name: String, kind: String, url: String) throws -> SyncAccountRecord {
        try write { db in
            try db.execute(sql: """
                INSERT INTO sync_accounts (name, kind, url) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url
                """, arguments: [name, kind, url])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_accounts WHERE name = ?", arguments: [name])
            else { throw CacheError.database(path: path, message: "sync account \(name) vanished after insert") }
            return NewsCache.account(row)
        }
    }

    /// Every account the cache knows, by name.
    public func syncAccounts() throws -> [SyncAccountRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM sync_accounts ORDER BY name").map(NewsCache.account) }
    }

    private static func account(_ row: Row) -> SyncAccountRecord {
        SyncAccountRecord(id: row["id"], name: row["name"], syncPoint: row["sync_point"],
                          lastSynced: (row["last_synced"] as Int64?).map(Date.init(cacheValue:)),
                          lastError: row["last_error"],
                          retryAfter: (row["retry_after"] as Int64?).map(Date.init(cacheValue:)))
    }

    /// Records a sync's outcome: on success the new point (nil keeps the old one) and no error; on failure
    /// the error and its kind (`problem`), and the point is kept. Either way `date` is the last attempt.
    public func recordSync(account: Int64, point: String?, error: String?, problem: SyncProblem? = nil,
                           retryAfter: Date?, at date: Date) throws {
        try write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE sync_accounts SET last_error = ?, last_problem = ?, retry_after = ?, last_attempt = ?
                    WHERE id = ?
                    """, arguments: [error, (problem ?? .other).rawValue, retryAfter?.cacheValue, date.cacheValue,
                                     account])
            } else {
                try db.execute(sql: """
                    UPDATE sync_accounts SET sync_point = coalesce(?, sync_point), last_synced = ?, last_error = NULL,
                                             last_problem = NULL, retry_after = NULL, last_attempt = ?
                    WHERE id = ?
                    """, arguments: [point, date.cacheValue, date.cacheValue, account])
            }
        }
    }

    /// The url a synced feed is stored under: unique per account and feed, never fetched.
    public static func syncedFeedURL(account: String, remoteID: String) -> String { "sync:\(account)/\(remoteID)" }

    /// Brings the account's feeds in line with the server's subscriptions (titles, tags, site links);
    /// feeds the server no longer lists go, with their stories. Returns the feed ids by remote id.
    @discardableResult
    public func applySubscriptions(_ subscriptions: [RemoteSubscription], account: Int64, accountName: String)
        throws -> [String: FeedID] {
        try write { db in
            var ids: [String: FeedID] = [:]
            // Tags are rewritten only where they changed: most syncs change none.
            var storedTags: [Int64: Set<String>] = [:]
            let tagRows = try Row.fetchCursor(db, sql: """
                SELECT t.feed_id, t.tag FROM feed_tags t JOIN feeds f ON f.id = t.feed_id WHERE f.account_id = ?
                """, arguments: [account])
            while let row = try tagRows.next() { storedTags[row[0], default: []].insert(row[1]) }
            for subscription in subscriptions {
                let id = try NewsCache.syncedFeed(db, account: account, accountName: accountName,
                                                  remoteID: subscription.remoteID, title: subscription.title,
                                                  siteURL: subscription.siteURL)
                let tags = Set(subscription.labels.filter { !$0.isEmpty })
                if tags != storedTags[id] ?? [] {
                    try db.execute(sql: "DELETE FROM feed_tags WHERE feed_id = ?", arguments: [id])
                    for tag in tags {
                        try db.execute(sql: "INSERT INTO feed_tags (feed_id, tag) VALUES (?, ?)", arguments: [id, tag])
                    }
                }
                ids[subscription.remoteID] = FeedID(id)
            }
            let stored = try Row.fetchAll(db, sql: "SELECT id, remote_id FROM feeds WHERE account_id = ?",
                                          arguments: [account])
            for row in stored where ids[row["remote_id"] as String] == nil {
                try db.execute(sql: "DELETE FROM feeds WHERE id = ?", arguments: [row["id"] as Int64])
            }
            return ids
        }
    }

    /// The account's feed with `remoteID`, made when missing; its title and site link follow the server.
    static func syncedFeed(_ db: Database, account: Int64, accountName: String, remoteID: String,
                           title: String, siteURL: String?) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM feeds WHERE account_id = ? AND remote_id = ?",
                                       arguments: [account, remoteID]) {
            try db.execute(sql: """
                UPDATE feeds SET title = ?, site_url = coalesce(?, site_url) WHERE id = ? AND (title <> ? OR site_url IS NOT coalesce(?, site_url))
                """, arguments: [title, siteURL, id, title, siteURL])
            return id
        }
        try db.execute(sql: """
            INSERT INTO feeds (url, kind, title, title_is_custom, site_url, account_id, remote_id, last_fetched)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?)
            """, arguments: [syncedFeedURL(account: accountName, remoteID: remoteID), SourceKind.synced.rawValue,
                             title, siteURL, account, remoteID, Date().cacheValue])
        return db.lastInsertedRowID
    }

    /// The remote ids of the account's stored stories.
    public func syncedStoryIDs(account: Int64) throws -> Set<String> {
        try read { db in
            var ids = Set<String>()
            let rows = try String.fetchCursor(db, sql: "SELECT remote_id FROM stories WHERE account_id = ?",
                                              arguments: [account])
            while let id = try rows.next() { ids.insert(id) }
            return ids
        }
    }

    /// The server ids of the account's stories that retention removed (see `purge`).
    public func purgedStoryIDs(account: Int64) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT remote_id FROM sync_purged WHERE account_id = ?",
                                    arguments: [account]))
        }
    }

    /// Unread stories stored per feed of the account, by the feed's remote id.
    public func syncedUnreadCounts(account: Int64) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT remote_id, unread_count FROM feeds WHERE account_id = ?",
                                        arguments: [account]) {
                counts[row["remote_id"]] = row["unread_count"]
            }
            return counts
        }
    }

    /// Applies the server's states to stored stories of the account; queues no mark. With
    /// `unreadAndStarredComplete`, a stored story not listed unread is read (only in `unreadFeeds`, by
    /// remote id, when given) and one not listed starred is unstarred. Flags named in
    /// `keepRead`/`keepStarred` (stories whose local mark wins) are left alone. Returns how many stories
    /// changed.
    ///
    /// The account's stored flags are read in one pass and only those that differ are written: an unchanged
    /// sync of thousands of listed stories writes nothing (one statement per listed story cost most of it).
    @discardableResult
    public func applyRemoteStates(_ states: [RemoteStoryState], account: Int64, unreadAndStarredComplete: Bool,
                                  unreadFeeds: Set<String>? = nil, keepRead: Set<String>,
                                  keepStarred: Set<String>) throws -> Int {
        try write { db in
            let marksBefore = try NewsCache.lastMark(db)
            // The listed states by remote id (of an id listed twice, a later flag overrides an earlier nil),
            // then one pass over the account's stored stories that compares and collects what differs.
            var listed: [String: RemoteStoryState] = [:]
            listed.reserveCapacity(states.count)
            for state in states {
                guard var old = listed[state.remoteID] else { listed[state.remoteID] = state; continue }
                old.isRead = state.isRead ?? old.isRead
                old.isStarred = state.isStarred ?? old.isStarred
                listed[state.remoteID] = old
            }
            var listedFeeds: Set<Int64>?
            if let unreadFeeds {
                var ids = Set<Int64>()
                for row in try Row.fetchAll(db, sql: "SELECT id, remote_id FROM feeds WHERE account_id = ?",
                                            arguments: [account]) where unreadFeeds.contains(row[1] as String? ?? "") {
                    ids.insert(row[0])
                }
                listedFeeds = ids
            }
            var setRead: [(id: Int64, value: Bool)] = []
            var setStarred: [(id: Int64, value: Bool)] = []
            var changed = 0
            let rows = try Row.fetchCursor(db, sql: """
                SELECT remote_id, id, is_read, is_starred, feed_id FROM stories WHERE account_id = ?
                """, arguments: [account])
            while let row = try rows.next() {
                let remoteID: String = row[0]
                let id: Int64 = row[1]
                let isRead: Bool = row[2]
                let isStarred: Bool = row[3]
                let state = listed[remoteID]
                var read: Bool?
                if let value = state?.isRead, value != isRead { read = value }
                if unreadAndStarredComplete, !isRead, state?.isRead != false,
                   listedFeeds?.contains(row[4] as Int64) ?? true {
                    read = true
                }
                var starred: Bool?
                if let value = state?.isStarred, value != isStarred { starred = value }
                if unreadAndStarredComplete, isStarred, state?.isStarred != true { starred = false }
                if read != nil || starred != nil {
                    var counted = false
                    if let read, !keepRead.contains(remoteID) { setRead.append((id, read)); counted = true }
                    if let starred, !keepStarred.contains(remoteID) { setStarred.append((id, starred)); counted = true }
                    if counted { changed += 1 }
                }
            }
            let read = try db.cachedStatement(sql: "UPDATE stories SET is_read = ? WHERE id = ?")
            for (id, value) in setRead { try read.execute(arguments: [value, id]) }
            let star = try db.cachedStatement(sql: "UPDATE stories SET is_starred = ? WHERE id = ?")
            for (id, value) in setStarred { try star.execute(arguments: [value, id]) }
            try db.execute(sql: "DELETE FROM sync_marks WHERE id > ?", arguments: [marksBefore])
            return changed
        }
    }

    static func lastMark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM sync_marks") ?? 0
    }

    /// The account's queued marks, oldest first; of several marks on one story and flag only the newest
    /// counts, but all are returned so that all are deleted once sent.
    public func queuedMarks(account: Int64) throws -> [QueuedMark] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, remote_id, action, marked_at FROM sync_marks WHERE account_id = ? ORDER BY id
                """, arguments: [account]).compactMap { row in
                guard let action = RemoteMark.Action(rawValue: row["action"]) else { return nil }
                return QueuedMark(row: row["id"], mark: RemoteMark(remoteID: row["remote_id"], action: action,
                                                                   markedAt: Date(cacheValue: row["marked_at"])))
            }
        }
    }

    /// Removes sent (or overruled) marks from the queue.
    public func removeQueuedMarks(_ rows: [Int64]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM sync_marks WHERE id = ?")
            for row in rows { try delete.execute(arguments: [row]) }
        }
    }

    /// Number of marks waiting, over every account.
    public func queuedMarkCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_marks") ?? 0 }
    }

    /// Marks stories as `gazette mark` does: the flag is set, and for a synced story a mark is queued even
    /// when the flag already had that value (the server may not have it). Returns the ids not in the cache.
    public func mark(_ ids: [StoryID], _ action: RemoteMark.Action) throws -> [StoryID] {
        try write { db in
            var missing: [StoryID] = []
            let (column, value): (String, Bool) = switch action {
            case .read: ("is_read", true)
            case .unread: ("is_read", false)
            case .star: ("is_starred", true)
            case .unstar: ("is_starred", false)
            }
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT \(column) AS flag, account_id, remote_id FROM stories WHERE id = ?",
                                                 arguments: [id.rawValue]) else {
                    missing.append(id)
                    continue
                }
                if row["flag"] as Bool != value {
                    // The trigger queues the mark of a synced story.
                    try db.execute(sql: "UPDATE stories SET \(column) = ? WHERE id = ?", arguments: [value, id.rawValue])
                } else if let account = row["account_id"] as Int64?, let remote = row["remote_id"] as String? {
                    try db.execute(sql: """
                        INSERT INTO sync_marks (account_id, remote_id, action, marked_at) VALUES (?, ?, ?, ?)
                        """, arguments: [account, remote, action.rawValue, Date().cacheValue])
                }
            }
            return missing
        }
    }
}

extension NewsCache {
    /// The local id of the story the account's server calls `remoteID`.
    public func syncedStory(account: String, remoteID: String) throws -> StoryID? {
        let id: Int64? = try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT s.id FROM stories s JOIN sync_accounts a ON a.id = s.account_id
                WHERE a.name = ? AND s.remote_id = ?
                """, arguments: [account, remoteID])
        }
        return id.map { StoryID($0) }
    }
}

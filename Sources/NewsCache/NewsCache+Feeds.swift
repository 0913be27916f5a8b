import Foundation
import GRDB
import NewsModel

/// What a conditional refresh sends back to the server, and when the feed is next due.
public struct FeedValidators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    public var lastFetched: Date?
    public var nextDue: Date?
    public var lastError: String?

    public init(etag: String? = nil, lastModified: String? = nil, lastFetched: Date? = nil,
                nextDue: Date? = nil, lastError: String? = nil) {
        self.etag = etag; self.lastModified = lastModified; self.lastFetched = lastFetched
        self.nextDue = nextDue; self.lastError = lastError
    }
}

/// A subscription as `addFeeds` takes it: the urls file's line in the cache's terms.
public struct FeedSubscription: Sendable, Equatable {
    public var url: String
    public var kind: SourceKind
    public var title: String?
    public var tags: [String]

    public init(url: String, kind: SourceKind = .feed, title: String? = nil, tags: [String] = []) {
        self.url = url; self.kind = kind; self.title = title; self.tags = tags
    }
}

extension NewsCache {
    /// Subscribes to `url`, or finds the existing subscription: calling it again returns the same id.
    ///
    /// On an existing feed a non-nil `title` replaces the title (and stops feed documents from renaming
    /// it), and `tags` replace its tags, so re-reading the `urls` file brings the cache in line with it.
    @discardableResult
    public func addFeed(url: String, kind: SourceKind = .feed, title: String? = nil,
                        tags: [String] = []) throws -> FeedID {
        try write { db in try insertFeed(FeedSubscription(url: url, kind: kind, title: title, tags: tags), db) }
    }

    /// `addFeed` for many subscriptions in one transaction: a urls file of 100,000 lines is one commit, not
    /// 100,000 (each commit costs WAL frames and the writer's round trip, which made a first start after a
    /// large import take seconds per thousand feeds).
    public func addFeeds(_ subscriptions: [FeedSubscription]) throws {
        guard !subscriptions.isEmpty else { return }
        try write { db in
            for subscription in subscriptions { _ = try insertFeed(subscription, db) }
        }
    }

    /// One subscription's rows. The statements are compiled once per connection (`cachedStatement`): at
    /// 100,000 lines, compiling each anew was most of the cost.
    private func insertFeed(_ subscription: FeedSubscription, _ db: Database) throws -> FeedID {
        let (url, title) = (subscription.url, subscription.title)
        try db.cachedStatement(sql: """
            INSERT INTO feeds (url, kind, title, title_is_custom) VALUES (?, ?, ?, ?)
            ON CONFLICT (url) DO NOTHING
            """).execute(arguments: [url, subscription.kind.rawValue, title ?? url, title != nil])
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM feeds WHERE url = ?"),
                                          arguments: [url])
        else { throw CacheError.database(path: path, message: "feed \(url) vanished after insert") }
        if let title {
            try db.cachedStatement(sql: "UPDATE feeds SET title = ?, title_is_custom = 1 WHERE id = ?")
                .execute(arguments: [title, id])
        }
        try db.cachedStatement(sql: "DELETE FROM feed_tags WHERE feed_id = ?").execute(arguments: [id])
        let insertTag = try db.cachedStatement(sql: "INSERT INTO feed_tags (feed_id, tag) VALUES (?, ?)")
        for tag in Set(subscription.tags) where !tag.isEmpty { try insertTag.execute(arguments: [id, tag]) }
        return FeedID(id)
    }

    /// Unsubscribes: the feed, its stories (starred ones too), their comments and search entries go.
    public func removeFeed(_ id: FeedID) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM feeds WHERE id = ?", arguments: [id.rawValue])
            if db.changesCount == 0 { throw CacheError.unknownFeed(id) }
        }
    }

    /// `removeFeed` for many feeds in one transaction; ids no longer there are passed over.
    public func removeFeeds(_ ids: [FeedID]) throws {
        guard !ids.isEmpty else { return }
        try write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM feeds WHERE id = ?")
            for id in ids { try delete.execute(arguments: [id.rawValue]) }
        }
    }

    /// Every subscription in the order it was added, with unread and total counts (kept by triggers, so
    /// this reads one row per feed and never counts stories).
    public func feeds() throws -> [Feed] {
        try read(NewsCache.feeds)
    }

    private static func feeds(_ db: Database) throws -> [Feed] {
        // Tags for all feeds in one pass, rather than one subquery per feed.
        var tags: [Int64: [String]] = [:]
        let tagRows = try Row.fetchCursor(db, sql: "SELECT feed_id, tag FROM feed_tags ORDER BY feed_id, tag")
        while let row = try tagRows.next() { tags[row[0], default: []].append(row[1]) }
        // A cursor read by column position: copying every row and finding each column by name cost ~40,000
        // instructions a feed, twice before a refresh's first request.
        var feeds: [Feed] = []
        let rows = try Row.fetchCursor(db, sql: NewsCache.feedColumns + " ORDER BY f.id")
        while let row = try rows.next() {
            feeds.append(NewsCache.feed(from: row, tags: tags[row[0]] ?? []))
        }
        return feeds
    }

    /// What the feed list shows, from one read: the feeds (as `feeds()`), the tags (as `tags()`), how
    /// many stories are starred, and starred and unread, and each sync account's state.
    public func feedDirectory() throws -> FeedDirectory {
        try read { db in
            FeedDirectory(feeds: try NewsCache.feeds(db), tags: try NewsCache.tags(db),
                          starred: try NewsCache.count(HeadlineQuery(scope: .starred), db),
                          starredUnread: try NewsCache.count(HeadlineQuery(scope: .starred, unreadOnly: true), db),
                          accounts: try NewsCache.accountStatuses(db))
        }
    }

    /// One subscription, or nil.
    public func feed(_ id: FeedID) throws -> Feed? {
        try read { db in
            let tags = try String.fetchAll(db, sql: "SELECT tag FROM feed_tags WHERE feed_id = ? ORDER BY tag",
                                           arguments: [id.rawValue])
            return try Row.fetchOne(db, sql: NewsCache.feedColumns + " WHERE f.id = ?", arguments: [id.rawValue])
                .map { NewsCache.feed(from: $0, tags: tags) }
        }
    }

    /// Records the outcome of a refresh. On success (`error == nil`) the new validators replace the old and
    /// the error is cleared; on failure the old validators are kept (the next try may still send them).
    public func recordFetch(feedID: FeedID, etag: String?, lastModified: String?, error: String?, at date: Date,
                            nextDue: Date? = nil) throws {
        try write { db in
            if let error {
                try db.execute(sql: """
                    UPDATE feeds SET last_error = ?, last_fetched = ?, next_due = ? WHERE id = ?
                    """, arguments: [error, date.cacheValue, nextDue?.cacheValue, feedID.rawValue])
            } else {
                try db.execute(sql: """
                    UPDATE feeds SET etag = ?, last_modified = ?, last_error = NULL, last_fetched = ?, next_due = ?
                    WHERE id = ?
                    """, arguments: [etag, lastModified, date.cacheValue, nextDue?.cacheValue, feedID.rawValue])
            }
            if db.changesCount == 0 { throw CacheError.unknownFeed(feedID) }
        }
    }

    /// The validators and schedule of a feed, or nil when there is no such feed.
    public func feedValidators(_ feedID: FeedID) throws -> FeedValidators? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT etag, last_modified, last_fetched, next_due, last_error FROM feeds WHERE id = ?
                """, arguments: [feedID.rawValue]).map(NewsCache.validators(from:))
        }
    }

    /// The validators and schedule of every feed, in one read (a refresh of hundreds of feeds needs them
    /// all before it starts).
    public func allFeedValidators() throws -> [FeedID: FeedValidators] {
        try read { db in
            var all: [FeedID: FeedValidators] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, etag, last_modified, last_fetched, next_due, last_error FROM feeds
                """)
            while let row = try rows.next() {
                all[FeedID(rawValue: row["id"])] = NewsCache.validators(from: row)
            }
            return all
        }
    }

    private static func validators(from row: Row) -> FeedValidators {
        FeedValidators(etag: row["etag"], lastModified: row["last_modified"],
                       lastFetched: (row["last_fetched"] as Int64?).map(Date.init(cacheValue:)),
                       nextDue: (row["next_due"] as Int64?).map(Date.init(cacheValue:)),
                       lastError: row["last_error"])
    }

    /// Every tag in use, sorted.
    public func tags() throws -> [String] {
        try read(NewsCache.tags)
    }

    private static func tags(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT tag FROM feed_tags ORDER BY tag")
    }

    /// The columns `feed(from:tags:)` reads, by position: keep the two in the same order.
    private static let feedColumns = """
        SELECT f.id, f.url, f.kind, f.title, f.site_url, f.last_error, f.last_fetched, f.unread_count,
               f.total_count, a.name AS account_name
        FROM feeds f LEFT JOIN sync_accounts a ON a.id = f.account_id
        """

    /// A feed from a row of `feedColumns`, by column position (in the order of `feedColumns`).
    private static func feed(from row: Row, tags: [String]) -> Feed {
        Feed(id: FeedID(row[0] as Int64), url: row[1], kind: SourceKind(rawValue: row[2]) ?? .feed,
             title: row[3], tags: tags, siteURL: row[4], lastError: row[5],
             lastFetched: (row[6] as Int64?).map(Date.init(cacheValue:)),
             unreadCount: row[7], totalCount: row[8], account: row[9])
    }
}

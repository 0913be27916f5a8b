import Foundation
import GRDB
import NewsModel

/// One story at a time, its comments, and the reader's marks on it.
extension NewsCache {
    /// The whole stored story, or nil when there is no such story (any more).
    public func story(_ id: StoryID) throws -> Story? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, f.title AS feed_title, f.url AS feed_url FROM stories s JOIN feeds f ON f.id = s.feed_id WHERE s.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            return Story(id: id, feedID: FeedID(row["feed_id"] as Int64), feedTitle: row["feed_title"],
                         title: row["title"], link: row["link"], author: row["author"],
                         published: (row["published"] as Int64?).map(Date.init(cacheValue:)),
                         updated: (row["updated"] as Int64?).map(Date.init(cacheValue:)),
                         firstSeen: Date(cacheValue: row["first_seen"] as Int64),
                         summary: row["summary"], content: row["content"], extractedText: row["extracted_text"],
                         categories: NewsCache.decode(row["categories"]) ?? [],
                         enclosures: NewsCache.decode(row["enclosures"]) ?? [],
                         commentsURL: row["comments_url"], repliesFeedURL: row["replies_feed_url"],
                         commentCount: row["comment_count"], isRead: row["is_read"], isStarred: row["is_starred"],
                         feedURL: row["feed_url"], extractionNote: row["extraction_note"])
        }
    }

    /// The stored thread of a story in thread order (empty when none was fetched).
    public func comments(for storyID: StoryID) throws -> [Comment] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM comments WHERE story_id = ? ORDER BY position
                """, arguments: [storyID.rawValue]).map { row in
                Comment(id: CommentID(row["id"] as Int64), storyID: storyID, remoteID: row["remote_id"],
                        parentRemoteID: row["parent_remote_id"], author: row["author"],
                        date: (row["date"] as Int64?).map(Date.init(cacheValue:)), score: row["score"],
                        body: row["body"], depth: row["depth"], position: row["position"],
                        isDeleted: row["is_deleted"],
                        firstSeen: (row["first_seen"] as Int64?).map(Date.init(cacheValue:)))
            }
        }
    }

    /// Marks one story read or unread. Setting the state it already has is a no-op.
    public func setRead(_ id: StoryID, _ isRead: Bool) throws {
        try setFlag("is_read", id, isRead)
    }

    /// Marks several stories read or unread in one transaction (ids no longer in the cache are skipped).
    public func setRead(_ ids: [StoryID], _ isRead: Bool) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE stories SET is_read = ? WHERE id = ?")
            for id in ids { try statement.execute(arguments: [isRead, id.rawValue]) }
        }
    }

    /// Stars or unstars one story. Starred stories are never purged.
    public func setStarred(_ id: StoryID, _ isStarred: Bool) throws {
        try setFlag("is_starred", id, isStarred)
    }

    /// Marks every story of a feed read; returns how many changed.
    @discardableResult
    public func markFeedRead(_ feedID: FeedID) throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE stories INDEXED BY stories_unread_by_feed_date SET is_read = 1 WHERE feed_id = ? AND is_read = 0",
                           arguments: [feedID.rawValue])
            return db.changesCount
        }
    }

    private func setFlag(_ column: String, _ id: StoryID, _ value: Bool) throws {
        try write { db in
            try db.execute(sql: "UPDATE stories SET \(column) = ? WHERE id = ?", arguments: [value, id.rawValue])
            if db.changesCount == 0 { throw CacheError.unknownStory(id) }
        }
    }

    static func decode<T: Decodable>(_ json: String?) -> T? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(json.utf8))
    }
}

extension NewsCache {
    /// Marks every story `query` lists read (its unread-only flag aside); returns how many changed.
    @discardableResult
    public func markRead(matching query: HeadlineQuery) throws -> Int {
        var unread = query
        unread.unreadOnly = true
        return try write { db in
            var changed = 0
            for plan in try NewsCache.plans(unread, db) {
                try db.execute(sql: """
                    UPDATE stories SET is_read = 1
                    WHERE id IN (SELECT s.id FROM stories s \(plan.indexClause) WHERE \(plan.filter) AND s.is_read = 0)
                    """, arguments: plan.arguments)
                changed += db.changesCount
            }
            return changed
        }
    }

    /// A number that changes whenever stories or feeds are added or removed, by this process or another:
    /// the newest story's and feed's ids, the number of feeds and of stories. Read marks leave it alone.
    /// Cheap (rowid maxima and the per-feed counters), so a reader can ask every few seconds.
    public func changeStamp() throws -> Int64 {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT coalesce(max(id), 0) FROM stories) AS story, (SELECT coalesce(max(id), 0) FROM feeds) AS feed,
                       (SELECT count(*) FROM feeds) AS feeds, (SELECT coalesce(sum(total_count), 0) FROM feeds) AS total
                """)
            let parts: [Int64] = [row?["story"] ?? 0, row?["feed"] ?? 0, row?["feeds"] ?? 0, row?["total"] ?? 0]
            return parts.reduce(Int64(17)) { $0 &* 1_000_003 &+ $1 }
        }
    }
}

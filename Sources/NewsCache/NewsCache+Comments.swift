import Foundation
import GRDB
import NewsModel

/// A story's thread together with when it was fetched and last opened.
extension NewsCache {
    /// The stored thread of `storyID` with its fetch and visit times (all empty when never fetched).
    public func thread(for storyID: StoryID) throws -> CommentThread {
        let comments = try comments(for: storyID)
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT fetched_at, last_opened FROM comment_fetches WHERE story_id = ?",
                             arguments: [storyID.rawValue])
        }
        return CommentThread(storyID: storyID, comments: comments,
                             fetchedAt: (row?["fetched_at"] as Int64?).map(Date.init(cacheValue:)),
                             lastOpened: (row?["last_opened"] as Int64?).map(Date.init(cacheValue:)))
    }

    /// Records that the reader opened the story's comments at `date`; comments first stored after it are
    /// "new" at the next visit.
    public func recordCommentsOpened(_ storyID: StoryID, at date: Date) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO comment_fetches (story_id, last_opened)
                SELECT id, ? FROM stories WHERE id = ?
                ON CONFLICT(story_id) DO UPDATE SET last_opened = excluded.last_opened
                """, arguments: [date.cacheValue, storyID.rawValue])
        }
    }
}

import Foundation
import GRDB
import NewsModel

/// What one `store` did to the cache.
public struct StoreSummary: Sendable, Equatable, Codable {
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted; self.updated = updated; self.unchanged = unchanged
    }
}

extension NewsCache {
    /// A story dated more than this far past its fetch is sorted by when it was first seen instead, so a
    /// feed with a wrong clock cannot pin its stories to the top of the list forever.
    static let futureTolerance: TimeInterval = 24 * 3600

    /// Stores one refresh of a feed in one transaction: new stories are inserted, stories whose content
    /// changed are updated in place (keeping their id, first-seen date, read and starred flags), the rest
    /// are left alone. Stories no longer in the document stay. Storing the same document twice changes
    /// nothing. Identity: see `StoryIdentity`.
    ///
    /// The feed's title and site link follow the document unless the user gave the feed a title. With
    /// `fetch`, the feed's validators are recorded and its error cleared in the same transaction.
    @discardableResult
    public func store(_ document: FeedDocument, feedID: FeedID, fetchedAt: Date,
                      fetch: FetchRecord? = nil) throws -> StoreSummary {
        let prepared = try prepare(document, feedID: feedID)
        return try write { db in try self.apply(prepared, feedID: feedID, fetchedAt: fetchedAt, fetch: fetch, db) }
    }

    /// `store` for a refresh running many feeds at once: the derived values (search text, identities,
    /// fingerprints) are computed on the calling task, and the write waits for the single writer without
    /// holding a thread, so other feeds parse meanwhile. Stores that arrive while the writer is busy share
    /// one transaction (`StoreBatcher`); each still succeeds or fails as a whole.
    @discardableResult
    public func store(_ document: FeedDocument, feedID: FeedID, fetchedAt: Date,
                      fetch: FetchRecord? = nil) async throws -> StoreSummary {
        guard access == .readWrite else { throw CacheError.readOnly(path: path) }
        let prepared = try prepare(document, feedID: feedID)
        return try await withCheckedThrowingContinuation { continuation in
            batcher.enqueue(StoreBatcher.Job(document: prepared, feedID: feedID, fetchedAt: fetchedAt,
                                             fetch: fetch, continuation: continuation), cache: self)
        }
    }

    /// Records a fetch that brought nothing new (HTTP 304): the validators, the time, no error. It goes
    /// through the same group commit as `store`, so a warm refresh of hundreds of feeds is a few
    /// transactions rather than one per feed.
    public func recordUnchanged(feedID: FeedID, fetchedAt: Date, _ fetch: FetchRecord) async throws {
        guard access == .readWrite else { throw CacheError.readOnly(path: path) }
        let empty = PreparedDocument(title: nil, link: nil, entries: [])
        _ = try await withCheckedThrowingContinuation { continuation in
            batcher.enqueue(StoreBatcher.Job(document: empty, feedID: feedID, fetchedAt: fetchedAt,
                                             fetch: fetch, continuation: continuation), cache: self)
        }
    }

    /// Derives what `apply` writes, outside the write transaction. A reader connection tells which entries
    /// are stored unchanged already, so that their search text is not computed for nothing; `apply` checks
    /// again inside the transaction and computes what is missing.
    func prepare(_ document: FeedDocument, feedID: FeedID) throws -> PreparedDocument {
        let entries = document.entries.map { entry in
            PreparedEntry(entry: entry, identity: StoryIdentity.of(entry), fingerprint: NewsCache.fingerprint(entry))
        }
        return PreparedDocument(title: document.title, link: document.link, entries: try derive(entries, feedID: feedID))
    }

    /// `entries` with the derived values of those not stored unchanged in `feedID` (of every one when the
    /// feed is not made yet, nil).
    func derive(_ entries: [PreparedEntry], feedID: FeedID?) throws -> [PreparedEntry] {
        var entries = entries
        if entries.isEmpty { return [] }
        let stored: [String: Int64] = try feedID.map { feedID in
            try read { db in
                var found: [String: Int64] = [:]
                // A feed with no stories yet (every feed of a first refresh) has nothing to look up.
                let hasStories = try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM stories WHERE feed_id = ?)
                    """), arguments: [feedID.rawValue]) ?? true
                guard hasStories else { return found }
                let find = try db.cachedStatement(sql: """
                    SELECT fingerprint FROM stories WHERE feed_id = ? AND identity = ?
                    """)
                for entry in entries {
                    if let fingerprint = try Int64.fetchOne(find, arguments: [feedID.rawValue, entry.identity]) {
                        found[entry.identity] = fingerprint
                    }
                }
                return found
            }
        } ?? [:]
        for index in entries.indices where stored[entries[index].identity] != entries[index].fingerprint {
            entries[index].values = StoryValues(entries[index].entry)
        }
        return entries
    }

    /// The writes of `store`, inside the caller's transaction. The story rows come first and the search
    /// entries after them, and no statement here fires a trigger: FTS5 flushes its pending index data at
    /// every statement savepoint, so interleaving would write one index segment per story.
    func apply(_ document: PreparedDocument, feedID: FeedID, fetchedAt: Date, fetch: FetchRecord?,
               _ db: Database) throws -> StoreSummary {
        // Cached statements: a sync batch stores a group per feed, thousands in a first sync, and preparing
        // these two statements each time (GRDB authorises every column read) cost 4 % of it. The same holds
        // for the feed's own updates below, made once per feed of every refresh (every 304 answer too).
        guard let feedRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT title_is_custom FROM feeds WHERE id = ?"),
                                             arguments: [feedID.rawValue])
        else { throw CacheError.unknownFeed(feedID) }
        if let title = document.title.map(SearchText.trimmed), !title.isEmpty,
           !(feedRow["title_is_custom"] as Bool) {
            try db.cachedStatement(sql: "UPDATE feeds SET title = ? WHERE id = ? AND title <> ?")
                .execute(arguments: [title, feedID.rawValue, title])
        }
        if let link = document.link {
            try db.cachedStatement(sql: "UPDATE feeds SET site_url = ? WHERE id = ? AND site_url IS NOT ?")
                .execute(arguments: [link, feedID.rawValue, link])
        }
        var summary = StoreSummary()
        var inserted: [(id: Int64, values: StoryValues)] = []
        var insertedRead = 0
        var updated: [Int64] = []
        let find = try db.cachedStatement(sql: """
            SELECT id, fingerprint, first_seen FROM stories WHERE feed_id = ? AND identity = ?
            """)
        // A feed with no stories yet (every feed of a first refresh) needs no lookup per entry: only an
        // identity repeated within the document can be found, and this dictionary finds it.
        let feedIsEmpty = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT NOT EXISTS (SELECT 1 FROM stories WHERE feed_id = ?)
            """), arguments: [feedID.rawValue]) ?? false
        var storedNow: [String: StoredStory] = [:]
        for prepared in document.entries {
            let existing: StoredStory?
            if feedIsEmpty {
                existing = storedNow[prepared.identity]
            } else {
                existing = try Row.fetchOne(find, arguments: [feedID.rawValue, prepared.identity]).map { row in
                    StoredStory(id: row["id"], fingerprint: row["fingerprint"],
                                firstSeen: Date(cacheValue: row["first_seen"]))
                }
            }
            if let existing, existing.fingerprint == prepared.fingerprint {
                summary.unchanged += 1
                continue
            }
            let values = prepared.values ?? StoryValues(prepared.entry)
            if let existing {
                try update(db, id: existing.id, prepared: prepared, values: values,
                           firstSeen: existing.firstSeen, fetchedAt: fetchedAt)
                updated.append(existing.id)
                storedNow[prepared.identity]?.fingerprint = prepared.fingerprint
            } else {
                let id = try insert(db, feedID: feedID, prepared: prepared, values: values, fetchedAt: fetchedAt)
                inserted.append((id, values))
                if prepared.remote?.isRead == true { insertedRead += 1 }
                if feedIsEmpty {
                    storedNow[prepared.identity] = StoredStory(id: id, fingerprint: prepared.fingerprint,
                                                               firstSeen: Date(cacheValue: fetchedAt.cacheValue))
                }
            }
        }
        summary.inserted = inserted.count
        summary.updated = updated.count
        if !inserted.isEmpty {
            // New stories are unread but for synced ones the server calls read (see migration v4).
            try db.cachedStatement(sql: """
                UPDATE feeds SET total_count = total_count + ?, unread_count = unread_count + ? WHERE id = ?
                """).execute(arguments: [inserted.count, inserted.count - insertedRead, feedID.rawValue])
        }
        // The body comes as UTF-8 bytes (see `StoryValues.searchBody`); CAST makes them text, as they are.
        let index = try db.cachedStatement(sql: """
            INSERT INTO stories_fts (rowid, title, body) VALUES (?, ?, CAST(? AS TEXT))
            """)
        for (id, values) in inserted {
            try index.execute(arguments: [id, values.searchTitle, values.searchBody])
        }
        for id in updated { try reindex(db, id: id) }
        if let fetch {
            try db.cachedStatement(sql: """
                UPDATE feeds SET etag = ?, last_modified = ?, last_error = NULL, last_fetched = ?, next_due = NULL
                WHERE id = ?
                """).execute(arguments: [fetch.etag, fetch.lastModified, fetchedAt.cacheValue, feedID.rawValue])
        }
        return summary
    }

    /// Replaces the stored thread of a story with `comments`, in the given (thread) order, and sets the
    /// story's comment count by `CommentCount`. With `fetchedAt` (a thread fetched from its source) the time
    /// is recorded for the story, and each comment keeps the time it was first stored: a comment already
    /// stored under the same remote id keeps its old one, a new one gets `fetchedAt`.
    public func storeComments(_ comments: [FetchedComment], for storyID: StoryID, fetchedAt: Date? = nil) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM stories WHERE id = ?",
                                    arguments: [storyID.rawValue]) != nil
            else { throw CacheError.unknownStory(storyID) }
            var firstSeen: [String: Int64] = [:]
            if fetchedAt != nil {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT remote_id, first_seen FROM comments WHERE story_id = ? AND first_seen IS NOT NULL
                    """, arguments: [storyID.rawValue])
                for row in rows { firstSeen[row["remote_id"]] = row["first_seen"] }
            }
            try db.execute(sql: "DELETE FROM comments WHERE story_id = ?", arguments: [storyID.rawValue])
            let insert = try db.cachedStatement(sql: """
                INSERT INTO comments (story_id, remote_id, parent_remote_id, author, date, score, body, depth,
                                      position, is_deleted, first_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, comment) in comments.enumerated() {
                try insert.execute(arguments: [
                    storyID.rawValue, comment.remoteID, comment.parentRemoteID, comment.author,
                    comment.date?.cacheValue, comment.score, comment.body, comment.depth, position,
                    comment.isDeleted, firstSeen[comment.remoteID] ?? fetchedAt?.cacheValue,
                ])
            }
            try db.execute(sql: "UPDATE stories SET comment_count = ? WHERE id = ?",
                           arguments: [CommentCount.of(comments), storyID.rawValue])
            if let fetchedAt {
                try db.execute(sql: """
                    INSERT INTO comment_fetches (story_id, fetched_at) VALUES (?, ?)
                    ON CONFLICT(story_id) DO UPDATE SET fetched_at = excluded.fetched_at
                    """, arguments: [storyID.rawValue, fetchedAt.cacheValue])
            }
        }
    }

    /// Sets the text extracted from a story's web page (full-text mode); it becomes the indexed body.
    public func setExtractedText(_ html: String?, for storyID: StoryID) throws {
        try write { db in
            try db.execute(sql: "UPDATE stories SET extracted_text = ? WHERE id = ?",
                           arguments: [html, storyID.rawValue])
            if db.changesCount == 0 { throw CacheError.unknownStory(storyID) }
            try reindex(db, id: storyID.rawValue)
        }
    }

    /// Stores the outcome of reader mode for a story: the article's HTML, or (`html` nil) the note saying
    /// why there is none, so that the page is not fetched again on every open.
    public func setExtraction(_ html: String?, note: String?, for storyID: StoryID) throws {
        try write { db in
            try db.execute(sql: "UPDATE stories SET extracted_text = ?, extraction_note = ? WHERE id = ?",
                           arguments: [html, html == nil ? note : nil, storyID.rawValue])
            if db.changesCount == 0 { throw CacheError.unknownStory(storyID) }
            if html != nil { try reindex(db, id: storyID.rawValue) }
        }
    }

    /// The newest unread stories with an http(s) link that reader mode has not tried yet, newest first.
    public func extractionCandidates(limit: Int) throws -> [ExtractionCandidate] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.link, f.url AS feed_url FROM stories s JOIN feeds f ON f.id = s.feed_id
                WHERE s.is_read = 0 AND s.extracted_text IS NULL AND s.extraction_note IS NULL
                  AND (s.link LIKE 'http://%' OR s.link LIKE 'https://%')
                ORDER BY s.sort_date DESC, s.id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                ExtractionCandidate(storyID: StoryID(row["id"] as Int64), link: row["link"], feedURL: row["feed_url"])
            }
        }
    }

    // MARK: - rows

    /// What `apply` needs to know of a story already stored under an entry's identity.
    private struct StoredStory {
        let id: Int64
        var fingerprint: Int64
        let firstSeen: Date
    }

    /// Inserts the story row (not its search entry) and returns its id.
    private func insert(_ db: Database, feedID: FeedID, prepared: PreparedEntry, values: StoryValues,
                        fetchedAt: Date) throws -> Int64 {
        let entry = prepared.entry
        var arguments: StatementArguments = [
            feedID.rawValue, prepared.identity, prepared.fingerprint,
            NewsCache.sortDate(entry, firstSeen: fetchedAt, fetchedAt: fetchedAt).cacheValue, fetchedAt.cacheValue,
        ]
        arguments += values.row
        let statement: Statement
        if let remote = prepared.remote {
            statement = try db.cachedStatement(sql: Self.insertSyncedStory)
            arguments += [remote.account, remote.remoteID, remote.isRead ?? false, remote.isStarred ?? false]
        } else {
            statement = try db.cachedStatement(sql: Self.insertFeedStory)
        }
        try statement.execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    /// A feed's new story: no account, unread and unstarred (the columns' defaults). Without those four the
    /// statement has 17 arguments, under GRDB's limit of 20 for binding strings in place instead of copying
    /// each one (the body among them, in the single writer's path).
    private static let insertFeedStory = """
        INSERT INTO stories (feed_id, identity, fingerprint, sort_date, first_seen, \(StoryValues.rowColumns))
        VALUES (?, ?, ?, ?, ?, \(StoryValues.rowPlaceholders))
        """
    /// A synced story's insert: `insertFeedStory` with its account, its id there and the server's flags.
    private static let insertSyncedStory = """
        INSERT INTO stories (feed_id, identity, fingerprint, sort_date, first_seen, \(StoryValues.rowColumns),
                             account_id, remote_id, is_read, is_starred)
        VALUES (?, ?, ?, ?, ?, \(StoryValues.rowPlaceholders), ?, ?, ?, ?)
        """

    private func update(_ db: Database, id: Int64, prepared: PreparedEntry, values: StoryValues,
                        firstSeen: Date, fetchedAt: Date) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE stories SET fingerprint = ?, sort_date = ?, link = ?, title = ?, author = ?, published = ?,
                               updated = ?, summary = ?, content = ?, categories = ?, enclosures = ?,
                               comments_url = ?, replies_feed_url = ?,
                               comment_count = CASE WHEN EXISTS (SELECT 1 FROM comment_fetches f
                                   WHERE f.story_id = stories.id AND f.fetched_at IS NOT NULL)
                                   THEN comment_count ELSE ? END
            WHERE id = ?
            """)
        var arguments: StatementArguments = [
            prepared.fingerprint,
            NewsCache.sortDate(prepared.entry, firstSeen: firstSeen, fetchedAt: fetchedAt).cacheValue,
        ]
        arguments += values.row
        arguments += [id]
        try statement.execute(arguments: arguments)
    }

    /// Rewrites the search entry of one story from its stored row (the extracted text, when there is one,
    /// is the body).
    func reindex(_ db: Database, id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT title, summary, content, extracted_text FROM stories WHERE id = ?
            """, arguments: [id]) else { return }
        try db.execute(sql: "DELETE FROM stories_fts WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO stories_fts (rowid, title, body) VALUES (?, ?, ?)", arguments: [
            id, SearchText.title(row["title"]),
            SearchText.body(extracted: row["extracted_text"], content: row["content"], summary: row["summary"]),
        ])
    }

    /// The date a story sorts by: published, else updated, else first seen; see `futureTolerance`.
    static func sortDate(_ entry: FeedEntry, firstSeen: Date, fetchedAt: Date) -> Date {
        let date = entry.published ?? entry.updated ?? firstSeen
        return date.timeIntervalSince(fetchedAt) > futureTolerance ? firstSeen : date
    }

    /// The headline to show: the entry's title, else the start of its summary, else its link.
    static func title(_ entry: FeedEntry) -> String {
        if let title = entry.title.map(SearchText.trimmed), !title.isEmpty {
            return title
        }
        if let summary = entry.summary.map({ SearchText.plainText($0, limit: 80) }), !summary.isEmpty {
            return summary
        }
        return entry.link ?? "Untitled"
    }

    /// A stable hash of everything stored from an entry, to tell "changed" from "unchanged" in one compare.
    static func fingerprint(_ entry: FeedEntry) -> Int64 {
        var hasher = StableHasher()
        hasher.combine(entry.title)
        hasher.combine(entry.link)
        hasher.combine(entry.author)
        hasher.combine(entry.published?.timeIntervalSince1970)
        hasher.combine(entry.updated?.timeIntervalSince1970)
        hasher.combine(entry.summary)
        hasher.combine(entry.content)
        for category in entry.categories { hasher.combine(category) }
        hasher.combine(entry.categories.count)
        for enclosure in entry.enclosures {
            hasher.combine(enclosure.url); hasher.combine(enclosure.type)
            hasher.combine(enclosure.length.map { Int($0) })
        }
        hasher.combine(entry.enclosures.count)
        hasher.combine(entry.commentsURL)
        hasher.combine(entry.repliesFeedURL)
        hasher.combine(entry.commentCount)
        return hasher.value
    }
}

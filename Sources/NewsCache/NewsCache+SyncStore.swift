import Foundation
import GRDB
import NewsModel

/// A story from a sync server as the engine hands it to the cache: the entry (its `id` is the server's id),
/// its feed there, and the flags to store.
public struct SyncedStory: Sendable {
    public var entry: FeedEntry
    public var feedRemoteID: String
    /// The feed's title as the story carries it, for a feed the subscription list did not have.
    public var feedTitle: String?
    /// The server's flags; nil leaves the stored flag (a local mark that wins), and a new story unread or
    /// not starred.
    public var isRead: Bool?
    public var isStarred: Bool?

    public init(entry: FeedEntry, feedRemoteID: String, feedTitle: String? = nil, isRead: Bool?, isStarred: Bool?) {
        self.entry = entry; self.feedRemoteID = feedRemoteID; self.feedTitle = feedTitle
        self.isRead = isRead; self.isStarred = isStarred
    }
}

/// Synced stories made ready to store by `NewsCache.prepareSynced`: identities, fingerprints and search
/// text computed on the caller's task, so the writer runs SQL only.
public struct PreparedSyncedStories: Sendable {
    struct Group: Sendable {
        let feedRemoteID: String
        let feedTitle: String?
        /// The feed's id when it existed at preparation; nil: made when stored.
        let feedID: FeedID?
        let entries: [PreparedEntry]
    }

    let groups: [Group]
    /// Stories in all groups.
    public var count: Int { groups.reduce(0) { $0 + $1.entries.count } }
}

/// What `NewsCache.storeSynced` did.
public struct SyncedStoreSummary: Sendable, Equatable {
    public var inserted = 0
    /// Stories the server now files under another feed, moved there.
    public var moved = 0
    /// Feeds made for stories whose feed the subscription list did not have, by remote id.
    public var newFeeds: [String: FeedID] = [:]
    public init() {}
}

extension NewsCache {
    /// Prepares `stories` of `account` for `storeSynced`, off the writer. `feeds`: the account's feeds by
    /// remote id as the caller knows them.
    public func prepareSynced(_ stories: [SyncedStory], account: Int64, feeds: [String: FeedID]) throws
        -> PreparedSyncedStories {
        var order: [String] = []
        var byFeed: [String: [SyncedStory]] = [:]
        for story in stories {
            if byFeed[story.feedRemoteID] == nil { order.append(story.feedRemoteID) }
            byFeed[story.feedRemoteID, default: []].append(story)
        }
        let groups = try order.map { feedRemoteID in
            let group = byFeed[feedRemoteID] ?? []
            let entries = group.map { story in
                PreparedEntry(entry: story.entry, identity: StoryIdentity.of(story.entry),
                              fingerprint: NewsCache.fingerprint(story.entry),
                              remote: RemoteFields(account: account, remoteID: story.entry.id ?? "",
                                                   isRead: story.isRead, isStarred: story.isStarred))
            }
            return PreparedSyncedStories.Group(feedRemoteID: feedRemoteID, feedTitle: group.first?.feedTitle,
                                               feedID: feeds[feedRemoteID],
                                               entries: try derive(entries, feedID: feeds[feedRemoteID]))
        }
        return PreparedSyncedStories(groups: groups)
    }

    /// Stores prepared synced stories in one transaction, as a refresh stores a feed's document: new stories
    /// are inserted with their account, server id and flags; stored ones are updated and get the server's
    /// flags (a nil flag leaves the stored one); a story the server now files under another feed is moved
    /// there, keeping its id and marks. Feeds missing from the subscription list are made from the stories.
    /// Queues no mark.
    @discardableResult
    public func storeSynced(_ prepared: PreparedSyncedStories, account: Int64, accountName: String,
                            fetchedAt: Date) throws -> SyncedStoreSummary {
        try write { db in
            let marksBefore = try NewsCache.lastMark(db)
            var summary = SyncedStoreSummary()
            let find = try db.cachedStatement(sql: """
                SELECT id, feed_id, is_read FROM stories WHERE account_id = ? AND remote_id = ?
                """)
            // The stored ones among the batch, looked up a few hundred at a time rather than one by one (a
            // first sync finds none of its ten thousand); an id met twice is looked up again, as it may have
            // been stored or moved by its first appearance.
            let found = try Self.storedSyncedStories(db, account: account,
                                                     remoteIDs: prepared.groups.flatMap { $0.entries.compactMap(\.remote?.remoteID) })
            var met = Set<String>()
            let setFlags = try db.cachedStatement(sql: """
                UPDATE stories SET is_read = coalesce(?, is_read), is_starred = coalesce(?, is_starred)
                WHERE id = ? AND (is_read <> coalesce(?, is_read) OR is_starred <> coalesce(?, is_starred))
                """)
            for group in prepared.groups {
                let feedID: FeedID
                if let known = group.feedID {
                    feedID = known
                } else {
                    feedID = FeedID(try NewsCache.syncedFeed(db, account: account, accountName: accountName,
                                                             remoteID: group.feedRemoteID,
                                                             title: group.feedTitle ?? group.feedRemoteID, siteURL: nil))
                    summary.newFeeds[group.feedRemoteID] = feedID
                }
                var stored: [(id: Int64, remote: RemoteFields)] = []
                for entry in group.entries {
                    guard let remote = entry.remote else { continue }
                    let story: StoredSyncedStory?
                    if met.insert(remote.remoteID).inserted {
                        story = found[remote.remoteID]
                    } else {
                        story = try Row.fetchOne(find, arguments: [account, remote.remoteID]).map {
                            StoredSyncedStory(id: $0["id"], feed: $0["feed_id"], isRead: $0["is_read"])
                        }
                    }
                    guard let story else { continue }
                    if story.feed != feedID.rawValue {
                        try Self.move(db, story: story.id, from: story.feed, to: feedID.rawValue, isUnread: !story.isRead)
                        summary.moved += 1
                    }
                    stored.append((story.id, remote))
                }
                let document = PreparedDocument(title: nil, link: nil, entries: group.entries)
                summary.inserted += try apply(document, feedID: feedID, fetchedAt: fetchedAt, fetch: nil, db).inserted
                for (id, remote) in stored where remote.isRead != nil || remote.isStarred != nil {
                    try setFlags.execute(arguments: [remote.isRead, remote.isStarred, id, remote.isRead, remote.isStarred])
                }
            }
            try db.execute(sql: "DELETE FROM sync_marks WHERE id > ?", arguments: [marksBefore])
            return summary
        }
    }

    /// Stores the server's stories of one known feed (`entries[i].id` is the remote id) with their states:
    /// `prepareSynced` and `storeSynced` in one call, for a caller holding one feed's stories.
    @discardableResult
    public func storeSynced(_ entries: [FeedEntry], states: [String: RemoteStoryState], feedID: FeedID,
                            account: Int64, fetchedAt: Date) throws -> SyncedStoreSummary {
        let prepared = entries.map { entry in
            PreparedEntry(entry: entry, identity: StoryIdentity.of(entry), fingerprint: NewsCache.fingerprint(entry),
                          remote: RemoteFields(account: account, remoteID: entry.id ?? "",
                                               isRead: states[entry.id ?? ""]?.isRead,
                                               isStarred: states[entry.id ?? ""]?.isStarred))
        }
        let group = PreparedSyncedStories.Group(feedRemoteID: "", feedTitle: nil, feedID: feedID,
                                                entries: try derive(prepared, feedID: feedID))
        return try storeSynced(PreparedSyncedStories(groups: [group]), account: account, accountName: "",
                               fetchedAt: fetchedAt)
    }

    /// A stored story of an account, as `storeSynced` needs it.
    struct StoredSyncedStory {
        var id: Int64
        var feed: Int64
        var isRead: Bool
    }

    /// The account's stored stories among `remoteIDs`, by remote id, asked for 500 at a time.
    static func storedSyncedStories(_ db: Database, account: Int64, remoteIDs: [String]) throws
        -> [String: StoredSyncedStory] {
        var found: [String: StoredSyncedStory] = [:]
        for start in stride(from: 0, to: remoteIDs.count, by: 500) {
            let chunk = remoteIDs[start..<min(remoteIDs.count, start + 500)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            var arguments: [(any DatabaseValueConvertible)?] = [account]
            arguments += chunk.map { $0 as (any DatabaseValueConvertible)? }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT remote_id, id, feed_id, is_read FROM stories WHERE account_id = ? AND remote_id IN (\(marks))
                """, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                found[row[0]] = StoredSyncedStory(id: row[1], feed: row[2], isRead: row[3])
            }
        }
        return found
    }

    /// Moves a story to another feed of its account with its id, flags, comments and search entry; the
    /// feeds' counters follow (no trigger watches `feed_id`).
    private static func move(_ db: Database, story: Int64, from old: Int64, to new: Int64, isUnread: Bool) throws {
        try db.execute(sql: "UPDATE stories SET feed_id = ? WHERE id = ?", arguments: [new, story])
        let unread = isUnread ? 1 : 0
        try db.execute(sql: "UPDATE feeds SET total_count = total_count - 1, unread_count = unread_count - ? WHERE id = ?",
                       arguments: [unread, old])
        try db.execute(sql: "UPDATE feeds SET total_count = total_count + 1, unread_count = unread_count + ? WHERE id = ?",
                       arguments: [unread, new])
    }
}

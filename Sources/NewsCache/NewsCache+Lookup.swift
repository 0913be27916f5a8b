import GRDB
import NewsModel

extension NewsCache {
    /// The id under which `entry` of `feedID` is stored (by the same identity rule `store` uses), or nil.
    /// Lets a caller attach comments to a story it has just stored.
    public func storyID(feedID: FeedID, entry: FeedEntry) throws -> StoryID? {
        let identity = StoryIdentity.of(entry)
        let rowID: Int64? = try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM stories WHERE feed_id = ? AND identity = ?",
                               arguments: [feedID.rawValue, identity])
        }
        return rowID.map { StoryID($0) }
    }
}

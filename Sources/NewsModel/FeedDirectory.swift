/// What the feed list is built from: every subscription with its counts, the tags in use, the starred
/// counts and the sync accounts' states, as the cache answers them in one read (a refresh storing
/// meanwhile cannot make them disagree).
public struct FeedDirectory: Sendable, Equatable {
    public var feeds: [Feed]
    public var tags: [String]
    public var starred: Int
    public var starredUnread: Int
    /// Every sync account the cache knows, by name; a feed's `account` names one of them.
    public var accounts: [SyncAccountStatus]
    /// Why the store could not answer, if it could not (set by the reader's runtime, never by the cache).
    public var failure: String?
    public init(feeds: [Feed], tags: [String], starred: Int, starredUnread: Int, accounts: [SyncAccountStatus] = [],
                failure: String? = nil) {
        self.feeds = feeds; self.tags = tags; self.starred = starred; self.starredUnread = starredUnread
        self.accounts = accounts; self.failure = failure
    }
}

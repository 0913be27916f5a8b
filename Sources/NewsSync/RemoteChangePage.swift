import NewsModel

/// Where a sync left off, as the service wrote it (a time, an entry id...); stored per account and given
/// back to the next `changes(since:cursor:)`. Only the service that made it reads it.
public struct SyncPoint: Sendable, Equatable, Hashable {
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// One page of changes from a server.
///
/// Protocols that send whole entries (Miniflux, TT-RSS) fill `stories`; the Google Reader API sends ids
/// with their states (`states`), and the engine asks `contents` for those the cache lacks. A page may have
/// both.
public struct RemoteChangePage: Sendable, Equatable {
    public var stories: [RemoteStory]
    public var states: [RemoteStoryState]
    /// The cursor of the next page; nil on the last page.
    public var next: String?
    /// On the last page: where the next sync starts.
    public var syncPoint: SyncPoint?
    /// Set when `states` over all pages list every unread and every starred story of the account (the
    /// Google Reader pattern: the ids of all unread and all starred items): a stored story of the account
    /// not listed unread is read, and one not listed starred is not starred.
    public var listsAllUnreadAndStarred: Bool
    /// With `listsAllUnreadAndStarred`, when only some feeds' unread stories were listed (their counts
    /// moved): those feeds' remote ids; nil when every feed's were.
    public var unreadListedFeeds: Set<String>?

    public init(stories: [RemoteStory] = [], states: [RemoteStoryState] = [], next: String? = nil,
                syncPoint: SyncPoint? = nil, listsAllUnreadAndStarred: Bool = false) {
        self.stories = stories; self.states = states; self.next = next; self.syncPoint = syncPoint
        self.listsAllUnreadAndStarred = listsAllUnreadAndStarred
    }
}

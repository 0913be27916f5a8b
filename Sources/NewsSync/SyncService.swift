import NewsModel

/// What Gazette asks of an aggregator server, whatever its protocol (Google Reader API, Miniflux, Tiny Tiny
/// RSS). `SyncEngine` drives one service per account:
///
/// 1. `logIn()`; every later call may log in again once by itself when the server says the session expired;
/// 2. `subscriptions()`: the server's feeds with their labels;
/// 3. `changes(since:cursor:)` page after page until `next` is nil: the stories changed since the last sync
///    point, whole (`stories`) or as bare states (`states`) whose contents the engine then asks for;
/// 4. `contents(_:)` for the ids the cache lacks, at most `contentBatchSize` at a time;
/// 5. `send(_:)` with the local marks not sent yet, at most `markBatchSize` at a time.
///
/// Services hold their session (token) between calls and are used by one sync at a time.
public protocol SyncService: Sendable {
    /// Ids asked for in one `contents` call.
    var contentBatchSize: Int { get }
    /// Marks sent in one `send` call.
    var markBatchSize: Int { get }

    /// Authenticates with the account's user and password; `SyncError.wrongPassword` when refused.
    func logIn() async throws(SyncError)

    /// Every subscription on the server.
    func subscriptions() async throws(SyncError) -> [RemoteSubscription]

    /// What the cache holds of the account, given before the first `changes` call, for a protocol that can
    /// skip work with it (Tiny Tiny RSS lists unread articles only of feeds whose counts moved).
    func useLocalState(_ state: LocalSyncState) async

    /// One page of what changed since `point` (nil: the first sync); `cursor` is the previous page's `next`.
    func changes(since point: SyncPoint?, cursor: String?) async throws(SyncError) -> RemoteChangePage

    /// The stories with these ids (unknown ids are left out).
    func contents(_ ids: [String]) async throws(SyncError) -> [RemoteStory]

    /// Applies local marks on the server. Throws when any could not be sent: the engine keeps them all
    /// queued and sends them again next time (marks are idempotent).
    func send(_ marks: [RemoteMark]) async throws(SyncError)
}

extension SyncService {
    /// Most protocols need nothing of the cache to page their changes.
    public func useLocalState(_ state: LocalSyncState) async {}
}

/// What the cache holds of an account, for `SyncService.useLocalState`.
public struct LocalSyncState: Sendable, Equatable {
    /// Unread stories stored per feed, by the feed's remote id.
    public var unreadByFeed: [String: Int]
    public init(unreadByFeed: [String: Int]) { self.unreadByFeed = unreadByFeed }
}

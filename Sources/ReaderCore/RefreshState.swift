import Foundation
import NewsModel

/// Which feeds a refresh covers.
public enum RefreshScope: Sendable, Equatable, Hashable {
    /// Every subscription.
    case all
    /// One feed (the selected story's), with its title for the status bar. A feed of a sync account is
    /// synced with its whole account (the runtime finds out which, and says so in the tally).
    case feed(FeedID, title: String)
    /// One sync account, by name (`r` on an account or one of its feeds in the feed list).
    case account(String)
    /// The subscriptions never fetched yet (new lines of the urls file), at start.
    case unfetched
}

/// One refresh the runtime is asked to run in the background. Its progress and its end come back as
/// `.refreshProgressed(id, …)` and `.refreshFinished(id, …)`.
public struct RefreshRequest: Sendable, Equatable, Hashable {
    public var id: RequestID
    public var scope: RefreshScope
    public init(id: RequestID, scope: RefreshScope) { self.id = id; self.scope = scope }
}

/// Counts of a refresh so far (or at its end), as the status bar shows them.
public struct RefreshTally: Sendable, Equatable, Hashable {
    public var done: Int
    public var total: Int
    public var newStories: Int
    public var errors: Int
    /// The first failure in words (`Feed title: 404 Not Found`), so a lone error can be named.
    public var firstError: String?
    /// The sync account a one-feed refresh turned into a sync of (the feed comes through it).
    public var syncedAccount: String?
    /// Of `total`, how many were sync accounts rather than feeds.
    public var accounts: Int
    /// The feeds are done and the accounts are being synced (progress only).
    public var isSyncingAccounts = false
    public init(done: Int, total: Int, newStories: Int = 0, errors: Int = 0, firstError: String? = nil,
                syncedAccount: String? = nil, accounts: Int = 0) {
        self.done = done; self.total = total; self.newStories = newStories; self.errors = errors
        self.firstError = firstError; self.syncedAccount = syncedAccount; self.accounts = accounts
    }
}

/// The reader's side of refreshing: whether it can, what is running, and when new stories were last
/// pulled into the headline window.
public struct RefreshState: Sendable, Equatable {
    /// Why `r`/`R` cannot refresh in this session (the sample edition, a read-only cache, no network
    /// part wired in); nil when they can.
    public var unavailableReason: String?
    /// Whether the reader fetches never-fetched subscriptions as it starts (set by the runtime when it
    /// can refresh).
    public var fetchesNewSubscriptionsOnStart = false
    /// Whether the reader brings the cache in line with the urls file after its first frame (set by the
    /// runtime when it has subscriptions to apply); the start-up fetch waits for it.
    public var appliesSubscriptionsOnStart = false
    /// That update while it runs.
    public var updatingSubscriptions: RequestID?
    /// The refresh running now.
    public var running: RefreshRequest?
    /// Its counts as last reported.
    public var progress: RefreshTally?
    /// New stories already pulled into the list during the running refresh, and when, so reloads during a
    /// long refresh stay rare.
    var reloadedNewStories = 0
    var lastReloadAt: Date?

    public init(unavailableReason: String? = nil) { self.unavailableReason = unavailableReason }

    /// `refreshing 37/120` (or `refreshing MercoPress…` for one feed) while a refresh runs.
    public var statusText: String? {
        guard let running else {
            return updatingSubscriptions == nil ? nil : "updating subscriptions from the urls file…"
        }
        switch running.scope {
        case .all:
            guard let tally = progress else { return "refreshing…" }
            let new = tally.newStories > 0 ? ", \(tally.newStories) new" : ""
            if tally.isSyncingAccounts { return "refreshed \(tally.done)/\(tally.total)\(new); syncing accounts…" }
            return "refreshing \(tally.done)/\(tally.total)\(new)"
        case .feed(_, let title):
            if let account = progress?.syncedAccount { return "syncing account \(account) (for \(title))…" }
            return "refreshing \(title)…"
        case .account(let name):
            return "syncing account \(name)…"
        case .unfetched:
            guard let tally = progress else { return "fetching new subscriptions…" }
            if tally.isSyncingAccounts {
                return tally.total == 0 ? "syncing accounts…" : "fetched \(tally.done)/\(tally.total) new subscriptions; syncing accounts…"
            }
            return "fetching new subscriptions \(tally.done)/\(tally.total)"
        }
    }

    /// `refreshed 3 feeds and synced 2 accounts`; only `synced 1 account` when no feed was refreshed (at
    /// start every account is synced, even when no subscription is new).
    private static func refreshedAndSynced(_ tally: RefreshTally, feeds noun: String) -> String {
        let feeds = tally.total - tally.accounts
        let synced = "synced " + (tally.accounts == 1 ? "1 account" : "\(tally.accounts) accounts")
        if feeds == 0 && tally.accounts > 0 { return synced }
        let refreshed = "refreshed " + (feeds == 1 ? "1 \(noun)" : "\(feeds) \(noun)s")
        return tally.accounts > 0 ? refreshed + " and " + synced : refreshed
    }

    /// The closing line: `refreshed 120 feeds: 34 new, 2 errors`; `synced account home: 3 new` for an
    /// account.
    static func summary(of tally: RefreshTally, scope: RefreshScope) -> String {
        var text: String
        switch scope {
        case .all: text = refreshedAndSynced(tally, feeds: "feed")
        case .feed(_, let title):
            text = tally.syncedAccount.map { "synced account \($0) (for \(title))" } ?? "refreshed \(title)"
        case .account(let name): text = "synced account \(name)"
        case .unfetched: text = refreshedAndSynced(tally, feeds: "new subscription")
        }
        text += ": \(tally.newStories) new"
        if tally.errors > 0 { text += ", \(tally.errors == 1 ? "1 error" : "\(tally.errors) errors")" }
        if let first = tally.firstError { text += tally.errors > 1 ? " (first: \(first))" : " (\(first))" }
        return text
    }
}

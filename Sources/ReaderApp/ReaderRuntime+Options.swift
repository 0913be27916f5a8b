import NewsModel
import NewsSources
import ReaderCore

/// How the reader refreshes: the refresher (nil: no network part, e.g. in tests of the panes), the
/// automatic interval, why refreshing is impossible in this session (the sample edition, a read-only
/// cache), which `r`/`R` then say, and how the subscriptions are re-read before each refresh.
public struct RefreshOptions: Sendable {
    public var refresher: (any FeedRefreshing)?
    /// Minutes between automatic refreshes of every feed; 0 turns them off.
    public var intervalMinutes: Int
    public var unavailableReason: String?
    /// Brings the cache's feeds in line with the urls file (the source of truth) before a refresh, so
    /// lines added or removed while the reader runs count; returns the file's problems, for the status bar.
    public var subscriptions: (@Sendable () throws -> [String])?
    /// Fetch the subscriptions never fetched as the reader starts.
    public var fetchesNewOnStart: Bool
    /// Brings the cache in line with the subscriptions read as the reader started; run after the first
    /// frame (before the start-up fetch), so a large urls file does not keep the screen blank. Returns
    /// whether the cache's feeds changed.
    public var applyOnStart: (@Sendable () throws -> Bool)?
    /// Syncs the accounts of config.toml (nil), or the one named; every account after the feeds at start,
    /// by `R` and by the timer; one account by `r` on one of its feeds.
    public var sync: (@Sendable (_ account: String?) async -> SyncOutcome)?

    public init(refresher: (any FeedRefreshing)? = nil, intervalMinutes: Int = 0, unavailableReason: String? = nil,
                subscriptions: (@Sendable () throws -> [String])? = nil, fetchesNewOnStart: Bool = false) {
        self.refresher = refresher; self.intervalMinutes = intervalMinutes; self.unavailableReason = unavailableReason
        self.subscriptions = subscriptions; self.fetchesNewOnStart = fetchesNewOnStart
    }
}

/// What syncing the accounts gave, for the refresh's summary in the status bar.
public struct SyncOutcome: Sendable, Equatable {
    public var accounts: Int
    public var newStories: Int
    /// One line per account that failed (`account NAME could not be reached: …`).
    public var failures: [String]

    public init(accounts: Int, newStories: Int, failures: [String]) {
        self.accounts = accounts; self.newStories = newStories; self.failures = failures
    }

    /// The failure of syncing an account config.toml no longer has (its feeds stay in the cache).
    public static func notConfigured(_ name: String) -> String {
        "account \(name) is not in config.toml ([[sync]]): its feeds cannot be synced"
    }
}

/// Reader mode in the reader: which stories to extract, and the fetcher for their pages (the feeds'
/// `FetchPolicy`: same limits, timeouts and user agent). The default extracts nothing and has no fetcher
/// (`x` then answers that pages cannot be fetched here).
public struct ExtractionOptions: Sendable {
    public var policy: ExtractPolicy
    public var pages: PageFetcher?

    public init(policy: ExtractPolicy = ExtractPolicy(defaultMode: .never), pages: PageFetcher? = nil) {
        self.policy = policy; self.pages = pages
    }
}

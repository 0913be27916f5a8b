import NewsModel

/// What the reader needs to refresh feeds in the background; `Refresher` is the real one.
public protocol FeedRefreshing: Sendable {
    /// Refreshes `feeds`, calling `progress` after each one (from any thread), and reports how it went.
    func refresh(_ feeds: [Feed], force: Bool, progress: (@Sendable (RefreshProgress) -> Void)?) async
        -> RefreshReport
}

extension Refresher: FeedRefreshing {}

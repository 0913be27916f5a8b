import NewsCache
import NewsModel
import NewsSources

/// Brings the cache's feeds in line with the subscriptions file, which is the source of truth: new lines
/// are added, changed tags and titles updated, and feeds no longer listed removed (with their stories).
public enum SubscriptionSync {
    /// What changed.
    public struct Changes: Sendable, Equatable {
        public var added: [String] = []
        public var removed: [String] = []
        /// Feeds kept whose tags or title changed.
        public var updated: [String] = []

        /// Whether the cache's feeds changed at all.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && updated.isEmpty }
    }

    /// Reads `file` and applies its subscriptions to `cache`; returns the file's problems in words.
    public static func apply(file: SubscriptionsFile, to cache: NewsCache) throws -> [String] {
        let (subscriptions, problems) = try file.load()
        try apply(subscriptions, to: cache)
        return problems.map { "\(file.path): \($0)" }
    }

    /// Applies `subscriptions` to `cache`; the sample edition's feeds and those of sync accounts are never touched.
    @discardableResult
    public static func apply(_ subscriptions: [Subscription], to cache: NewsCache) throws -> Changes {
        var changes = Changes()
        let existing = try cache.feeds()
        let known = Dictionary(existing.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let wanted = Set(subscriptions.map(\.url))
        var writes: [FeedSubscription] = []
        for subscription in subscriptions {
            if let feed = known[subscription.url] {
                // Unchanged lines cost nothing: the reader starts without a write per subscription.
                let sameTitle = subscription.title == nil || subscription.title == feed.title
                if sameTitle && Set(feed.tags) == Set(subscription.tags) { continue }
                changes.updated.append(subscription.url)
            } else {
                changes.added.append(subscription.url)
            }
            writes.append(FeedSubscription(url: subscription.url, kind: subscription.kind, title: subscription.title,
                                           tags: subscription.tags))
        }
        // All of it in one transaction each (a large import's first start wrote one per line).
        try cache.addFeeds(writes)
        let dropped = existing.filter { $0.kind != .sample && $0.kind != .synced && !wanted.contains($0.url) }
        try cache.removeFeeds(dropped.map(\.id))
        changes.removed = dropped.map(\.url)
        return changes
    }
}

import Foundation
import GRDB
@testable import NewsCache
import NewsModel
import NewsSources
import Testing
@testable import ReaderApp

@Suite("The cache follows the urls file")
struct SubscriptionSyncTests {
    @Test("New lines are added, changed tags and titles applied, unchanged lines left alone, dropped lines removed")
    func sync() throws {
        let (cache, dir) = try RefresherTests.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = Subscription(url: "https://a.example/feed", tags: ["news"])
        let b = Subscription(url: "https://b.example/feed", title: "Bee")
        #expect(try SubscriptionSync.apply([a, b], to: cache).added == [a.url, b.url])
        #expect(try SubscriptionSync.apply([a, b], to: cache) == SubscriptionSync.Changes())

        let retagged = Subscription(url: a.url, tags: ["news", "world"])
        let renamed = Subscription(url: b.url, title: "Bumblebee")
        #expect(try SubscriptionSync.apply([retagged, renamed], to: cache) == SubscriptionSync.Changes(updated: [a.url, b.url]))
        let feeds = Dictionary(uniqueKeysWithValues: try cache.feeds().map { ($0.url, $0) })
        #expect(Set(feeds[a.url]?.tags ?? []) == ["news", "world"])
        #expect(feeds[b.url]?.title == "Bumblebee")

        #expect(try SubscriptionSync.apply([retagged], to: cache).removed == [b.url])
        #expect(try cache.feeds().map(\.url) == [a.url])
    }

    @Test("A large urls file is applied in one transaction, and so are the removals, not one per line")
    func oneTransaction() throws {
        let (cache, dir) = try RefresherTests.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let counter = CommitCounter()
        cache.pool.add(transactionObserver: counter, extent: .observerLifetime)
        let subscriptions = (0..<3000).map {
            Subscription(url: "https://example.org/feed/\($0).xml", tags: ["tag\($0 % 7)"],
                         title: $0 % 2 == 0 ? "Feed \($0)" : nil)
        }
        #expect(try SubscriptionSync.apply(subscriptions, to: cache).added.count == 3000)
        #expect(counter.commits == 1, "\(counter.commits) transactions for 3,000 new subscriptions")
        let feeds = try cache.feeds()
        #expect(feeds.count == 3000)
        #expect(feeds.first { $0.url.hasSuffix("/feed/10.xml") }?.title == "Feed 10")
        #expect(feeds.first { $0.url.hasSuffix("/feed/11.xml") }?.tags == ["tag4"])

        let before = counter.commits
        #expect(try SubscriptionSync.apply(Array(subscriptions.prefix(1000)), to: cache).removed.count == 2000)
        #expect(counter.commits - before == 1, "\(counter.commits - before) transactions for 2,000 removals")
        #expect(try cache.feeds().count == 1000)
    }
}

/// Counts the transactions committed on a database.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    // @unchecked Sendable: SQLite calls it on the writer's queue only, and the test reads it after the writes.
    var commits = 0
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { commits += 1 }
    func databaseDidRollback(_ db: Database) {}
}

@Suite("Sync accounts' feeds beside the urls file")
struct SyncedFeedsBesideUrlsFileTests {
    @Test("Feeds of a sync account stay when the urls file does not list them, and the refresher skips them")
    func syncedFeedsStay() async throws {
        let (cache, dir) = try RefresherTests.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let account = try cache.syncAccount(name: "home", kind: "greader", url: "https://rss.example/api/greader.php")
        try cache.applySubscriptions([RemoteSubscription(remoteID: "feed/1", feedURL: "https://a.example/feed",
                                                         title: "Synced", labels: ["tech"])],
                                     account: account.id, accountName: "home")
        let local = Subscription(url: "https://b.example/feed")
        #expect(try SubscriptionSync.apply([local], to: cache).removed.isEmpty)
        let feeds = try cache.feeds()
        #expect(feeds.map(\.title).sorted() == ["Synced", local.url])
        let report = await Refresher(cache: cache, policy: FetchPolicy(timeoutSeconds: 1))
            .refresh(feeds.filter { $0.kind == .synced })
        #expect(report.outcomes.isEmpty)
    }
}

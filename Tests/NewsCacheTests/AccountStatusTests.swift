import Foundation
import NewsModel
@testable import NewsCache
import Testing

/// What the cache says of sync accounts: each feed's account, and each account's last outcome, in the
/// feed directory's one read.
@Suite("sync accounts in the feed directory")
struct AccountStatusTests {
    @Test("synced feeds name their account; the directory holds each account's outcome and queued marks")
    func directoryHasAccounts() throws {
        let directory = try TemporaryDirectory()
        let (cache, local) = try cacheWithFeed(directory, stories: 2)
        let home = try cache.syncAccount(name: "home", kind: "greader", url: "https://rss.example/api/greader.php")
        let flux = try cache.syncAccount(name: "flux", kind: "miniflux", url: "https://flux.example")
        let feeds = try cache.applySubscriptions([RemoteSubscription(remoteID: "feed/1", feedURL: "https://a.example/rss",
                                                                     title: "Harbour news")],
                                                 account: home.id, accountName: "home")
        let harbour = try #require(feeds["feed/1"])
        try cache.storeSynced(entries(3, prefix: "h"), states: [
            "h-0": RemoteStoryState(remoteID: "h-0", isRead: false, isStarred: false),
            "h-1": RemoteStoryState(remoteID: "h-1", isRead: false, isStarred: false),
        ], feedID: harbour, account: home.id, fetchedAt: referenceDate)
        try cache.recordSync(account: home.id, point: "p1", error: nil, retryAfter: nil, at: referenceDate)
        let story = try #require(try cache.syncedStory(account: "home", remoteID: "h-0"))
        try cache.setStarred(story, true)
        let later = referenceDate.addingTimeInterval(60)
        try cache.recordSync(account: flux.id, point: nil, error: "the server answered HTTP 503 (busy)", problem: .busy,
                             retryAfter: later.addingTimeInterval(300), at: later)

        let listed = try cache.feedDirectory()
        #expect(listed.feeds.first { $0.id == local }?.account == nil)
        #expect(listed.feeds.first { $0.id == harbour }?.account == "home")
        #expect(listed.feeds == (try cache.feeds()))
        #expect(listed.accounts == [
            SyncAccountStatus(name: "flux", kind: "miniflux", lastAttempt: later,
                              lastError: "the server answered HTTP 503 (busy)", problem: .busy,
                              retryAfter: later.addingTimeInterval(300)),
            SyncAccountStatus(name: "home", kind: "greader", lastSynced: referenceDate, lastAttempt: referenceDate,
                              queuedMarks: 1),
        ])
        #expect(try cache.accountStatuses() == listed.accounts)

        // A sync that works again clears the failure and its kind.
        try cache.recordSync(account: flux.id, point: "p2", error: nil, retryAfter: nil, at: later.addingTimeInterval(400))
        let fixed = try #require(try cache.accountStatuses().first { $0.name == "flux" })
        #expect(fixed.lastError == nil && fixed.problem == nil && fixed.retryAfter == nil && !fixed.isFailing)
        #expect(fixed.lastSynced == later.addingTimeInterval(400))
    }

    @Test("an account's view lists, counts, pages and marks the stories of all its feeds, and only those")
    func accountScope() throws {
        let directory = try TemporaryDirectory()
        let (cache, local) = try cacheWithFeed(directory, stories: 4)
        let home = try cache.syncAccount(name: "home", kind: "greader", url: "https://rss.example/api/greader.php")
        let flux = try cache.syncAccount(name: "flux", kind: "miniflux", url: "https://flux.example")
        let feeds = try cache.applySubscriptions([
            RemoteSubscription(remoteID: "feed/1", feedURL: "https://a.example/rss", title: "Harbour news"),
            RemoteSubscription(remoteID: "feed/2", feedURL: "https://b.example/rss", title: "Port notes"),
        ], account: home.id, accountName: "home")
        let other = try cache.applySubscriptions([RemoteSubscription(remoteID: "9", feedURL: "https://c.example/rss",
                                                                     title: "Elsewhere")],
                                                 account: flux.id, accountName: "flux")
        for (remote, prefix) in [("feed/1", "h"), ("feed/2", "p")] {
            try cache.storeSynced(entries(3, prefix: prefix), states: [:], feedID: try #require(feeds[remote]),
                                  account: home.id, fetchedAt: referenceDate)
        }
        try cache.storeSynced(entries(2, prefix: "f"), states: [:], feedID: try #require(other["9"]), account: flux.id,
                              fetchedAt: referenceDate)

        let query = HeadlineQuery(scope: .account("home"))
        let listed = try walk(cache, query, pageSize: 4)
        #expect(listed.count == 6)
        #expect(Set(listed.map(\.feedID)) == Set([feeds["feed/1"], feeds["feed/2"]].compactMap { $0 }))
        #expect(!listed.contains { $0.feedID == local })
        #expect(zip(listed, listed.dropFirst()).allSatisfy { ($0.date, $0.id) > ($1.date, $1.id) })
        #expect(try cache.count(query) == 6)
        #expect(try cache.position(of: HeadlineCursor(listed[4]), in: query) == 4)
        #expect(try cache.count(HeadlineQuery(scope: .account("nobody"))) == 0)
        #expect(try cache.headlines(HeadlineQuery(scope: .account("nobody")), limit: 5).isEmpty)

        #expect(try cache.markRead(matching: query) == 6)
        #expect(try cache.count(HeadlineQuery(scope: .account("home"), unreadOnly: true)) == 0)
        #expect(try cache.count(HeadlineQuery(scope: .account("flux"), unreadOnly: true)) == 2)
        #expect(try cache.count(HeadlineQuery(scope: .feed(local), unreadOnly: true)) == 4)
    }
}

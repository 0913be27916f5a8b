import Foundation
import NewsModel
@testable import NewsCache
import Testing

/// Storing a sync server's stories: stored ones are found in bulk, moved when the server files them under
/// another feed, and take the server's flags; new ones are inserted.
@Suite("storing synced stories")
struct SyncedStoreTests {
    static func story(_ id: String, feed: String, isRead: Bool?) -> SyncedStory {
        SyncedStory(entry: FeedEntry(id: id, title: "Story \(id)", link: "https://example.org/\(id)",
                                     published: referenceDate, summary: "<p>About \(id)</p>"),
                    feedRemoteID: feed, isRead: isRead, isStarred: nil)
    }

    @Test("a stored story the server files under another feed moves there with its flags, the counters follow")
    func movesBetweenFeeds() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let account = try cache.syncAccount(name: "home", kind: "greader", url: "https://rss.example/api/greader.php").id
        let feeds = try cache.applySubscriptions([
            RemoteSubscription(remoteID: "feed/a", feedURL: "https://a.example/rss", title: "A"),
            RemoteSubscription(remoteID: "feed/b", feedURL: "https://b.example/rss", title: "B"),
        ], account: account, accountName: "home")
        func store(_ stories: [SyncedStory]) throws -> SyncedStoreSummary {
            try cache.storeSynced(cache.prepareSynced(stories, account: account, feeds: feeds), account: account,
                                  accountName: "home", fetchedAt: referenceDate)
        }
        func counts() throws -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: try cache.feeds().filter { $0.kind == .synced }
                .map { ($0.title, [$0.totalCount, $0.unreadCount]) })
        }
        let first = try store((0..<600).map { Self.story("s\($0)", feed: "feed/a", isRead: $0 % 2 == 0) })
        #expect(first.inserted == 600 && first.moved == 0)
        #expect(try counts() == ["A": [600, 300], "B": [0, 0]])

        // Two stored stories move to B (one read, one unread, which the server now calls read); one is new.
        let second = try store([Self.story("s0", feed: "feed/b", isRead: nil), Self.story("s1", feed: "feed/b", isRead: true),
                                Self.story("s599", feed: "feed/a", isRead: false), Self.story("n1", feed: "feed/b", isRead: false)])
        #expect(second.inserted == 1 && second.moved == 2)
        #expect(try counts() == ["A": [598, 299], "B": [3, 1]])
        #expect(try cache.syncedStory(account: "home", remoteID: "s1").flatMap { try cache.story($0) }?.isRead == true)
        #expect(try cache.syncedStory(account: "home", remoteID: "s599").flatMap { try cache.story($0) }?.isRead == false)
        #expect(try cache.queuedMarkCount() == 0)

        // One id twice in one call: found again after its first appearance moved it.
        let twice = try store([Self.story("s2", feed: "feed/b", isRead: nil), Self.story("s2", feed: "feed/a", isRead: nil)])
        #expect(twice.moved == 2 && twice.inserted == 0)
        #expect(try counts() == ["A": [598, 299], "B": [3, 1]])
    }
}

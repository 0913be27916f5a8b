import Foundation
import Testing
import NewsModel
@testable import NewsCache

@Suite("Subscriptions")
struct FeedTests {
    @Test("adding the same URL twice returns the same feed and updates its tags")
    func addIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let first = try cache.addFeed(url: "https://example.org/feed", tags: ["tech"])
        let second = try cache.addFeed(url: "https://example.org/feed", tags: ["news", "world"])
        #expect(first == second)
        #expect(try cache.feeds().count == 1)
        #expect(try cache.feed(first)?.tags == ["news", "world"])
        #expect(try cache.tags() == ["news", "world"])
    }

    @Test("the feed directory is the feeds, the tags and the starred counts, as the separate reads give them")
    func feedDirectory() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 6)
        _ = try cache.addFeed(url: "https://other.example/feed", tags: ["world", "news"])
        let ids = try cache.headlines(HeadlineQuery(scope: .feed(feed)), limit: 3).map(\.id)
        for id in ids { try cache.setStarred(id, true) }
        try cache.setRead(ids[0], true)
        let listed = try cache.feedDirectory()
        #expect(listed.feeds == (try cache.feeds()))
        #expect(listed.tags == ["news", "world"])
        #expect(listed.starred == 3 && listed.starredUnread == 2)
        #expect(listed.failure == nil)
    }

    @Test("feeds list unread and total counts that follow reads, stars and purges")
    func counts() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 10)
        let other = try cache.addFeed(url: "https://other.example/feed")
        try cache.store(FeedDocument(entries: entries(3, prefix: "o")), feedID: other, fetchedAt: referenceDate)
        let ids = try cache.headlines(HeadlineQuery(scope: .feed(feed)), limit: 3).map(\.id)
        for id in ids { try cache.setRead(id, true) }
        try cache.setRead(ids[0], true)  // a second mark must not count twice
        try cache.setRead(ids[1], false)
        let listed = try cache.feeds()
        #expect(listed.map(\.id) == [feed, other])
        #expect(listed[0].unreadCount == 8 && listed[0].totalCount == 10)
        #expect(listed[1].unreadCount == 3 && listed[1].totalCount == 3)
        try cache.setRead([ids[1], ids[2], StoryID(999)], true)
        #expect(try cache.feed(feed)?.unreadCount == 7)
        #expect(try cache.markFeedRead(feed) == 7)
        #expect(try cache.feed(feed)?.unreadCount == 0)
        #expect(try cache.count(HeadlineQuery(unreadOnly: true)) == 3)
    }

    @Test("removing a feed removes its stories, comments and search entries")
    func remove() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 3)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        try cache.storeComments([FetchedComment(remoteID: "1", body: "hi")], for: id)
        try cache.removeFeed(feed)
        #expect(try cache.feeds().isEmpty)
        #expect(try cache.count(HeadlineQuery()) == 0)
        #expect(try cache.comments(for: id).isEmpty)
        #expect(try cache.search("Story", limit: 5).isEmpty)
        #expect(throws: CacheError.unknownFeed(feed)) { try cache.removeFeed(feed) }
    }

    @Test("a failed fetch keeps the validators and records the error; a good one clears it")
    func validators() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        #expect(try cache.feedValidators(feed) == FeedValidators())
        try cache.recordFetch(feedID: feed, etag: "\"abc\"", lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
                              error: nil, at: referenceDate, nextDue: referenceDate.addingTimeInterval(900))
        try cache.recordFetch(feedID: feed, etag: nil, lastModified: nil, error: "server said 503",
                              at: referenceDate.addingTimeInterval(60))
        let failed = try #require(try cache.feedValidators(feed))
        #expect(failed.etag == "\"abc\"" && failed.lastModified == "Tue, 01 Dec 2026 10:00:00 GMT")
        #expect(failed.lastError == "server said 503")
        #expect(failed.lastFetched == referenceDate.addingTimeInterval(60))
        #expect(try cache.feeds()[0].lastError == "server said 503")
        try cache.recordFetch(feedID: feed, etag: "\"def\"", lastModified: nil, error: nil,
                              at: referenceDate.addingTimeInterval(120))
        #expect(try cache.feedValidators(feed)?.etag == "\"def\"")
        #expect(try cache.feeds()[0].lastError == nil)
        #expect(try cache.feedValidators(FeedID(77)) == nil)
    }
}

import Foundation
import Testing
import NewsModel
@testable import NewsCache

@Suite("Storing refreshes")
struct StoreTests {
    @Test("a first refresh inserts every entry and a repeat of it changes nothing")
    func idempotent() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let document = FeedDocument(title: "Example", entries: entries(5))
        #expect(try cache.store(document, feedID: feed, fetchedAt: referenceDate) == StoreSummary(inserted: 5))
        #expect(try cache.store(document, feedID: feed, fetchedAt: referenceDate.addingTimeInterval(600))
                == StoreSummary(unchanged: 5))
        #expect(try cache.count(HeadlineQuery()) == 5)
    }

    @Test("an entry repeated within a feed's first document is stored once, as its later copy, in both store paths")
    func repeatedEntryInFirstDocument() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let early = FeedEntry(id: "twice", title: "Walrus census begins", link: "https://example.org/w",
                              published: referenceDate, summary: "<p>Counting starts on the ice.</p>")
        var late = early
        late.title = "Walrus census ends"
        late.summary = "<p>Counting ends on the shore.</p>"
        let document = FeedDocument(title: "Example", entries: [early, entries(1)[0], late, late])
        let first = try cache.addFeed(url: "https://example.org/first")
        let second = try cache.addFeed(url: "https://example.org/second")
        let expected = StoreSummary(inserted: 2, updated: 1, unchanged: 1)
        // A closure that is not async calls the synchronous store (in an async test the async one is chosen).
        let storeNow = { (feed: FeedID) throws -> StoreSummary in
            try cache.store(document, feedID: feed, fetchedAt: referenceDate)
        }
        #expect(try storeNow(first) == expected)
        #expect(try await cache.store(document, feedID: second, fetchedAt: referenceDate) == expected)
        for feed in [first, second] {
            let titles = try cache.headlines(HeadlineQuery(scope: .feed(feed)), limit: 10).map(\.title)
            #expect(titles.sorted() == ["Story e 0", "Walrus census ends"])
        }
        #expect(try cache.feeds().map(\.totalCount) == [2, 2])
        #expect(try cache.search("shore", limit: 10).count == 2)
        #expect(try cache.search("ice", limit: 10).isEmpty)
        // Stored again, the feed is not empty and each entry is looked up: the earlier copy rewrites the
        // story, the first later copy restores it, the second finds it unchanged.
        #expect(try storeNow(first) == StoreSummary(updated: 2, unchanged: 2))
        #expect(try cache.search("shore", limit: 10).count == 2)
        #expect(try cache.integrityCheck() == ["ok"])
    }

    @Test("storing with a fetch record saves the validators and clears the feed's error in the same write")
    func fetchRecord() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        try cache.recordFetch(feedID: feed, etag: nil, lastModified: nil, error: "HTTP 500", at: referenceDate)
        try cache.store(FeedDocument(entries: entries(2)), feedID: feed, fetchedAt: referenceDate,
                        fetch: FetchRecord(etag: "\"v1\"", lastModified: "Tue, 01 Apr 2025 10:00:00 GMT"))
        let saved = try #require(try cache.feedValidators(feed))
        #expect(saved.etag == "\"v1\"")
        #expect(saved.lastModified == "Tue, 01 Apr 2025 10:00:00 GMT")
        #expect(saved.lastError == nil)
        #expect(saved.lastFetched == referenceDate)
    }

    @Test("an unchanged fetch (304) records its validators and clears the error, leaving the stories alone")
    func unchangedFetch() async throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 3)
        try cache.recordFetch(feedID: feed, etag: nil, lastModified: nil, error: "timed out", at: referenceDate)
        let later = referenceDate.addingTimeInterval(3600)
        try await cache.recordUnchanged(feedID: feed, fetchedAt: later, FetchRecord(etag: "\"v2\"", lastModified: nil))
        let saved = try #require(try cache.feedValidators(feed))
        #expect(saved.etag == "\"v2\"" && saved.lastError == nil && saved.lastFetched == later)
        #expect(try cache.allFeedValidators() == [feed: saved])
        #expect(try cache.count(HeadlineQuery()) == 3)
        await #expect(throws: CacheError.unknownFeed(FeedID(rawValue: 999))) {
            try await cache.recordUnchanged(feedID: FeedID(rawValue: 999), fetchedAt: later,
                                            FetchRecord(etag: nil, lastModified: nil))
        }
    }

    @Test("the asynchronous store used by refreshes inserts, updates and skips like the synchronous one")
    func asyncStore() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let first = try await cache.store(FeedDocument(entries: entries(4)), feedID: feed, fetchedAt: referenceDate)
        #expect(first == StoreSummary(inserted: 4))
        var changed = entries(4)
        changed[0].content = "<p>Now about a zeppelin</p>"
        let second = try await cache.store(FeedDocument(entries: changed), feedID: feed, fetchedAt: referenceDate)
        #expect(second == StoreSummary(updated: 1, unchanged: 3))
        #expect(try cache.search("zeppelin", limit: 5).count == 1)
        let reader = try NewsCache(path: directory.cachePath, access: .readOnly)
        await #expect(throws: CacheError.self) {
            try await reader.store(FeedDocument(entries: entries(1)), feedID: feed, fetchedAt: referenceDate)
        }
    }

    @Test("many feeds stored at once share transactions, and each gets its own summary and counters")
    func concurrentStores() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        var feeds: [FeedID] = []
        for index in 0..<40 { feeds.append(try cache.addFeed(url: "https://example.org/\(index)")) }
        let gone = try cache.addFeed(url: "https://example.org/removed")
        try cache.removeFeed(gone)
        let summaries = try await withThrowingTaskGroup(of: (Int, StoreSummary).self) { group in
            for (index, feed) in feeds.enumerated() {
                group.addTask {
                    let document = FeedDocument(entries: entries(index % 7 + 1, prefix: "f\(index)"))
                    return (index, try await cache.store(document, feedID: feed, fetchedAt: referenceDate,
                                                         fetch: FetchRecord(etag: "e\(index)", lastModified: nil)))
                }
            }
            var found: [Int: StoreSummary] = [:]
            for try await (index, summary) in group { found[index] = summary }
            return found
        }
        await #expect(throws: CacheError.unknownFeed(gone)) {
            try await cache.store(FeedDocument(entries: entries(2)), feedID: gone, fetchedAt: referenceDate)
        }
        for (index, feed) in feeds.enumerated() {
            #expect(summaries[index] == StoreSummary(inserted: index % 7 + 1))
            #expect(try cache.count(HeadlineQuery(scope: .feed(feed))) == index % 7 + 1)
            #expect(try cache.feedValidators(feed)?.etag == "e\(index)")
        }
        let listed = try cache.feeds()
        let expected: Int = (0..<40).map { $0 % 7 + 1 }.reduce(0, +)
        let total: Int = listed.map(\.totalCount).reduce(0, +)
        #expect(listed.allSatisfy { $0.unreadCount == $0.totalCount && $0.totalCount > 0 })
        #expect(total == expected)
        let hits = try cache.search("story", limit: 500)
        #expect(hits.count == expected)
        #expect(try cache.integrityCheck() == ["ok"])
    }

    @Test("a changed story is updated in place and keeps its id, read and starred marks")
    func updateInPlace() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 3)
        let before = try cache.headlines(HeadlineQuery(), limit: 10)
        let target = try #require(before.first { $0.title == "Story e 1" })
        try cache.setRead(target.id, true)
        try cache.setStarred(target.id, true)
        var changed = entries(3)
        changed[1].title = "Story e 1, corrected"
        changed[1].content = "<p>New body with <b>zeppelin</b></p>"
        let summary = try cache.store(FeedDocument(entries: changed), feedID: feed, fetchedAt: referenceDate)
        #expect(summary == StoreSummary(updated: 1, unchanged: 2))
        let story = try #require(try cache.story(target.id))
        #expect(story.title == "Story e 1, corrected")
        #expect(story.isRead && story.isStarred)
        #expect(story.firstSeen == referenceDate)
        #expect(try cache.search("zeppelin", limit: 5).map(\.headline.id) == [target.id])
    }

    @Test("extracted full text is kept, becomes the indexed body, and survives an unchanged refresh")
    func extractedText() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 2)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        try cache.setExtractedText("<p>The whole article about <i>axolotls</i>.</p>", for: id)
        #expect(try cache.search("axolotl", limit: 5).map(\.headline.id) == [id])
        try cache.store(FeedDocument(entries: entries(2)), feedID: feed, fetchedAt: referenceDate)
        #expect(try cache.story(id)?.extractedText == "<p>The whole article about <i>axolotls</i>.</p>")
        #expect(try cache.search("axolotl", limit: 5).count == 1)
        #expect(throws: CacheError.unknownStory(StoryID(404))) { try cache.setExtractedText("x", for: StoryID(404)) }
    }

    @Test("reader mode: a failure note is kept (and read back) until an article replaces it; the feed URL comes with the story")
    func extractionNote() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 1)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        #expect(try cache.story(id)?.extractionNote == nil)
        #expect(try cache.story(id)?.feedURL != nil)
        try cache.setExtraction(nil, note: "HTTP 404 Not Found", for: id)
        #expect(try cache.story(id)?.extractionNote == "HTTP 404 Not Found")
        #expect(try cache.story(id)?.extractedText == nil)
        try cache.setExtraction("<p>The pier story about <i>lampreys</i>.</p>", note: nil, for: id)
        let story = try #require(try cache.story(id))
        #expect(story.extractionNote == nil)
        #expect(story.extractedText == "<p>The pier story about <i>lampreys</i>.</p>")
        #expect(try cache.search("lamprey", limit: 5).map(\.headline.id) == [id])
        #expect(throws: CacheError.unknownStory(StoryID(404))) { try cache.setExtraction(nil, note: "x", for: StoryID(404)) }
    }

    @Test("stories that drop out of the feed stay in the cache")
    func droppedStoriesStay() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 4)
        try cache.store(FeedDocument(entries: Array(entries(6).suffix(2))), feedID: feed, fetchedAt: referenceDate)
        #expect(try cache.count(HeadlineQuery(scope: .feed(feed))) == 6)
    }

    @Test("read and starred marks survive any number of refreshes")
    func marksSurviveRefresh() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 3)
        let ids = try cache.headlines(HeadlineQuery(), limit: 10).map(\.id)
        for id in ids { try cache.setRead(id, true) }
        try cache.setStarred(ids[0], true)
        for round in 0..<3 {
            var changed = entries(3)
            changed[0].summary = "round \(round)"
            try cache.store(FeedDocument(entries: changed), feedID: feed, fetchedAt: referenceDate)
        }
        let rows = try cache.headlines(HeadlineQuery(), limit: 10)
        #expect(rows.allSatisfy { $0.isRead })
        #expect(rows.filter(\.isStarred).map(\.id) == [ids[0]])
        #expect(try cache.feed(feed)?.unreadCount == 0)
    }

    @Test("an entry without an id is recognised by its link without utm parameters")
    func identityByLink() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let first = FeedEntry(title: "A", link: "https://example.org/a?utm_source=rss&page=2#top")
        let second = FeedEntry(title: "A (updated)", link: "https://example.org/a?page=2&utm_medium=feed")
        try cache.store(FeedDocument(entries: [first]), feedID: feed, fetchedAt: referenceDate)
        let summary = try cache.store(FeedDocument(entries: [second]), feedID: feed, fetchedAt: referenceDate)
        #expect(summary == StoreSummary(updated: 1))
        #expect(StoryIdentity.of(first) == "link:https://example.org/a?page=2")
    }

    @Test("an entry with neither id nor link is recognised by a stable hash of its content")
    func identityByHash() throws {
        let entry = FeedEntry(title: "Untitled thoughts", published: referenceDate, summary: "text")
        let identity = StoryIdentity.of(entry)
        #expect(identity.hasPrefix("hash:"))
        #expect(identity == StoryIdentity.of(entry))
        #expect(identity != StoryIdentity.of(FeedEntry(title: "Other", published: referenceDate, summary: "text")))
        #expect(StoryIdentity.of(FeedEntry(id: "  tag:x,2026:1 ", link: "https://x")) == "id:tag:x,2026:1")
    }

    @Test("the same entry id in two feeds makes two stories")
    func identityIsPerFeed() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let one = try cache.addFeed(url: "https://one.example/feed")
        let two = try cache.addFeed(url: "https://two.example/feed")
        try cache.store(FeedDocument(entries: entries(2)), feedID: one, fetchedAt: referenceDate)
        try cache.store(FeedDocument(entries: entries(2)), feedID: two, fetchedAt: referenceDate)
        #expect(try cache.count(HeadlineQuery()) == 4)
    }

    @Test("the feed takes its title and site from the document unless the user named it")
    func feedTitle() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let plain = try cache.addFeed(url: "https://one.example/feed")
        let named = try cache.addFeed(url: "https://two.example/feed", title: "My name")
        let document = FeedDocument(title: "Site title", link: "https://one.example/", entries: [])
        try cache.store(document, feedID: plain, fetchedAt: referenceDate)
        try cache.store(document, feedID: named, fetchedAt: referenceDate)
        #expect(try cache.feed(plain)?.title == "Site title")
        #expect(try cache.feed(plain)?.siteURL == "https://one.example/")
        #expect(try cache.feed(named)?.title == "My name")
    }

    @Test("a story dated far in the future sorts by when it was first seen")
    func futureDates() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let entry = FeedEntry(id: "f", title: "From 2099", published: Date(timeIntervalSince1970: 4_070_908_800))
        try cache.store(FeedDocument(entries: [entry]), feedID: feed, fetchedAt: referenceDate)
        #expect(try cache.headlines(HeadlineQuery(), limit: 1).first?.date == referenceDate)
        #expect(try cache.story(cache.headlines(HeadlineQuery(), limit: 1)[0].id)?.published
                == Date(timeIntervalSince1970: 4_070_908_800))
    }

    @Test("an untitled entry is headed by the start of its summary")
    func untitled() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        try cache.store(FeedDocument(entries: [FeedEntry(id: "x", summary: "<p>Just a <i>note</i> &amp; more</p>")]),
                        feedID: feed, fetchedAt: referenceDate)
        #expect(try cache.headlines(HeadlineQuery(), limit: 1).first?.title == "Just a note & more")
    }

    @Test("storing into an unknown feed fails with the feed's id")
    func unknownFeed() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        #expect(throws: CacheError.unknownFeed(FeedID(42))) {
            try cache.store(FeedDocument(entries: entries(1)), feedID: FeedID(42), fetchedAt: referenceDate)
        }
    }

    @Test("a whole story round-trips with its lists and links")
    func storyRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let entry = FeedEntry(id: "r", title: "Round", link: "https://example.org/r", published: referenceDate,
                              updated: referenceDate.addingTimeInterval(5), author: "Ann", summary: "s",
                              content: "<p>c</p>", categories: ["a", "b"],
                              enclosures: [Enclosure(url: "https://example.org/r.mp3", type: "audio/mpeg", length: 9)],
                              commentsURL: "https://example.org/r#c", commentCount: 7,
                              repliesFeedURL: "https://example.org/r/feed")
        try cache.store(FeedDocument(title: "Ex", entries: [entry]), feedID: feed, fetchedAt: referenceDate)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        let story = try #require(try cache.story(id))
        #expect(story.feedTitle == "Ex" && story.author == "Ann" && story.link == entry.link)
        #expect(story.categories == ["a", "b"] && story.enclosures == entry.enclosures)
        #expect(story.updated == entry.updated && story.commentCount == 7)
        #expect(story.commentsURL == entry.commentsURL && story.repliesFeedURL == entry.repliesFeedURL)
        #expect(try cache.story(StoryID(999)) == nil)
    }
}

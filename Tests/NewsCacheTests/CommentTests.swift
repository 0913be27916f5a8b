import Foundation
import Testing
import NewsModel
@testable import NewsCache

@Suite("Comments")
struct CommentTests {
    @Test("a stored thread comes back in order, and storing again replaces it")
    func replaceThread() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 1)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        let thread = [
            FetchedComment(remoteID: "1", author: "ann", date: referenceDate, score: 2, body: "<p>first</p>"),
            FetchedComment(remoteID: "2", parentRemoteID: "1", author: "bob", body: "reply", depth: 1),
            FetchedComment(remoteID: "3", body: "", isDeleted: true),
        ]
        try cache.storeComments(thread, for: id)
        let stored = try cache.comments(for: id)
        #expect(stored.map(\.remoteID) == ["1", "2", "3"])
        #expect(stored.map(\.position) == [0, 1, 2])
        #expect(stored[1].parentRemoteID == "1" && stored[1].depth == 1)
        #expect(stored[0].score == 2 && stored[0].date == referenceDate && stored[2].isDeleted)
        #expect(try cache.story(id)?.commentCount == 2)
        try cache.storeComments([FetchedComment(remoteID: "9", body: "only")], for: id)
        #expect(try cache.comments(for: id).map(\.remoteID) == ["9"])
    }

    @Test("comments for a story that does not exist are refused")
    func unknownStory() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        #expect(throws: CacheError.unknownStory(StoryID(5))) {
            try cache.storeComments([FetchedComment(remoteID: "1", body: "x")], for: StoryID(5))
        }
    }
}

@Suite("Comments: fetch times and visits")
struct CommentFetchTimeTests {
    @Test("A fetched thread records its time; comments keep when they were first seen across fetches")
    func fetchTimes() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 1)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        #expect(try cache.thread(for: id) == CommentThread(storyID: id, comments: []))
        let first = referenceDate
        try cache.storeComments([FetchedComment(remoteID: "1", body: "a")], for: id, fetchedAt: first)
        let later = first.addingTimeInterval(600)
        try cache.storeComments([FetchedComment(remoteID: "1", body: "a"), FetchedComment(remoteID: "2", body: "b")],
                                for: id, fetchedAt: later)
        let thread = try cache.thread(for: id)
        #expect(thread.fetchedAt == later)
        #expect(thread.comments.map(\.firstSeen) == [first, later])
        #expect(thread.lastOpened == nil)
        try cache.recordCommentsOpened(id, at: later.addingTimeInterval(5))
        #expect(try cache.thread(for: id).lastOpened == later.addingTimeInterval(5))
        #expect(try cache.thread(for: id).fetchedAt == later)
    }

    @Test("A thread stored without a fetch time (the sample edition) has neither times nor first-seen dates")
    func untimed() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 1)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        try cache.storeComments([FetchedComment(remoteID: "1", body: "a")], for: id)
        let thread = try cache.thread(for: id)
        #expect(thread.fetchedAt == nil && thread.comments.first?.firstSeen == nil)
    }

    @Test("Visits to an unknown story are not recorded, and deleting a story deletes its record")
    func unknownStory() throws {
        let directory = try TemporaryDirectory()
        let (cache, feedID) = try cacheWithFeed(directory, stories: 1)
        try cache.recordCommentsOpened(StoryID(999), at: referenceDate)
        #expect(try cache.thread(for: StoryID(999)).lastOpened == nil)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        try cache.storeComments([FetchedComment(remoteID: "1", body: "a")], for: id, fetchedAt: referenceDate)
        try cache.removeFeed(feedID)
        #expect(try cache.thread(for: id).fetchedAt == nil)
    }
}

@Suite("Comments: counts after a refresh")
struct CommentCountRefreshTests {
    /// A feed that changes a story and says it has `count` comments (`slash:comments`).
    private func refreshed(_ cache: NewsCache, feed: FeedID, count: Int, title: String, at date: Date) throws {
        var entry = entries(1)[0]
        entry.title = title
        entry.commentCount = count
        try cache.store(FeedDocument(title: "Example", entries: [entry]), feedID: feed, fetchedAt: date)
    }

    @Test("A refresh does not overwrite the count of a thread fetched from its source, so list, header and pane agree")
    func fetchedCountSurvivesRefresh() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 1)
        let id = try cache.headlines(HeadlineQuery(), limit: 1)[0].id
        try refreshed(cache, feed: feed, count: 3, title: "First change", at: referenceDate.addingTimeInterval(60))
        #expect(try cache.story(id)?.commentCount == 3, "before any fetch the feed's count is all there is")
        let thread = (1...5).map { FetchedComment(remoteID: "\($0)", body: "c\($0)") }
        try cache.storeComments(thread, for: id, fetchedAt: referenceDate.addingTimeInterval(120))
        try refreshed(cache, feed: feed, count: 3, title: "Second change", at: referenceDate.addingTimeInterval(180))
        let story = try #require(try cache.story(id))
        #expect(story.title == "Second change", "the refresh did update the story")
        #expect(story.commentCount == 5)
        #expect(try cache.headlines(HeadlineQuery(), limit: 1)[0].commentCount == 5)
        #expect(CommentCount.of(try cache.thread(for: id).comments) == 5)
    }
}

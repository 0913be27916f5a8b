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

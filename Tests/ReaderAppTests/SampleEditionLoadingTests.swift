import Foundation
import NewsCache
import NewsModel
import Testing
@testable import ReaderApp

@Suite("Loading the sample edition into a real cache")
struct SampleEditionLoadingTests {
    static func temporaryCache() throws -> (NewsCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path), dir)
    }

    @Test("Every story and comment thread lands in the cache, and loading twice changes nothing")
    func loads() throws {
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleEdition.load(into: cache)
        let storyCount = SampleEdition.sources.reduce(0) { $0 + $1.document.entries.count }
        #expect(try cache.count(HeadlineQuery()) == storyCount)
        #expect(try cache.feeds().count == SampleEdition.sources.count)
        try SampleEdition.load(into: cache)
        #expect(try cache.count(HeadlineQuery()) == storyCount)

        let seed = try #require(SampleEdition.sources.flatMap(\.document.entries)
            .first { $0.id == SampleEdition.seedEntryID })
        let feed = try #require(cache.feeds().first { $0.url == "sample:mercopress" })
        let id = try #require(try cache.storyID(feedID: feed.id, entry: seed))
        let story = try #require(try cache.story(id))
        #expect(story.title.text.hasPrefix("Surprise turnaround of Ukraine invasion"))
        #expect(story.bodyHTML?.contains("White House admitted on Monday") == true)
        let comments = try cache.comments(for: id)
        #expect(comments.map(\.author) == ["imoyaro", "Tænk"])
        #expect(comments.map(\.score) == [0, -1])
    }
}

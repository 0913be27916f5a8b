import Foundation
import NewsModel
import ReaderApp
import Testing

@Suite("MemoryStore answers like the cache: newest first, keyset pages, positions")
struct MemoryStoreTests {
    @Test("pages after and before a cursor join up without gaps or repeats")
    func keysetPages() async throws {
        let store = Fixtures.store(fillerCount: 29)
        let query = HeadlineQuery()
        let first = await store.headlines(query, after: nil, limit: 10)
        let second = await store.headlines(query, after: HeadlineCursor(try #require(first.last)), limit: 10)
        #expect(first.count == 10 && second.count == 10)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(first[0].title == Fixtures.seedTitle)
        let before = await store.headlines(query, before: HeadlineCursor(try #require(second.first)), limit: 4)
        #expect(before.map(\.id) == first.suffix(4).map(\.id))
        #expect(await store.position(of: HeadlineCursor(second[0]), in: query) == 10)
        #expect(await store.lastPage(query, limit: 3).count == 3)
        #expect(await store.count(query) == 30)
    }

    @Test("the unread filter follows setRead")
    func unread() async {
        let store = Fixtures.store(fillerCount: 2)
        await store.setRead(StoryID(1), true)
        #expect(await store.count(HeadlineQuery(unreadOnly: true)) == 2)
        #expect(await store.story(StoryID(1))?.isRead == true)
    }

    @Test("sources as a refresh delivers them become feeds, stories and threads")
    func fromSources() async throws {
        let date = Date(timeIntervalSince1970: 1_646_733_240)
        let document = FeedDocument(title: "MercoPress", entries: [
            FeedEntry(id: "seed", title: Fixtures.seedTitle, link: "https://en.mercopress.com/x", published: date,
                      content: "<p>White House admitted on Monday</p>", commentCount: 2),
            FeedEntry(id: "quiet", title: "No comments here", published: date.addingTimeInterval(-60)),
        ])
        let thread = [FetchedComment(remoteID: "1", author: "imoyaro", score: 0, body: "That's Polonium"),
                      FetchedComment(remoteID: "2", parentRemoteID: "1", author: "Tænk", score: -1, body: "Now…", depth: 1)]
        let store = MemoryStore(sources: [
            MemoryStore.Source(url: "sample:mercopress", title: "MercoPress", kind: .sample, tags: ["news"],
                               document: document, comments: ["seed": thread]),
        ])
        let feeds = await store.feeds()
        #expect(feeds.map(\.title) == ["MercoPress"])
        let rows = await store.headlines(HeadlineQuery(scope: .tag("news")), after: nil, limit: 10)
        #expect(rows.map(\.title) == [Fixtures.seedTitle, "No comments here"])
        #expect(rows[0].commentCount == 2)
        let comments = await store.comments(for: rows[0].id)
        #expect(comments.map(\.author) == ["imoyaro", "Tænk"])
        #expect(comments.map(\.depth) == [0, 1])
        #expect(await store.comments(for: rows[1].id).isEmpty)
    }
}

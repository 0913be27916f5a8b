import Foundation
import NewsModel
import Testing
import TestSupport
@testable import NewsSources

/// Hacker News against a loopback server that speaks Firebase and Algolia.
@Suite("Hacker News")
struct HackerNewsTests {
    /// A Show HN story with a small thread: two replies under the first comment, a deleted comment whose
    /// reply survives, and a dead comment. Ranked (Firebase `kids`) order is the order of `add`.
    static func smallThread() -> HackerNewsFixture {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 100, type: "story", by: "pat", title: "Show HN: A pocket loom", text: "<p>I built a loom.",
                     score: 42))
        hn.add(.init(id: 101, by: "ann", text: "Lovely <i>work</i>.", parent: 100))
        hn.add(.init(id: 102, by: "bob", text: "How long did it take?", parent: 100))
        hn.add(.init(id: 103, parent: 100, isDeleted: true))
        hn.add(.init(id: 104, by: "eve", text: "spam spam", parent: 100, isDead: true))
        hn.add(.init(id: 105, by: "carl", text: "Agreed.", parent: 101))
        hn.add(.init(id: 106, by: "pat", text: "Thanks!<p>Two years.", parent: 101))
        hn.add(.init(id: 107, by: "fay", text: "What did they say?", parent: 103))
        hn.setList("top", [100])
        return hn
    }

    static let rankedOrder = ["101", "105", "106", "102", "103", "107", "104"]
    static let rankedDepths = [0, 1, 1, 0, 0, 1, 0]

    static func client(_ server: LoopbackServer, concurrency: Int = 8) -> HackerNewsClient {
        HackerNewsClient(endpoints: SourceEndpoints(hackerNewsAPI: HackerNewsFixture.apiBase(server),
                                                    hackerNewsSearch: HackerNewsFixture.searchBase(server)),
                         policy: FetchPolicy(timeoutSeconds: 5), concurrency: concurrency)
    }

    static let target = CommentTarget(commentsURL: SourceEndpoints.hackerNewsItemPage(100))

    @Test("Algolia's tree is put in Hacker News's ranked order; deleted and dead comments keep their place")
    func algoliaRanked() async throws {
        let hn = Self.smallThread()
        let server = try LoopbackServer { hn.reply($0) }
        let thread = try await Self.client(server).comments(for: Self.target)
        #expect(thread.map(\.remoteID) == Self.rankedOrder)
        #expect(thread.map(\.depth) == Self.rankedDepths)
        #expect(thread.map(\.isDeleted) == [false, false, false, false, true, false, true])
        #expect(thread[4].author == nil && thread[4].body.isEmpty)
        #expect(thread[6].author == nil && !thread[6].body.contains("spam"))
        #expect(thread[0].author == "ann" && thread[0].body.contains("<i>work</i>"))
        #expect(thread[2].parentRemoteID == "101")
        #expect(server.requests.contains { $0.path == "/api/v1/items/100" })
    }

    @Test("When Algolia fails, Firebase item by item gives the same thread", arguments: [500, 429])
    func firebaseFallback(status: Int) async throws {
        let hn = Self.smallThread()
        hn.failAlgolia(with: status)
        let server = try LoopbackServer { hn.reply($0) }
        let thread = try await Self.client(server).comments(for: Self.target)
        #expect(thread.map(\.remoteID) == Self.rankedOrder)
        #expect(thread.map(\.depth) == Self.rankedDepths)
        #expect(thread[6].isDeleted && thread[4].isDeleted)
    }

    @Test("When both APIs fail, the error names the host and the HTTP status with its Retry-After")
    func bothFail() async throws {
        let hn = Self.smallThread()
        hn.failAlgolia(with: 503)
        hn.failFirebase(with: 429)
        let server = try LoopbackServer { hn.reply($0) }
        await #expect {
            _ = try await Self.client(server).comments(for: Self.target)
        } throws: { error in
            guard let error = error as? CommentSourceError, case .unreachable(let host, .http(429, let after)) = error
            else { return false }
            return host == "127.0.0.1" && after != nil && error.description.contains("could not reach 127.0.0.1: HTTP 429")
        }
    }

    @Test("A thread 300 replies deep comes back whole, in order, from either API", arguments: [false, true])
    func deepThread(algoliaDown: Bool) async throws {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 1, type: "story", by: "pat", title: "Deep"))
        for level in 0..<300 { hn.add(.init(id: 10 + level, by: "u\(level)", text: "level \(level)", parent: level == 0 ? 1 : 9 + level)) }
        if algoliaDown { hn.failAlgolia(with: 500) }
        let server = try LoopbackServer { hn.reply($0) }
        let thread = try await Self.client(server).thread(1)
        #expect(thread.count == 300)
        #expect(thread.map(\.depth) == Array(0..<300))
        #expect(thread.last?.body.contains("level 299") == true)
    }

    @Test("A 5,000-comment thread from Algolia keeps every comment in ranked order")
    func largeThread() async throws {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 1, type: "story", by: "pat", title: "Big"))
        // 1,000 top-level comments with four replies each.
        var expected: [String] = []
        for top in 0..<1000 {
            let id = 10_000 + top * 5
            hn.add(.init(id: id, by: "t\(top)", text: "top \(top)", parent: 1))
            expected.append(String(id))
            for reply in 1...4 {
                hn.add(.init(id: id + reply, by: "r\(reply)", text: "reply \(reply)", parent: id))
                expected.append(String(id + reply))
            }
        }
        let server = try LoopbackServer { hn.reply($0) }
        let thread = try await Self.client(server).thread(1)
        #expect(thread.count == 5000)
        #expect(thread.map(\.remoteID) == expected)
    }

    @Test("The Firebase fallback keeps at most `concurrency` item requests in flight")
    func boundedConcurrency() async throws {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 1, type: "story", by: "pat", title: "Busy"))
        for index in 0..<40 { hn.add(.init(id: 100 + index, by: "u", text: "c", parent: 1)) }
        hn.failAlgolia(with: 500)
        hn.itemDelay = 0.02
        let server = try LoopbackServer { hn.reply($0) }
        let thread = try await Self.client(server, concurrency: 4).thread(1)
        #expect(thread.count == 40)
        #expect(hn.maxConcurrentItems <= 4)
        #expect(hn.maxConcurrentItems >= 2)
    }

    @Test("A list becomes a feed document in the list's order; Ask HN text is the body, links go out")
    func stories() async throws {
        let hn = Self.smallThread()
        hn.add(.init(id: 200, type: "story", by: "quinn", title: "Ask HN: Favourite looms?", text: "<p>Asking &amp; wondering"))
        hn.add(.init(id: 201, type: "story", by: "rae", title: "Weaving at scale", url: "https://example.org/weave"))
        hn.add(.init(id: 202, type: "story", by: "sam", title: "Gone", isDead: true))
        hn.setList("ask", [201, 999, 200, 202, 100])
        let server = try LoopbackServer { hn.reply($0) }
        let document = try await Self.client(server).stories(.ask)
        #expect(document.entries.map(\.title) == ["Weaving at scale", "Ask HN: Favourite looms?", "Show HN: A pocket loom"])
        let ask = document.entries[1]
        #expect(ask.link == "https://news.ycombinator.com/item?id=200")
        #expect(ask.commentsURL == "https://news.ycombinator.com/item?id=200")
        #expect(ask.content?.contains("Asking &amp; wondering") == true)
        #expect(ask.author == "quinn")
        #expect(document.entries[0].link == "https://example.org/weave")
        #expect(server.requests.contains { $0.path == "/v0/askstories.json" })
    }

    @Test("Discussion URLs name their item; other URLs do not")
    func itemIDs() {
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com/item?id=8863") == 8863)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com/user?id=pg") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://example.org/item?id=1") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: nil) == nil)
        // Written by hand rather than read by URLComponents (which loads ICU): the same answers for the
        // forms a feed's comments link takes.
        #expect(SourceEndpoints.hackerNewsItemID(in: "HTTPS://News.YCombinator.com:443/item?id=42#reply") == 42)
        #expect(SourceEndpoints.hackerNewsItemID(in: "http://user@news.ycombinator.com/item?p=2&id=7") == 7)
        #expect(SourceEndpoints.hackerNewsItemID(in: " https://news.ycombinator.com/item?id=9 ") == 9)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com/item?id=0") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com/item?id=12x") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com.evil.example/item?id=3") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "ftp://news.ycombinator.com/item?id=3") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "https://news.ycombinator.com/item/?id=3") == nil)
        #expect(SourceEndpoints.hackerNewsItemID(in: "//news.ycombinator.com/item?id=3") == nil)
    }
}

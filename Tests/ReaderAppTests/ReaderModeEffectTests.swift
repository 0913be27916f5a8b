import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderCore
import Testing
import TestSupport
@testable import ReaderApp

/// Reader mode's effects against a real cache and pages served on 127.0.0.1.
@Suite("Reader mode effects: fetch, extract, store, fall back")
struct ReaderModeEffectTests {
    static let paragraph = "The ferry to Isla Norte will run twice a day from January, the shipping company said on "
        + "Friday, after the new landing stage, the ticket office and the waiting room were finished ahead of time."

    static func page(_ n: String) -> String {
        """
        <html><head><meta property="og:image:alt" content="The landing stage at dawn"></head><body>
        <nav><a href="/">Home</a> <a href="/ferries">Ferries</a></nav>
        <article><figure><img src="/stage.jpg"><figcaption>The landing stage at dawn</figcaption></figure>
        <p>\(paragraph) Story \(n).</p><p>\(paragraph)</p><p>\(paragraph)</p></article>
        <div class="comments"><p>First! What a great, great, great ferry, I love it, truly.</p></div></body></html>
        """
    }

    static func server() throws -> LoopbackServer {
        try LoopbackServer { request in
            if request.path.hasPrefix("/gone") { return LoopbackServer.Reply(status: 404, contentType: "text/html", body: "no") }
            return LoopbackServer.Reply(status: 200, contentType: "text/html; charset=utf-8", body: Self.page(request.path))
        }
    }

    /// A cache with an `always` feed of three summary-only stories (the middle one's page is gone) and an
    /// `auto` feed of one, all linking to `base`.
    static func cache(base: String) throws -> (NewsCache, [StoryID], StoryID) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-reader-mode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cache = try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path)
        let always = try cache.addFeed(url: "https://ferries.example/rss")
        let auto = try cache.addFeed(url: "https://other.example/rss")
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let paths = ["/story/1", "/gone/2", "/story/3"]
        let entries = paths.enumerated().map { index, path in
            FeedEntry(id: "f\(index)", title: "Ferry \(index)", link: base + path,
                      published: now.addingTimeInterval(Double(index) * 60), summary: "<p>Ferries.</p>")
        }
        _ = try cache.store(FeedDocument(title: "Ferries", entries: entries), feedID: always, fetchedAt: now)
        let other = FeedEntry(id: "o", title: "Other", link: base + "/story/other", published: now, summary: "<p>Other.</p>")
        _ = try cache.store(FeedDocument(title: "Other", entries: [other]), feedID: auto, fetchedAt: now)
        let ids = try entries.map { try #require(try cache.storyID(feedID: always, entry: $0)) }
        return (cache, ids, try #require(try cache.storyID(feedID: auto, entry: other)))
    }

    @Test("Opening: the article is stored with the caption once, first; a 404 stores its note instead")
    func extractOne() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (cache, ids, _) = try Self.cache(base: server.baseURL)
        let pages = PageFetcher(fetcher: FeedFetcher())
        let answer = await EffectPerformer.extractArticle(RequestID(rawValue: 7), ids[0], url: server.baseURL + "/story/1",
                                                          pages: pages, store: cache)
        guard case .articleExtracted(let id, let storyID, .article(let html)) = answer else {
            Issue.record("unexpected answer \(answer)")
            return
        }
        #expect(id == RequestID(rawValue: 7) && storyID == ids[0])
        #expect(html.hasPrefix("<figure><figcaption>The landing stage at dawn</figcaption></figure>"))
        #expect(html.components(separatedBy: "landing stage at dawn").count == 2)
        #expect(!html.contains("Ferries") && !html.contains("First!"))
        #expect(try cache.story(ids[0])?.extractedText == html)

        let failed = await EffectPerformer.extractArticle(RequestID(rawValue: 8), ids[1], url: server.baseURL + "/gone/2",
                                                          pages: pages, store: cache)
        #expect(failed == .articleExtracted(RequestID(rawValue: 8), ids[1], .failed(note: "HTTP 404 Not Found")))
        #expect(try cache.story(ids[1])?.extractionNote == "HTTP 404 Not Found")
    }

    @Test("After a refresh: the newest unread stories of always feeds only, each page fetched once")
    func prefetch() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (cache, ids, otherID) = try Self.cache(base: server.baseURL)
        let policy = ExtractPolicy(defaultMode: .auto, feeds: ["https://ferries.example/rss": .always])
        await EffectPerformer.prefetchArticles(policy, pages: PageFetcher(fetcher: FeedFetcher()), store: cache)
        #expect(try cache.story(ids[0])?.extractedText?.contains("Story /story/1") == true)
        #expect(try cache.story(ids[2])?.extractedText?.contains("Story /story/3") == true)
        #expect(try cache.story(ids[1])?.extractionNote == "HTTP 404 Not Found")
        #expect(try cache.story(otherID)?.extractedText == nil)
        #expect(!server.requests.contains { $0.path == "/story/other" })
        let fetched = server.requests.count
        // Tried stories are not candidates any more: a second pass fetches nothing.
        await EffectPerformer.prefetchArticles(policy, pages: PageFetcher(fetcher: FeedFetcher()), store: cache)
        #expect(server.requests.count == fetched)
    }
}

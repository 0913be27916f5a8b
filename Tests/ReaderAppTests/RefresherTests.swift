import Foundation
import NewsCache
import NewsModel
import NewsSources
import Testing
import TestSupport
@testable import ReaderApp

/// Refresh end to end below the UI: a real HTTP server on 127.0.0.1, the real parser, a real SQLite cache.
@Suite("Refreshing feeds into the cache")
struct RefresherTests {
    static func rss(_ titles: [String], channel: String = "Loopback News") -> String {
        let items = titles.enumerated().map { index, title in
            "<item><title>\(title)</title><link>http://example.org/\(index)</link><guid>g\(index)</guid>"
                + "<pubDate>Sun, 29 Nov 2026 0\(index % 10):00:00 GMT</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(channel)</title>\(items)</channel></rss>"
    }

    static func temporaryCache() throws -> (NewsCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path), dir)
    }

    @Test("A cold refresh stores every story; a warm one costs a 304 and adds nothing")
    func coldThenWarm() async throws {
        let body = Self.rss(["One", "Two", "Three"])
        let server = try LoopbackServer { request in
            if request.headers["if-none-match"] == "\"e1\"" { return LoopbackServer.Reply(status: 304) }
            return LoopbackServer.Reply(status: 200, headers: [("ETag", "\"e1\""),
                                                               ("Content-Type", "application/rss+xml")],
                                        body: Data(body.utf8))
        }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/feed.xml")], to: cache)
        let refresher = Refresher(cache: cache, policy: FetchPolicy())
        let cold = await refresher.refresh(try cache.feeds())
        #expect(cold.newStories == 3)
        #expect(cold.failures.isEmpty)
        #expect(try cache.feeds().first?.title == "Loopback News")
        let warm = await refresher.refresh(try cache.feeds())
        #expect(warm.outcomes.map(\.status) == [.notModified])
        #expect(try cache.count(HeadlineQuery()) == 3)
        #expect(server.requests.last?.headers["if-none-match"] == "\"e1\"")
    }

    @Test("A failing feed records a readable error and keeps what was stored; the others still refresh")
    func failuresAreIsolated() async throws {
        let failing = LockedFlag()
        let server = try LoopbackServer { request in
            if request.path == "/bad" && failing.value { return LoopbackServer.Reply(status: 500) }
            return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                        body: Self.rss(["A", "B"], channel: request.path))
        }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/bad"),
                                    Subscription(url: server.baseURL + "/good")], to: cache)
        let refresher = Refresher(cache: cache, policy: FetchPolicy())
        _ = await refresher.refresh(try cache.feeds())
        #expect(try cache.count(HeadlineQuery()) == 4)
        let bad = try #require(try cache.feeds().first { $0.url.hasSuffix("/bad") })
        try cache.setRead(try #require(try cache.headlines(HeadlineQuery(scope: .feed(bad.id)), limit: 1).first).id, true)

        failing.value = true
        let report = await refresher.refresh(try cache.feeds())
        #expect(report.failures.map(\.url) == [server.baseURL + "/bad"])
        let after = try #require(try cache.feeds().first { $0.url.hasSuffix("/bad") })
        #expect(after.lastError == "HTTP 500 Internal Server Error")
        #expect(after.totalCount == 2)
        #expect(after.unreadCount == 1)
        #expect(report.summary.hasSuffix("s") && report.summary.contains("2 feeds, 0 new stories, 1 error in"))
    }

    @Test("Retry-After defers the feed until the server's time, unless forced")
    func retryAfter() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 429, headers: [("Retry-After", "3600")]) }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/busy")], to: cache)
        let refresher = Refresher(cache: cache, policy: FetchPolicy())
        let first = await refresher.refresh(try cache.feeds())
        #expect(first.failures.count == 1)
        let second = await refresher.refresh(try cache.feeds())
        guard case .deferred = second.outcomes.first?.status else {
            Issue.record("expected the feed to be deferred, got \(String(describing: second.outcomes.first?.status))")
            return
        }
        #expect(server.requests.count == 1)
        _ = await refresher.refresh(try cache.feeds(), force: true)
        #expect(server.requests.count == 2)
    }

    @Test("A page instead of a feed, and a body over the limit, are errors on the feed")
    func badContent() async throws {
        let server = try LoopbackServer { request in
            if request.path == "/page" {
                return LoopbackServer.Reply(status: 200, contentType: "text/html", body:
                    "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head></html>")
            }
            return LoopbackServer.Reply(status: 200, body: Data(repeating: 0x20, count: 50_000))
        }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/page"),
                                    Subscription(url: server.baseURL + "/huge")], to: cache)
        let report = await Refresher(cache: cache, policy: FetchPolicy(maxBytes: 10_000)).refresh(try cache.feeds())
        let errors = Dictionary(uniqueKeysWithValues: try cache.feeds().map { ($0.url, $0.lastError ?? "") })
        #expect(report.failures.count == 2)
        #expect(errors[server.baseURL + "/page"]?.contains(server.baseURL + "/rss") == true)
        #expect(errors[server.baseURL + "/huge"]?.contains("larger than the limit") == true)
    }

    @Test("A feed moved permanently says where, whether its new address serves a feed or a broken one")
    func movedPermanently() async throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/old-good": return LoopbackServer.Reply(status: 301, headers: [("Location", "/new-good")])
            case "/old-bad": return LoopbackServer.Reply(status: 301, headers: [("Location", "/new-bad")])
            case "/new-good":
                return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.rss(["A"]))
            default:
                return LoopbackServer.Reply(status: 200, contentType: "text/html", body: "<html><body>Gone</body></html>")
            }
        }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/old-good"),
                                    Subscription(url: server.baseURL + "/old-bad")], to: cache)
        let report = await Refresher(cache: cache, policy: FetchPolicy()).refresh(try cache.feeds())
        let moved = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.url, $0.movedTo) })
        #expect(moved[server.baseURL + "/old-good"] == server.baseURL + "/new-good")
        #expect(moved[server.baseURL + "/old-bad"] == server.baseURL + "/new-bad")
        #expect(report.failures.map(\.url) == [server.baseURL + "/old-bad"])
    }

    @Test("Discovery finds the feed a web page advertises")
    func discovery() async throws {
        let server = try LoopbackServer { request in
            if request.path == "/rss" {
                return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.rss(["X"]))
            }
            return LoopbackServer.Reply(status: 200, contentType: "text/html", body:
                "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head></html>")
        }
        let outcome = await FeedDiscovery(fetcher: FeedFetcher()).resolve(server.baseURL + "/")
        #expect(outcome == .feed(url: server.baseURL + "/rss", title: "Loopback News", via: server.baseURL + "/"))
    }
}

/// A flag a test flips while the server thread reads it.
final class LockedFlag: @unchecked Sendable {
    // @unchecked Sendable: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

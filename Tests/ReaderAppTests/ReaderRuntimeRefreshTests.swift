import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing
import TestSupport

/// Refreshing inside the running reader: a real cache, real feeds on 127.0.0.1, the real `Refresher`.
@Suite("ReaderRuntime refreshes in the background")
@MainActor
struct ReaderRuntimeRefreshTests {
    /// RSS with items `titles`, dated `day` of November 2026 at the item's index (newest first in the list).
    nonisolated static func rss(_ channel: String, _ items: [(title: String, day: Int)]) -> String {
        let entries = items.map { item in
            "<item><title>\(item.title)</title><link>http://example.org/\(item.title.replacingOccurrences(of: " ", with: "-"))</link>"
                + "<guid>\(item.title)</guid><pubDate>\(item.day < 10 ? "0" : "")\(item.day) Nov 2026 08:00:00 GMT</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(channel)</title>\(entries)</channel></rss>"
    }

    /// Two feeds: `/a` (five old stories, then two newer ones once `publish()` was called) and `/b` (one old
    /// story; answers slowly so progress can be seen between the two).
    final class Feeds: Sendable {
        let server: LoopbackServer

        init(slowSeconds: TimeInterval) throws {
            let flag = LockedBox()
            server = try LoopbackServer { request in
                if request.path == "/b" {
                    var reply = LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                                     body: ReaderRuntimeRefreshTests.rss("Feed B", [("Bee story", 2)]))
                    reply.delayBeforeHeaders = flag.value ? slowSeconds : 0
                    return reply
                }
                var items = (1...5).map { (title: "Old story \($0)", day: 20 - $0) }
                if flag.value { items = [("Fresh story one", 28), ("Fresh story two", 27)] + items }
                return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                            body: ReaderRuntimeRefreshTests.rss("Feed A", items))
            }
            box = flag
        }
        private let box: LockedBox
        func publish() { box.value = true }
    }

    final class LockedBox: @unchecked Sendable {
        // @unchecked Sendable: `stored` is only touched under `lock`.
        private let lock = NSLock()
        private var stored = false
        var value: Bool {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    /// A cache subscribed to both feeds and refreshed once (the old stories).
    static func subscribedCache(_ feeds: Feeds) async throws -> (NewsCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-rt-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cache = try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path)
        try SubscriptionSync.apply([Subscription(url: feeds.server.baseURL + "/a"),
                                    Subscription(url: feeds.server.baseURL + "/b")], to: cache)
        let report = await Refresher(cache: cache, policy: FetchPolicy()).refresh(try cache.feeds())
        #expect(report.newStories == 6)
        return (cache, dir)
    }

    @Test("R refreshes every feed: progress in the status bar, new stories appear, the selection stays put")
    func refreshAll() async throws {
        let feeds = try Feeds(slowSeconds: 1)
        let (cache, dir) = try await Self.subscribedCache(feeds)
        defer { try? FileManager.default.removeItem(at: dir) }
        feeds.publish()
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Old story 1", event: .key(.down)),
            .init(waitFor: "2/6", event: .key(.down)),
            .init(waitFor: "3/6", event: .key(.character("R"))),
            .init(waitFor: "refreshed 2 feeds", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: TimeZone(identifier: "UTC")!, pollMilliseconds: 5,
                                    refresh: RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy())))
        await runtime.run()
        #expect(!backend.gaveUp)
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(screens.contains { $0.contains("refreshing 1/2") })
        let summary = try #require(screens.last { $0.contains("refreshed 2 feeds") })
        #expect(summary.contains("refreshed 2 feeds: 2 new"))
        #expect(summary.contains("Fresh story two"))
        // The third story was selected before the refresh and still is; two new stories came above it.
        let state = runtime.currentState
        #expect(state.list.selectedHeadline?.title == "Old story 3")
        #expect(state.list.selected == 4)
        #expect(state.list.total == 8)
        #expect(state.articleStoryID == state.list.selectedHeadline?.id)
        #expect(backend.frames.last?.lines.contains { $0.contains("5/8") } == true)
    }

    @Test("r refreshes only the selected story's feed")
    func refreshOne() async throws {
        let feeds = try Feeds(slowSeconds: 0)
        let (cache, dir) = try await Self.subscribedCache(feeds)
        defer { try? FileManager.default.removeItem(at: dir) }
        feeds.publish()
        let before = feeds.server.requests.count
        let backend = TestBackend(width: 160, height: 48, events: [.key(.character("r"))],
                                  whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault, clock: { Date() },
                                    settlesEffectsBeforeInput: true,
                                    refresh: RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy())))
        await runtime.run()
        let paths = feeds.server.requests.dropFirst(before).map(\.path)
        #expect(paths == ["/a"])
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(screens.contains { $0.contains("refreshed Feed A: 2 new") })
        #expect(screens.last?.contains("Fresh story one") == true)
        #expect(runtime.currentState.list.selectedHeadline?.title == "Old story 1")
    }

    @Test("in a session that cannot refresh, R says why and fetches nothing")
    func unavailable() async throws {
        let backend = TestBackend(width: 160, height: 48, events: [.key(.character("R"))], whenExhausted: nil)
        let reason = "the sample edition has nothing to refresh — add feeds with gazette add URL"
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, settlesEffectsBeforeInput: true,
                                    refresh: RefreshOptions(unavailableReason: reason))
        backend.enqueue(.key(.character("q")))
        await runtime.run()
        let text = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(text.contains { $0.contains("the sample edition has nothing to refresh") })
    }

    @Test("the interval timer refreshes every feed without a key")
    func automatic() async throws {
        let feeds = try Feeds(slowSeconds: 0)
        let (cache, dir) = try await Self.subscribedCache(feeds)
        defer { try? FileManager.default.removeItem(at: dir) }
        feeds.publish()
        // Each look at the clock moves it on ten seconds: a one-minute interval passes within a few turns.
        let ticks = Ticks()
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Fresh story one", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    clock: { ticks.next() }, pollMilliseconds: 5,
                                    refresh: RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy()),
                                                            intervalMinutes: 1))
        await runtime.run()
        #expect(!backend.gaveUp)
        #expect(runtime.currentState.list.total == 8)
    }

    /// A clock that advances ten seconds per reading.
    final class Ticks: @unchecked Sendable {
        // @unchecked Sendable: `count` is only touched under `lock`.
        private let lock = NSLock()
        private var count = 0.0
        func next() -> Date { lock.withLock { count += 10; return Fixtures.now.addingTimeInterval(count) } }
    }
}

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
    /// story). With `holdsB`, `/b` answers after `publish()` only once `releaseB()` is called, so a test can
    /// look at the refresh half done, however slowly the machine runs.
    final class Feeds: Sendable {
        let server: LoopbackServer

        init(holdsB: Bool = false) throws {
            let flag = LockedBox()
            let gate = Gate()
            server = try LoopbackServer { request in
                if request.path == "/b" {
                    if holdsB && flag.value { gate.wait() }
                    return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                                body: ReaderRuntimeRefreshTests.rss("Feed B", [("Bee story", 2)]))
                }
                var items = (1...5).map { (title: "Old story \($0)", day: 20 - $0) }
                if flag.value { items = [("Fresh story one", 28), ("Fresh story two", 27)] + items }
                return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                            body: ReaderRuntimeRefreshTests.rss("Feed A", items))
            }
            box = flag
            self.gate = gate
        }
        private let box: LockedBox
        private let gate: Gate
        func publish() { box.value = true }
        func releaseB() { gate.open() }
    }

    /// Closed until opened once; `wait()` returns at once after that.
    final class Gate: @unchecked Sendable {
        // @unchecked Sendable: `isOpen` is only touched while `condition` is locked.
        private let condition = NSCondition()
        private var isOpen = false

        func open() {
            condition.withLock { isOpen = true }
            condition.broadcast()
        }

        func wait() {
            condition.lock()
            while !isOpen { condition.wait() }
            condition.unlock()
        }
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
        let feeds = try Feeds(holdsB: true)
        let (cache, dir) = try await Self.subscribedCache(feeds)
        defer { try? FileManager.default.removeItem(at: dir) }
        defer { feeds.releaseB() }
        feeds.publish()
        // `/b` answers only once the screen has shown the refresh half done: that frame cannot be missed.
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Old story 1", event: .key(.down)),
            .init(waitFor: "2/6", event: .key(.down)),
            .init(waitFor: "3/6", event: .key(.character("R"))),
            .init(waitFor: "refreshing 1/2", event: nil, whenGiven: { feeds.releaseB() }),
            .init(waitFor: "refreshed 2 feeds", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: .utc, pollMilliseconds: 5,
                                    refresh: RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy())))
        await runtime.run()
        #expect(!backend.gaveUp)
        #expect(backend.remainingSteps == 0)
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

    @Test("the urls file is applied after the first frame: the cache's stories show at once, then the list follows the file")
    func subscriptionsAfterFirstFrame() async throws {
        let feeds = try Feeds()
        let (cache, dir) = try await Self.subscribedCache(feeds)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The file now lists /a and a feed never fetched (nothing listens on port 9), and no longer /b. The
        // update waits until the screen has shown the stories already cached, with the status saying why.
        let wanted = [Subscription(url: feeds.server.baseURL + "/a"), Subscription(url: "http://127.0.0.1:9/new.xml")]
        let gate = Gate()
        defer { gate.open() }
        var options = RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy()), fetchesNewOnStart: true)
        options.applyOnStart = {
            gate.wait()
            return try !SubscriptionSync.apply(wanted, to: cache).isEmpty
        }
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Bee story", event: nil, whenGiven: { gate.open() }),
            .init(waitFor: "refreshed 1 new subscription", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: .utc, pollMilliseconds: 5, refresh: options)
        await runtime.run()
        #expect(!backend.gaveUp)
        #expect(backend.remainingSteps == 0)
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(screens.contains { $0.contains("Bee story") && $0.contains("updating subscriptions from the urls file…") })
        #expect(screens.last?.contains("Bee story") == false)
        #expect(screens.last?.contains("Old story 1") == true)
        #expect(runtime.currentState.list.total == 5)
        #expect(Set(try cache.feeds().map(\.url)) == Set(wanted.map(\.url)))
    }

    @Test("r refreshes only the selected story's feed")
    func refreshOne() async throws {
        let feeds = try Feeds()
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
        let feeds = try Feeds()
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

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

/// `r` on a story of a synced feed in the running reader: its account is synced (through the sync the
/// reader was given), no feed of the urls file is fetched, and the status bar says which account.
@Suite("ReaderRuntime syncs a synced feed's account")
@MainActor
struct ReaderRuntimeSyncTests {
    /// The names the sync was asked for, in order.
    final class Calls: @unchecked Sendable {
        // @unchecked Sendable: `names` is only touched under `lock`.
        private let lock = NSLock()
        private var names: [String?] = []
        func add(_ name: String?) { lock.withLock { names.append(name) } }
        var all: [String?] { lock.withLock { names } }
    }

    /// A cache with a local feed on `server` (one old story) and a feed of account "home" whose story is
    /// the newest, so it is selected at start.
    static func cache(server: LoopbackServer) async throws -> (NewsCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-rt-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cache = try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path)
        try SubscriptionSync.apply([Subscription(url: server.baseURL + "/local")], to: cache)
        _ = await Refresher(cache: cache, policy: FetchPolicy()).refresh(try cache.feeds())
        let account = try cache.syncAccount(name: "home", kind: "greader", url: "http://127.0.0.1:9/api/greader.php")
        let feeds = try cache.applySubscriptions([RemoteSubscription(remoteID: "feed/1", feedURL: "https://harbour.example/rss",
                                                                     title: "Harbour news")],
                                                 account: account.id, accountName: "home")
        let feedID = try #require(feeds["feed/1"])
        try cache.storeSynced([FeedEntry(id: "item-1", title: "Pilot boat renamed", link: "https://harbour.example/1",
                                         published: Date())],
                              states: ["item-1": RemoteStoryState(remoteID: "item-1", isRead: false, isStarred: false)],
                              feedID: feedID, account: account.id, fetchedAt: Date())
        return (cache, dir)
    }

    @Test("r on a synced story syncs its account only; the status bar names it")
    func rSyncsTheAccount() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Local desk</title><item><title>Old local story</title>\
                <guid>local-1</guid><pubDate>01 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>
                """)
        }
        let (cache, dir) = try await Self.cache(server: server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = server.requests.count
        let calls = Calls()
        var options = RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy()))
        options.sync = { name in
            calls.add(name)
            return SyncOutcome(accounts: 1, newStories: 2, failures: [])
        }
        let backend = TestBackend(width: 160, height: 48, events: [.key(.character("r"))],
                                  whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault, clock: { Date() },
                                    settlesEffectsBeforeInput: true, refresh: options)
        await runtime.run()
        #expect(calls.all == ["home"])
        #expect(server.requests.count == before, "no feed of the urls file is fetched")
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(screens.contains { $0.contains("synced account home (for Harbour news): 2 new") })
    }

    @Test("R refreshes the feeds, then says the accounts are syncing, then sums both up")
    func rAllSyncsEveryAccount() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 304) }
        let (cache, dir) = try await Self.cache(server: server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let calls = Calls()
        var options = RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy()))
        options.sync = { name in
            calls.add(name)
            // Long enough for the loop to draw the progress that says so.
            try? await Task.sleep(for: .milliseconds(500))
            return SyncOutcome(accounts: 1, newStories: 2, failures: [])
        }
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Pilot boat renamed", event: .key(.character("R"))),
            .init(waitFor: "syncing accounts…", event: .resize(width: 160, height: 48)),
            .init(waitFor: "refreshed 1 feed and synced 1 account: 2 new", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: .utc, pollMilliseconds: 5, refresh: options)
        await runtime.run()
        #expect(!backend.gaveUp)
        #expect(calls.all == [nil])
    }

    @Test("r on a synced story when config.toml has no account left says so")
    func noAccountLeft() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "gone") }
        let (cache, dir) = try await Self.cache(server: server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = TestBackend(width: 160, height: 48, events: [.key(.character("r"))],
                                  whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault, clock: { Date() },
                                    settlesEffectsBeforeInput: true,
                                    refresh: RefreshOptions(refresher: Refresher(cache: cache, policy: FetchPolicy())))
        await runtime.run()
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        #expect(screens.contains { $0.contains("account home is not in config.toml ([[sync]])") })
    }
}

import Foundation
import NewsCache
import NewsModel
import NewsSources
import Testing
import TestSupport
@testable import NewsSync

/// The Miniflux client driven by the real sync engine into a real cache, against a Miniflux fixture on
/// 127.0.0.1 that speaks the REST API as Miniflux documents it.
@Suite struct MinifluxSyncTests {
    static let day: TimeInterval = 86_400

    /// A server with two feeds in two categories and five entries in every state.
    static func server() throws -> MinifluxFixture {
        let server = try MinifluxFixture()
        let start = server.now.addingTimeInterval(-10 * day)
        server.addCategory(id: 3, title: "Coast")
        server.addCategory(id: 4, title: "Hills")
        server.addFeed(.init(id: 21, title: "Tide tables", feedURL: "https://tides.example/feed", siteURL: "https://tides.example/", categoryID: 3))
        server.addFeed(.init(id: 22, title: "Upland post", feedURL: "https://upland.example/rss", siteURL: "https://upland.example/", categoryID: 4))
        let entries: [(Int64, Int64, String, String, Bool)] = [
            (101, 21, "Spring tide at dawn", "unread", false), (102, 21, "Pier repairs begin", "read", false),
            (103, 22, "Shepherds' fair moved", "unread", true), (104, 22, "Snow on the ridge", "read", true),
            (105, 21, "Ferry timetable", "unread", false),
        ]
        for (index, (id, feed, title, status, starred)) in entries.enumerated() {
            server.addEntry(.init(id: id, feedID: feed, title: title, url: "https://news.example/\(id)",
                                  content: "<p>\(title), in full.</p>", author: "Desk \(feed)",
                                  published: start.addingTimeInterval(Double(index) * 3600),
                                  changed: start.addingTimeInterval(Double(index) * 3600), status: status,
                                  starred: starred, tags: ["local"]))
        }
        return server
    }

    static func client(_ server: MinifluxFixture, _ local: SyncedCache, password: String? = nil, pageSize: Int = 2)
        -> MinifluxClient {
        MinifluxClient(account: SyncedCache.account(.miniflux, url: server.baseURL),
                       password: password ?? server.password, http: local.http, pageSize: pageSize)
    }

    @Test func theFirstSyncStoresEveryEntryWithItsStateInKeysetPages() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let report = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                             service: Self.client(server, local), now: server.now)
        #expect(report.error == nil)
        #expect(report.newStories == 5)
        let stored = try local.headlines()
        #expect(Set(stored.keys) == ["Spring tide at dawn", "Pier repairs begin", "Shepherds' fair moved",
                                     "Snow on the ridge", "Ferry timetable"])
        #expect(stored["Pier repairs begin"]?.isRead == true && stored["Spring tide at dawn"]?.isRead == false)
        #expect(stored["Shepherds' fair moved"]?.isStarred == true && stored["Ferry timetable"]?.isStarred == false)
        #expect(stored["Upland post"] == nil && stored["Snow on the ridge"]?.feedTitle.text == "Upland post")
        // Pages of two, each after the last id seen: three pages for five entries.
        let pages = server.requests.filter { $0.path.hasPrefix("/v1/entries?") }.map(\.path)
        #expect(pages.count == 3)
        #expect(pages.dropFirst().allSatisfy { $0.contains("after_entry_id=") } && !pages[0].contains("after_entry_id"))
        #expect(pages.allSatisfy { !$0.contains("changed_after") })
    }

    @Test func anUnchangedSyncAsksOnlyForChangesAndChangesNothing() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        _ = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        let before = server.requests.count
        let again = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        #expect(again.error == nil && again.newStories == 0 && again.changedStates == 0 && again.marksSent == 0)
        let asked = server.requests.dropFirst(before).filter { $0.path.hasPrefix("/v1/entries?") }
        #expect(asked.count == 1 && asked.allSatisfy { $0.path.contains("changed_after=") })
    }

    @Test func marksMadeElsewhereComeDownAndLocalMarksGoUp() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        _ = await local.engine.sync(account, service: Self.client(server, local), now: server.now)

        // Another device: reads 101, stars 105. This reader: reads 103, unstars 104, stars 102.
        server.change(101, status: "read")
        server.change(105, starred: true)
        let stored = try local.headlines()
        let read = try #require(stored["Shepherds' fair moved"]).id
        #expect(try local.cache.mark([read], .read).isEmpty)
        _ = try local.cache.mark([try #require(stored["Snow on the ridge"]).id], .unstar)
        _ = try local.cache.mark([try #require(stored["Pier repairs begin"]).id], .star)

        let report = await local.engine.sync(account, service: Self.client(server, local),
                                             now: server.now.addingTimeInterval(1))
        #expect(report.error == nil)
        #expect(server.entry(103)?.status == "read" && server.entry(104)?.starred == false && server.entry(102)?.starred == true)
        let after = try local.headlines()
        #expect(after["Spring tide at dawn"]?.isRead == true && after["Ferry timetable"]?.isStarred == true)
        #expect(try local.cache.queuedMarkCount() == 0)
        // Read states went up in one bulk request; each star was read before it was toggled.
        let puts = server.requests.filter { $0.method == "PUT" }
        #expect(puts.filter { $0.path == "/v1/entries" }.count == 1)
        #expect(puts.filter { $0.path.hasSuffix("/bookmark") }.count == 2)
    }

    @Test func sendingAStarTwiceDoesNotToggleItBack() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let client = Self.client(server, local)
        let star = RemoteMark(remoteID: "101", action: .star, markedAt: server.now)
        try await client.send([star])
        try await client.send([star])
        #expect(server.entry(101)?.starred == true)
        #expect(server.requests.filter { $0.path.hasSuffix("/bookmark") }.count == 1)
    }

    @Test func aMarkMadeWhileTheServerIsDownWaitsAndGoesUpWhenItIsBack() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        _ = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                    service: Self.client(server, local), now: server.now)
        _ = try local.cache.mark([try #require(try local.story("Ferry timetable")).id], .read)

        server.stop()
        let down = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                           service: Self.client(server, local), now: server.now)
        #expect(down.unreachable && down.error?.contains("cannot reach the server") == true)
        #expect(try local.cache.queuedMarkCount() == 1)
        #expect(server.entry(105)?.status == "unread")
        #expect(try local.story("Ferry timetable")?.isRead == true)

        // Back, then gone again in the middle of its first answer: still queued.
        try server.start()
        server.fail(.drop)
        let dropped = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                              service: Self.client(server, local), now: server.now)
        #expect(dropped.unreachable)
        #expect(try local.cache.queuedMarkCount() == 1)

        let back = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                           service: Self.client(server, local), now: server.now)
        #expect(back.error == nil && back.marksSent == 1)
        #expect(server.entry(105)?.status == "read")
        #expect(try local.cache.queuedMarkCount() == 0)
    }

    @Test func aWrongPasswordIsSaidAndAnAPIKeyWorksInItsPlace() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        let wrong = await local.engine.sync(account, service: Self.client(server, local, password: "wrong"), now: server.now)
        #expect(wrong.error == SyncError.wrongPassword(user: "reader").message && !wrong.unreachable)
        #expect(try local.headlines().isEmpty)

        let keyed = await local.engine.sync(account, service: Self.client(server, local, password: server.token), now: server.now)
        #expect(keyed.error == nil && keyed.newStories == 5)
        #expect(server.requests.last?.headers["x-auth-token"] == server.token)
    }

    @Test func busyAndBrokenServersAreClearMessagesAndLoseNothing() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        _ = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        _ = try local.cache.mark([try #require(try local.story("Ferry timetable")).id], .star)

        server.fail(.status(429, retryAfter: 120))
        let busy = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        #expect(busy.unreachable && busy.error?.contains("HTTP 429") == true && busy.error?.contains("retry after") == true)
        #expect(try local.cache.syncAccounts().first?.retryAfter != nil)

        // Retry-After counts from the wall clock; an hour later it has passed.
        let later = Date().addingTimeInterval(3600)
        server.fail(.status(503, retryAfter: nil))
        let failing = await local.engine.sync(account, service: Self.client(server, local), now: later)
        #expect(failing.unreachable && failing.error?.contains("HTTP 503") == true)

        server.fail(.html)
        let html = await local.engine.sync(account, service: Self.client(server, local), now: later)
        #expect(!html.unreachable && html.error?.contains("instead of the API") == true)

        #expect(try local.cache.queuedMarkCount() == 1)
        #expect(try local.headlines().count == 5)
        let fine = await local.engine.sync(account, service: Self.client(server, local), now: later)
        #expect(fine.error == nil && server.entry(105)?.starred == true)
    }

    @Test func aPageOverTheSizeLimitIsAskedForAgainWithFewerEntries() async throws {
        let server = try Self.server()
        // Each entry's JSON is 0.7 to 1.2 KB: a page of four is over 2.5 KB, a single entry is not.
        let local = try SyncedCache(maxBytes: 2_500)
        let report = await local.engine.sync(SyncedCache.account(.miniflux, url: server.baseURL),
                                             service: Self.client(server, local, pageSize: 4), now: server.now)
        #expect(report.error == nil && report.newStories == 5)
        let limits = server.requests.filter { $0.path.hasPrefix("/v1/entries?") }
            .compactMap { URLComponents(string: $0.path)?.queryItems?.first { $0.name == "limit" }?.value }
        #expect(limits.first == "4" && limits.dropFirst().allSatisfy { Int($0) ?? 9 < 4 })
        #expect(try local.cache.syncAccounts().first?.syncPoint != nil)
    }

    @Test func oneEntryOverTheSizeLimitIsSaidAndKeepsWhatIsStored() async throws {
        let server = try Self.server()
        let local = try SyncedCache(maxBytes: 4_000)
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        _ = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        server.addEntry(.init(id: 106, feedID: 21, title: "The full survey", url: "https://news.example/106",
                              content: "<p>" + String(repeating: "Sounding after sounding. ", count: 400) + "</p>",
                              published: server.now, changed: server.now.addingTimeInterval(1)))
        let report = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        #expect(report.error == "an answer was larger than the limit of 4000 bytes (max-feed-size-mb in [refresh])")
        #expect(try local.headlines().count == 5)
    }

    @Test func anEntryFiledUnderAnotherFeedMovesWithItsMarks() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let account = SyncedCache.account(.miniflux, url: server.baseURL)
        _ = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        let before = try #require(try local.story("Spring tide at dawn"))
        server.move(101, toFeed: 22)
        let moved = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        #expect(moved.error == nil && moved.newStories == 0)
        let after = try #require(try local.story("Spring tide at dawn"))
        #expect(after.id == before.id && after.feedTitle.text == "Upland post" && after.isRead == false)
        // Counters follow the story, and the next sync works too.
        let feeds = try local.cache.feeds().filter { $0.kind == .synced }
        #expect(feeds.first { $0.title == "Tide tables" }?.unreadCount == 1)
        #expect(feeds.first { $0.title == "Upland post" }?.unreadCount == 2)
        server.change(101, status: "read")
        let again = await local.engine.sync(account, service: Self.client(server, local), now: server.now)
        #expect(again.error == nil)
        #expect(try local.story("Spring tide at dawn")?.isRead == true)
    }
}

import Foundation
import NewsCache
import NewsModel
import NewsSources
import Testing
import TestSupport
@testable import NewsSync

/// The Tiny Tiny RSS client driven by the real sync engine into a real cache, against a TT-RSS fixture on
/// 127.0.0.1 that speaks the JSON API as tt-rss documents it.
@Suite struct TinyTinyRSSSyncTests {
    /// A server with two feeds in two categories and five articles in every state.
    static func server() throws -> TinyTinyRSSFixture {
        let server = try TinyTinyRSSFixture()
        // Ten days ago: inside the first sync's window.
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 10 * 86_400).rounded())
        server.addCategory(id: 2, title: "Rivers")
        server.addCategory(id: 5, title: "Towns")
        server.addFeed(.init(id: 7, title: "Valley gazette", feedURL: "https://valley.example/rss", categoryID: 2))
        server.addFeed(.init(id: 8, title: "Market square", feedURL: "https://square.example/atom", categoryID: 5))
        let articles: [(Int64, Int64, String, Bool, Bool)] = [
            (101, 7, "Flood gates tested", true, false), (102, 7, "Weir walk reopens", false, false),
            (103, 8, "Cheese stalls return", true, true), (104, 8, "Clock tower chimes again", false, true),
            (105, 7, "Otters seen upstream", true, false),
        ]
        for (index, (id, feed, title, unread, marked)) in articles.enumerated() {
            server.addArticle(.init(id: id, feedID: feed, title: title, link: "https://tt.example/\(id)",
                                    content: "<p>\(title): the whole story.</p>", author: "Clerk \(feed)",
                                    updated: start.addingTimeInterval(Double(index) * 3600), unread: unread,
                                    marked: marked, tags: ["valley"]))
        }
        return server
    }

    static func account(_ server: TinyTinyRSSFixture) -> SyncAccount {
        SyncedCache.account(.ttrss, url: server.baseURL)
    }

    static func client(_ server: TinyTinyRSSFixture, _ local: SyncedCache, password: String? = nil, pageSize: Int = 2)
        -> TinyTinyRSSClient {
        TinyTinyRSSClient(account: account(server), password: password ?? server.password, http: local.http,
                          pageSize: pageSize)
    }

    /// The parameters of every call of `op`, in order.
    static func calls(_ server: TinyTinyRSSFixture, _ op: String) -> [[String: Any]] {
        server.requests.compactMap { request in
            guard let call = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any],
                  call["op"] as? String == op else { return nil }
            return call
        }
    }

    @Test func theFirstSyncStoresEveryArticleWithItsMarks() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil && report.newStories == 5)
        let stored = try local.headlines()
        #expect(stored.count == 5)
        #expect(stored["Weir walk reopens"]?.isRead == true && stored["Flood gates tested"]?.isRead == false)
        #expect(stored["Cheese stalls return"]?.isStarred == true && stored["Otters seen upstream"]?.isStarred == false)
        #expect(stored["Clock tower chimes again"]?.feedTitle.text == "Market square")
        // Newest first in pages of two, with content, then the unread and starred lists without; the API is
        // at …/api/ under the address given.
        let pages = Self.calls(server, "getHeadlines").filter { $0["order_by"] as? String == "feed_dates" }
        #expect(pages.count == 3 && pages.map { $0["skip"] as? Int } == [0, 2, 4])
        #expect(pages.allSatisfy { $0["show_content"] as? Bool == true && $0["feed_id"] as? Int == -4 })
        #expect(Self.calls(server, "getArticle").isEmpty)
        #expect(server.requests.allSatisfy { $0.path == "/tt-rss/api/" })
        #expect(Self.calls(server, "getFeeds").first?["cat_id"] as? Int == -4)
    }

    @Test func anUnchangedSyncFetchesNoContentAndChangesNothing() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        let before = Self.calls(server, "getHeadlines").count
        let again = await local.engine.sync(Self.account(server), service: Self.client(server, local, pageSize: 200))
        #expect(again.error == nil && again.newStories == 0 && again.changedStates == 0)
        let asked = Self.calls(server, "getHeadlines").dropFirst(before)
        // New articles since the newest seen, then the starred list (ids only); every feed's unread count is
        // what the cache holds, so no unread list is read.
        #expect(asked.count == 2)
        #expect(asked.first?["since_id"] as? Int == 105 && asked.first?["show_content"] as? Bool == true)
        #expect(asked.last?["show_content"] as? Bool == false && asked.last?["feed_id"] as? Int == -1)
    }

    @Test func marksMadeElsewhereAndNewArticlesComeDownAndLocalMarksGoUp() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))

        server.change(101, unread: false)
        server.change(105, marked: true)
        server.addArticle(.init(id: 106, feedID: 8, title: "Night market opens", link: "https://tt.example/106",
                                content: "<p>Lanterns.</p>", updated: Date(timeIntervalSince1970: 1_789_100_000)))
        let stored = try local.headlines()
        _ = try local.cache.mark([try #require(stored["Cheese stalls return"]).id], .read)
        _ = try local.cache.mark([try #require(stored["Clock tower chimes again"]).id], .unstar)
        _ = try local.cache.mark([try #require(stored["Weir walk reopens"]).id], .star)

        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil && report.newStories == 1 && report.marksSent == 3)
        let after = try local.headlines()
        #expect(after["Flood gates tested"]?.isRead == true && after["Otters seen upstream"]?.isStarred == true)
        #expect(after["Night market opens"]?.isRead == false)
        #expect(server.article(103)?.unread == false && server.article(104)?.marked == false && server.article(102)?.marked == true)
        #expect(try local.cache.queuedMarkCount() == 0)
        let updates = Self.calls(server, "updateArticle")
        #expect(updates.map { "\($0["field"] ?? "")/\($0["mode"] ?? "")" }.sorted() == ["0/0", "0/1", "2/0"])
    }

    @Test func anExpiredSessionLogsInAgainOnce() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        server.expireSessions(before: "getHeadlines")
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil && report.newStories == 5)
        #expect(server.operations.filter { $0 == "login" }.count == 2)
    }

    @Test func aWrongPasswordAndADisabledAPIAreSaid() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let wrong = await local.engine.sync(Self.account(server), service: Self.client(server, local, password: "nope"))
        #expect(wrong.error == SyncError.wrongPassword(user: "reader").message)
        server.apiEnabled = false
        let disabled = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(disabled.error?.contains("Enable API") == true && !disabled.unreachable)
        #expect(try local.headlines().isEmpty)
    }

    @Test func aMarkMadeWhileTheServerIsDownWaitsAndGoesUpWhenItIsBack() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        _ = try local.cache.mark([try #require(try local.story("Otters seen upstream")).id], .read)
        server.fail(.drop)
        let down = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(down.unreachable)
        #expect(try local.cache.queuedMarkCount() == 1)
        #expect(server.article(105)?.unread == true)
        let back = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(back.error == nil && back.marksSent == 1)
        #expect(server.article(105)?.unread == false)
    }

    @Test func busyAndBrokenServersAreClearMessages() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        server.fail(.status(503, retryAfter: nil))
        let busy = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(busy.unreachable && busy.error?.contains("HTTP 503") == true)
        server.fail(.html)
        let html = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(!html.unreachable && html.error?.contains("instead of the API") == true)
        let wrongPlace = TinyTinyRSSClient(account: SyncedCache.account(.ttrss, url: server.baseURL + "elsewhere/"),
                                           password: server.password, http: local.http)
        await #expect(throws: SyncError.self) { try await wrongPlace.logIn() }
        #expect(try local.headlines().isEmpty)
    }

    @Test func aPageOverTheSizeLimitIsSaidAndKeepsWhatIsStored() async throws {
        let server = try Self.server()
        let local = try SyncedCache(maxBytes: 1 << 20)
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        _ = try local.cache.mark([try #require(try local.story("Weir walk reopens")).id], .unread)
        server.addArticle(.init(id: 106, feedID: 7, title: "The long report", link: "https://tt.example/106",
                                content: "<p>" + String(repeating: "Every lock and weir, inspected. ", count: 40_000) + "</p>",
                                updated: Date(timeIntervalSince1970: 1_789_200_000)))
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error?.contains("larger than the limit of 1 MB") == true)
        #expect(try local.headlines().count == 5)
        #expect(try local.cache.queuedMarkCount() == 1)
    }

    @Test func contentsAreFetchedByIdAndUnknownIdsLeftOut() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        let stories = try await Self.client(server, local).contents(["103", "999"])
        #expect(stories.map(\.remoteID) == ["103"])
        #expect(stories.first?.contentHTML == "<p>Cheese stalls return: the whole story.</p>")
        #expect(stories.first?.state.isStarred == true && stories.first?.state.isRead == false)
    }

    @Test func theFirstSyncTakesReadArticlesOfTheLastThirtyDaysOnly() async throws {
        let server = try Self.server()
        let old = Date().addingTimeInterval(-60 * 86_400)
        server.addArticle(.init(id: 90, feedID: 7, title: "Old and read", link: "https://tt.example/90",
                                content: "<p>Read long ago.</p>", updated: old, unread: false))
        server.addArticle(.init(id: 91, feedID: 7, title: "Old and unread", link: "https://tt.example/91",
                                content: "<p>Still waiting.</p>", updated: old, unread: true))
        server.addArticle(.init(id: 92, feedID: 8, title: "Old and starred", link: "https://tt.example/92",
                                content: "<p>Kept.</p>", updated: old, unread: false, marked: true))
        let local = try SyncedCache()
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil && report.newStories == 7)
        let stored = try local.headlines()
        #expect(stored["Old and read"] == nil)
        #expect(stored["Old and unread"]?.isRead == false && stored["Old and starred"]?.isStarred == true)
        #expect(stored["Old and starred"]?.isRead == true)
        // The window's pages stop at the first article older than it; the old ones came by id.
        let asked = Self.calls(server, "getArticle").compactMap { $0["article_id"] as? String }
        #expect(asked.flatMap { $0.split(separator: ",") }.sorted() == ["91", "92"])
        // The next sync starts after the newest article seen.
        #expect(try local.cache.syncAccounts().first?.syncPoint?.hasPrefix("105 ") == true)
    }

    @Test func anArticleReadElsewhereWhileTheUnreadListIsPagedLeavesNoOtherOneRead() async throws {
        let server = try Self.server()
        let local = try SyncedCache()
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        // Marked unread elsewhere, 102 moves the valley's unread count, so the unread list is read (all of it:
        // as few pages as the valley's alone): 101, 102, 103 and 105, oldest first, in pages of two that
        // repeat one article. 101 is read elsewhere after the first page, so 103 moves up to the second
        // page's first place, which a plain skip passes over.
        server.change(102, unread: true)
        let before = Self.calls(server, "getHeadlines").count
        server.change(101, unread: false, beforeHeadlinesCall: 3)
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil)
        #expect(try local.story("Otters seen upstream")?.isRead == false)
        #expect(try local.story("Cheese stalls return")?.isRead == false)
        // The unread list was read again from its start once the pages no longer met.
        let unreadPages = Self.calls(server, "getHeadlines").dropFirst(before).filter { $0["view_mode"] as? String == "unread" }
        #expect(unreadPages.filter { $0["skip"] as? Int == 0 }.count == 2)
        #expect(try local.story("Weir walk reopens")?.isRead == false)
        // 101 was listed unread before it was read: the next sync, whose count for the valley moved, has it.
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(try local.story("Flood gates tested")?.isRead == true)
    }

    @Test func onlyFeedsWhoseUnreadCountsMovedAreListed() async throws {
        let server = try Self.server()
        for id in Int64(111)...113 {
            server.addArticle(.init(id: id, feedID: 8, title: "Stall \(id)", link: "https://tt.example/\(id)",
                                    content: "<p>Wares.</p>", updated: Date().addingTimeInterval(-3600)))
        }
        let local = try SyncedCache()
        _ = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        server.change(101, unread: false)
        let before = Self.calls(server, "getHeadlines").count
        let report = await local.engine.sync(Self.account(server), service: Self.client(server, local))
        #expect(report.error == nil && report.changedStates == 1)
        #expect(try local.story("Flood gates tested")?.isRead == true)
        #expect(try local.story("Stall 112")?.isRead == false && local.story("Otters seen upstream")?.isRead == false)
        let unread = Self.calls(server, "getHeadlines").dropFirst(before).filter { $0["view_mode"] as? String == "unread" }
        #expect(unread.map { $0["feed_id"] as? Int } == [7])
    }
}

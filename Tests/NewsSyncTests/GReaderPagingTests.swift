import Foundation
import NewsCache
import NewsModel
import NewsSources
import Testing
import TestSupport
@testable import NewsSync

/// The id lists in pages (`n`, `continuation`) and asked for at once: every state change on any page
/// comes down, and no list is asked for twice.
@Suite struct GReaderPagingTests {
    typealias Setup = GReaderSyncTests.Setup

    static func sync(_ setup: Setup, pageSize: Int) async -> SyncReport {
        let client = GReaderClient(account: setup.account(), password: setup.fixture.password,
                                   http: SyncHTTP(fetcher: FeedFetcher(policy: setup.policy)), idsPageSize: pageSize)
        return await SyncEngine(cache: setup.cache).sync(setup.account(), service: client)
    }

    static func idRequests(_ setup: Setup) -> [String] {
        setup.fixture.requests.map(\.path).filter { $0.contains("stream/items/ids") }
    }

    @Test func smallPagesBringEveryStoryAndEveryChangeOnAnyPage() async throws {
        let setup = try Setup(feeds: 3, items: 30)
        let first = await Self.sync(setup, pageSize: 4)
        #expect(first.error == nil)
        #expect(first.newStories == 30)
        // 20 unread in 5 pages, 3 starred in 1, 30 recent in 8; all but the last of each with a continuation.
        let pages = Self.idRequests(setup)
        #expect(pages.filter { $0.contains("xt=") }.count == 5)
        #expect(pages.filter { $0.contains("ot=") }.count == 8)
        #expect(pages.filter { $0.contains("c=") }.count == 4 + 7)
        for item in setup.fixture.items {
            #expect(try setup.story(item.id)?.isRead == item.isRead)
            #expect(try setup.story(item.id)?.isStarred == item.isStarred)
        }

        // Another device reads the oldest unread story (on the last unread page), marks an old read one
        // unread, and stars and unstars stories: all of it comes down, no contents fetched again.
        let items = setup.fixture.items.sorted { $0.id < $1.id }
        let oldestUnread = try #require(items.first { !$0.isRead })
        let oldRead = try #require(items.first { $0.isRead && !$0.isStarred })
        let starred = try #require(items.first { $0.isStarred })
        let plain = try #require(items.last { !$0.isStarred })
        setup.fixture.update(oldestUnread.id) { $0.isRead = true }
        setup.fixture.update(oldRead.id) { $0.isRead = false }
        setup.fixture.update(starred.id) { $0.isStarred = false }
        setup.fixture.update(plain.id) { $0.isStarred = true }
        let served = setup.fixture.contentsCount
        let again = await Self.sync(setup, pageSize: 4)
        #expect(again.error == nil && again.newStories == 0)
        #expect(again.changedStates == 4)
        #expect(setup.fixture.contentsCount == served)
        #expect(try setup.story(oldestUnread.id)?.isRead == true)
        #expect(try setup.story(oldRead.id)?.isRead == false)
        #expect(try setup.story(starred.id)?.isStarred == false)
        #expect(try setup.story(plain.id)?.isStarred == true)
    }

    @Test func eachListIsAskedForOnceWhenItFitsOnePage() async throws {
        let setup = try Setup(feeds: 3, items: 30)
        #expect(await setup.sync().error == nil)
        let pages = Self.idRequests(setup)
        #expect(pages.count == 3)
        #expect(pages.filter { $0.contains("xt=") }.count == 1)
        #expect(pages.filter { $0.contains("starred") }.count == 1)
        #expect(pages.filter { $0.contains("ot=") }.count == 1)
    }

    @Test func aListAskedForAheadThatFailsFailsTheSyncAndStoresNoSyncPoint() async throws {
        let setup = try Setup(feeds: 3, items: 30)
        // Login, subscriptions, then the three lists at once: one of them gets an HTML page.
        setup.fixture.fail(.pass, .pass, .pass, .pass, .html)
        let report = await setup.sync()
        #expect(report.error?.contains("instead of the API") == true)
        #expect(try setup.cache.syncAccounts().first?.syncPoint == nil)
        let again = await setup.sync()
        #expect(again.error == nil && again.newStories == 30)
    }
}

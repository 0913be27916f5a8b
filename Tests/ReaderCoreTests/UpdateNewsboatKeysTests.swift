import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// The keys a newsboat user expects, the start-up fetch of new subscriptions, warnings at start, and
/// noticing another process's writes.
@Suite("newsboat habits and the shared cache in update")
struct UpdateNewsboatKeysTests {
    /// A loaded list of `total` stories of which those at `read` positions are read.
    static func state(total: Int = 10, read: Set<Int>) -> AppState {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        let effects = update(&state, .started)
        let request = Fixtures.headlineRequest(effects)!
        var page = Fixtures.page(0..<total, total: total, unread: total - read.count)
        for index in read { page.rows[index].isRead = true }
        _ = update(&state, .headlinesLoaded(request.id, page))
        return state
    }

    @Test("n and p move to the next and previous unread story of the loaded list, skipping read ones")
    func nextAndPrevious() {
        var state = Self.state(read: [1, 2, 4])
        _ = update(&state, .keyPressed(.character("n")))
        #expect(state.list.selected == 3)
        _ = update(&state, .keyPressed(.character("n")))
        #expect(state.list.selected == 5)
        _ = update(&state, .keyPressed(.character("p")))
        #expect(state.list.selected == 3)
        _ = update(&state, .keyPressed(.character("p")))
        #expect(state.list.selected == 0)
    }

    @Test("past the loaded rows n asks the store, and its answer in another feed switches view and selects it")
    func acrossFeeds() throws {
        var state = Self.state(total: 3, read: [1, 2])
        _ = update(&state, .keyPressed(.character("n")))  // nothing below: ask
        state.list.selected = 2
        let effects = update(&state, .keyPressed(.character("n")))
        guard case .findUnread(let id, let query, let cursor, let forward)? = effects.first else {
            Issue.record("expected a store request, got \(effects)")
            return
        }
        #expect(forward && query == state.list.query && cursor?.id == Fixtures.headline(2).id)
        let elsewhere = Headline(id: StoryID(42), feedID: FeedID(7), feedTitle: "Other desk", title: "Far away",
                                 date: Fixtures.now.addingTimeInterval(-86_400), isRead: false)
        let reload = update(&state, .unreadFound(id, HeadlineQuery(scope: .all), elsewhere))
        let request = try #require(Fixtures.headlineRequest(reload))
        #expect(request.direction == .around(HeadlineCursor(elsewhere)))
        var page = HeadlinePage(rows: [Fixtures.headline(0), elsewhere, Fixtures.headline(5)], startIndex: 9, total: 40,
                                unread: 3)
        page.rows[0].isRead = true
        _ = update(&state, .headlinesLoaded(request.id, page))
        #expect(state.list.selectedHeadline?.id == StoryID(42))
        #expect(state.articleStoryID == StoryID(42))
    }

    @Test("no unread story anywhere: n says so and stays")
    func noneLeft() {
        var state = Self.state(total: 2, read: [0, 1])
        guard case .findUnread(let id, let query, _, _)? = update(&state, .keyPressed(.character("n"))).first else {
            Issue.record("expected a store request")
            return
        }
        #expect(update(&state, .unreadFound(id, query, nil)).isEmpty)
        #expect(state.status?.text == "No other unread story")
        #expect(state.list.selected == 0)
    }

    @Test("in the full-screen story n opens the next unread story and marks it read")
    func fullScreen() {
        var state = Self.state(read: [1])
        _ = update(&state, .keyPressed(.enter))
        let effects = update(&state, .keyPressed(.character("n")))
        #expect(state.mode == .fullScreenArticle)
        #expect(state.articleStoryID == Fixtures.headline(2).id)
        #expect(effects.contains(.setRead(Fixtures.headline(2).id, true)))
    }

    @Test("C asks first; y marks the whole view read in the cache, anything else changes nothing")
    func markViewRead() {
        var state = Self.state(read: [])
        #expect(update(&state, .keyPressed(.character("C"))).isEmpty)
        #expect(state.confirmation?.question.contains("10 unread stories of All stories") == true)
        #expect(update(&state, .keyPressed(.character("n"))).isEmpty)
        #expect(state.confirmation == nil && state.list.unread == 10 && state.status?.text == "Nothing was changed")
        _ = update(&state, .keyPressed(.character("C")))
        #expect(update(&state, .keyPressed(.character("y"))) == [.markViewRead(HeadlineQuery())])
        #expect(state.list.unread == 0 && state.list.rows.allSatisfy(\.isRead))
        let reload = update(&state, .viewMarkedRead(HeadlineQuery(), changed: 10))
        #expect(state.status?.text == "Marked 10 stories read")
        #expect(Fixtures.headlineRequest(reload) != nil)
    }

    @Test("q in a feed's view goes back to all stories; q there quits; Ctrl-C quits anywhere")
    func qBacksOut() throws {
        var state = Self.state(read: [])
        _ = update(&state, .command(.showFeedList))
        _ = update(&state, .feedListLoaded(FeedDirectory(feeds: [Feed(id: FeedID(1), url: "https://w.example/f", title: "Wire")],
                                                          tags: [], starred: 0, starredUnread: 0)))
        _ = update(&state, .keyPressed(.end))
        _ = update(&state, .keyPressed(.enter))
        #expect(state.list.query.scope == .feed(FeedID(1)))
        let effects = update(&state, .keyPressed(.character("q")))
        #expect(!state.isQuitting)
        #expect(state.list.query.scope == .all)
        #expect(try #require(Fixtures.headlineRequest(effects)).query == HeadlineQuery())
        _ = update(&state, .keyPressed(.character("q")))
        #expect(state.isQuitting)
        var other = Self.state(read: [])
        other.list.query = HeadlineQuery(scope: .tag("news"))
        _ = update(&other, .keyPressed(.control("c")))
        #expect(other.isQuitting)
    }

    @Test("Ctrl-L asks for a full redraw in every pane, the feed list and help")
    func redraw() {
        var state = Self.state(read: [])
        #expect(update(&state, .keyPressed(.control("l"))) == [.redraw])
        _ = update(&state, .keyPressed(.character("?")))
        #expect(update(&state, .keyPressed(.control("l"))) == [.redraw])
        _ = update(&state, .keyPressed(.escape))
        _ = update(&state, .keyPressed(.character("F")))
        #expect(update(&state, .keyPressed(.control("l"))) == [.redraw])
    }

    @Test("r in the feed list refreshes the selected feed")
    func refreshFromFeedList() {
        var state = Self.state(read: [])
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(FeedDirectory(
            feeds: [Feed(id: FeedID(3), url: "https://w.example/f", title: "Broken desk", lastError: "HTTP 500")],
            tags: [], starred: 0, starredUnread: 0)))
        _ = update(&state, .keyPressed(.end))
        let effects = update(&state, .keyPressed(.character("r")))
        guard case .refresh(let request)? = effects.first else {
            Issue.record("expected a refresh, got \(effects)")
            return
        }
        #expect(request.scope == .feed(FeedID(3), title: "Broken desk"))
        #expect(state.views.feedList != nil)
    }

    @Test("the reader fetches never-fetched subscriptions as it starts, quietly when there are none")
    func fetchesNewOnStart() {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        state.refresh.fetchesNewSubscriptionsOnStart = true
        let effects = update(&state, .started)
        guard case .refresh(let request)? = effects.last else {
            Issue.record("expected a start-up fetch, got \(effects)")
            return
        }
        #expect(request.scope == .unfetched)
        _ = update(&state, .refreshFinished(request.id, RefreshTally(done: 0, total: 0)))
        #expect(state.status == nil)
        var off = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        #expect(update(&off, .started).count == 1)
    }

    @Test("warnings found at start show in the status bar, and the start-up fetch's summary does not hide them")
    func warnings() {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        state.refresh.fetchesNewSubscriptionsOnStart = true
        guard case .refresh(let request)? = update(&state, .started).last else {
            Issue.record("expected a start-up fetch")
            return
        }
        _ = update(&state, .warned(["urls: line 3: no URL", "config.toml: line 2: unknown key"]))
        let warning = "warning: urls: line 3: no URL (and 1 more: gazette feeds lists them)"
        #expect(state.status?.text == warning)
        _ = update(&state, .refreshFinished(request.id, RefreshTally(done: 2, total: 2, newStories: 5)))
        #expect(state.status?.text == warning)
    }

    @Test("another process's stories: a new change stamp reloads around the selection, which stays")
    func cacheWatch() throws {
        var state = Self.state(read: [])
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .keyPressed(.down))
        #expect(update(&state, .cacheWatchTicked) == [.checkCache])
        #expect(update(&state, .cacheChecked(5)).isEmpty)
        #expect(update(&state, .cacheChecked(5)).isEmpty)
        let request = try #require(Fixtures.headlineRequest(update(&state, .cacheChecked(6))))
        #expect(request.direction == .around(HeadlineCursor(Fixtures.headline(2))))
        let newer = Headline(id: StoryID(20_000), feedID: FeedID(2), feedTitle: "Cron", title: "Stored by cron",
                             date: Fixtures.now.addingTimeInterval(60))
        let page = HeadlinePage(rows: [newer] + (0..<10).map { Fixtures.headline($0) }, startIndex: 0, total: 11, unread: 11)
        _ = update(&state, .headlinesLoaded(request.id, page))
        #expect(state.list.selectedHeadline?.id == Fixtures.headline(2).id)
        #expect(state.list.rows.contains { $0.title == "Stored by cron" })
    }
}

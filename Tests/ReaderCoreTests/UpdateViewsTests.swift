import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: views (unread only, starred, feeds) and marks (N, s, A)")
struct UpdateViewsTests {
    /// Presses `character` in the state's focused pane.
    func press(_ state: inout AppState, _ character: Character) -> [Effect] {
        update(&state, .keyPressed(.character(character)))
    }

    @Test("u asks for the first page of the same scope, unread only, and u again for all of it")
    func unreadOnly() throws {
        var state = Fixtures.loadedState()
        let request = try #require(Fixtures.headlineRequest(press(&state, "u")))
        #expect(request.query == HeadlineQuery(scope: .all, unreadOnly: true))
        #expect(request.direction == .first)
        #expect(state.list.query.unreadOnly)
        _ = update(&state, .headlinesLoaded(request.id, Fixtures.page(0..<10, total: 10)))
        #expect(state.viewTitle == "All stories (unread)")
        let again = try #require(Fixtures.headlineRequest(press(&state, "u")))
        #expect(again.query == HeadlineQuery(scope: .all, unreadOnly: false))
    }

    @Test("a view switch keeps the old rows until the new page arrives, then selects its first story")
    func switchKeepsRowsUntilAnswer() throws {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.down))
        let request = try #require(Fixtures.headlineRequest(press(&state, "*")))
        #expect(request.query.scope == .starred)
        #expect(state.list.rows.count == 30)
        let page = HeadlinePage(rows: [Fixtures.headline(5), Fixtures.headline(6)], startIndex: 0, total: 2, unread: 2)
        let effects = update(&state, .headlinesLoaded(request.id, page))
        #expect(state.list.rows.map(\.id) == [Fixtures.headline(5).id, Fixtures.headline(6).id])
        #expect(state.list.selected == 0)
        #expect(effects == [.loadStory(Fixtures.headline(5).id)])
        #expect(state.viewTitle == "Starred")
    }

    @Test("* toggles between starred and all stories")
    func starredToggle() throws {
        var state = Fixtures.loadedState()
        let first = try #require(Fixtures.headlineRequest(press(&state, "*")))
        _ = update(&state, .headlinesLoaded(first.id, Fixtures.page(0..<3, total: 3)))
        let back = try #require(Fixtures.headlineRequest(press(&state, "*")))
        #expect(back.query.scope == .all)
    }

    @Test("switching to an empty view empties the article pane")
    func emptyView() throws {
        var state = Fixtures.loadedState()
        #expect(state.articleStoryID != nil)
        let request = try #require(Fixtures.headlineRequest(press(&state, "*")))
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: [], startIndex: 0, total: 0, unread: 0)))
        #expect(state.articleStoryID == nil)
        #expect(state.list.rows.isEmpty)
    }

    @Test("a view switch from the full-screen story returns to the list")
    func switchFromFullScreen() throws {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.enter))
        #expect(state.mode == .fullScreenArticle)
        _ = press(&state, "u")
        #expect(state.mode == .normal)
        #expect(state.focus == .headlines)
    }

    @Test("N marks the selected story read and unread again, on screen and in the cache")
    func toggleRead() {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        #expect(press(&state, "N") == [.setRead(id, true)])
        #expect(state.list.selectedHeadline?.isRead == true)
        #expect(state.list.unread == 4)
        #expect(press(&state, "N") == [.setRead(id, false)])
        #expect(state.list.selectedHeadline?.isRead == false)
        #expect(state.list.unread == 5)
    }

    @Test("s stars and unstars the selected story")
    func toggleStar() {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        #expect(press(&state, "s") == [.setStarred(id, true)])
        #expect(state.list.selectedHeadline?.isStarred == true)
        #expect(press(&state, "s") == [.setStarred(id, false)])
        #expect(state.list.selectedHeadline?.isStarred == false)
    }

    @Test("N and s also work on the story open full-screen")
    func marksInArticle() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        #expect(press(&state, "s") == [.setStarred(Fixtures.headline(0).id, true)])
        #expect(press(&state, "N") == [.setRead(Fixtures.headline(0).id, false)])
    }

    @Test("a failed write puts the mark back and says why")
    func markFailure() {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        _ = press(&state, "s")
        _ = update(&state, .markFailed(.starred(id, true), message: "disk full"))
        #expect(state.list.selectedHeadline?.isStarred == false)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("disk full") == true)
        _ = press(&state, "N")
        _ = update(&state, .markFailed(.read(id, true), message: "read-only"))
        #expect(state.list.selectedHeadline?.isRead == false)
        #expect(state.list.unread == 5)
    }

    @Test("A marks the selected story's feed read: loaded rows at once, the exact count from the answer")
    func markFeedRead() {
        var rows = (0..<4).map { Fixtures.headline($0) }
        rows[1].feedID = FeedID(2)
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        guard case .loadHeadlines(let request)? = update(&state, .started).first else { Issue.record("no request"); return }
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: rows, startIndex: 0, total: 40, unread: 40)))
        let effects = press(&state, "A")
        #expect(effects == [.markFeedRead(FeedID(1), HeadlineQuery())])
        #expect(state.list.rows.map(\.isRead) == [true, false, true, true])
        #expect(state.list.unread == 37)
        _ = update(&state, .feedMarkedRead(FeedID(1), HeadlineQuery(), changed: 30, unread: 10))
        #expect(state.list.unread == 10)
        #expect(state.status?.text == "Marked 30 stories of Wire read")
    }

    @Test("A in a feed view marks that feed, even with no story selected")
    func markFeedReadInFeedView() throws {
        var state = Fixtures.loadedState()
        let query = HeadlineQuery(scope: .feed(FeedID(7)))
        // Choose the feed through the feed list.
        _ = press(&state, "F")
        _ = update(&state, .feedListLoaded(FeedDirectory(
            feeds: [Feed(id: FeedID(7), url: "https://example.org/feed", title: "Example", unreadCount: 0, totalCount: 0)],
            tags: [], starred: 0, starredUnread: 0)))
        _ = update(&state, .keyPressed(.end))
        let request = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.enter))))
        #expect(request.query == query)
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: [], startIndex: 0, total: 0, unread: 0)))
        #expect(press(&state, "A") == [.markFeedRead(FeedID(7), query)])
        #expect(state.viewTitle == "Example")
    }

    @Test("opening a story does not mark it read when markReadOnOpen is off")
    func markReadOnOpenOff() {
        var state = Fixtures.loadedState(total: 5)
        state.views.markReadOnOpen = false
        let effects = update(&state, .keyPressed(.enter))
        #expect(!effects.contains(.setRead(Fixtures.headline(0).id, true)))
        #expect(state.list.selectedHeadline?.isRead == false)
        #expect(state.mode == .fullScreenArticle)
    }
}

@Suite("update: the feed list (F)")
struct UpdateFeedListTests {
    static let directory = FeedDirectory(
        feeds: [
            Feed(id: FeedID(1), url: "https://a.example/feed", title: "Alpha", tags: ["news"], unreadCount: 2,
                 totalCount: 5),
            Feed(id: FeedID(2), url: "https://b.example/feed", title: "Beta", tags: ["news", "tech"],
                 lastError: "HTTP 404", unreadCount: 1, totalCount: 3),
        ],
        tags: ["news", "tech"], starred: 4, starredUnread: 1)

    @Test("F opens the list and asks for the feeds; F again closes it")
    func openClose() {
        var state = Fixtures.loadedState()
        #expect(update(&state, .keyPressed(.character("F"))) == [.loadFeedList])
        #expect(state.views.feedList?.hasLoaded == false)
        #expect(update(&state, .keyPressed(.character("F"))).isEmpty)
        #expect(state.views.feedList == nil)
    }

    @Test("the entries are all stories, starred, each tag and each feed, with their counts")
    func entries() {
        let entries = FeedListState.entries(for: Self.directory)
        #expect(entries.map(\.title) == ["All stories", "Starred", "#news", "#tech", "Alpha", "Beta"])
        #expect(entries.map(\.unread) == [3, 1, 3, 1, 2, 1])
        #expect(entries.map(\.total) == [8, 4, 8, 3, 5, 3])
        #expect(entries[5].error == "HTTP 404")
        #expect(entries[2].scope == .tag("news"))
    }

    @Test("the current view's entry is selected; ↓ and Enter show another, Esc closes without switching")
    func chooseEntry() throws {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(Self.directory))
        #expect(state.views.feedList?.selected == 0)
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .keyPressed(.down))
        #expect(state.views.feedList?.selectedEntry?.title == "#news")
        #expect(state.list.selected == 0, "the headline selection did not move")
        let request = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.enter))))
        #expect(request.query.scope == .tag("news"))
        #expect(state.views.feedList == nil)

        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(Self.directory))
        #expect(state.views.feedList?.selectedEntry?.title == "#news")
        #expect(update(&state, .keyPressed(.escape)).isEmpty)
        #expect(state.views.feedList == nil)
        #expect(state.list.query.scope == .tag("news"))
    }

    @Test("? in the feed list shows its keys; Esc then only closes the help")
    func help() {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .keyPressed(.character("?")))
        #expect(state.isShowingHelp)
        _ = update(&state, .keyPressed(.escape))
        #expect(!state.isShowingHelp)
        #expect(state.views.feedList != nil)
    }

    @Test("a failed feed list closes with an error")
    func failure() {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(FeedDirectory(feeds: [], tags: [], starred: 0, starredUnread: 0,
                                                         failure: "disk on fire")))
        #expect(state.views.feedList == nil)
        #expect(state.status == StatusMessage("Could not load the feeds: disk on fire", isError: true))
    }
}

@Suite("update: search (/)")
struct UpdateSearchTests {
    /// Types `text` into the open prompt.
    func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = update(&state, .keyPressed(.character(character))) }
    }

    @Test("/ opens the prompt; typing, Backspace and Unicode edit it; keys do not reach the list")
    func prompt() {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("/")))
        #expect(state.views.searchPrompt == SearchPrompt())
        type(&state, "qjé東京x")
        _ = update(&state, .keyPressed(.backspace))
        #expect(state.views.searchPrompt?.text == "qjé東京")
        #expect(state.list.selected == 0, "j went to the prompt, not the list")
        #expect(!state.isQuitting, "q went to the prompt")
    }

    @Test("Enter lists the matches ranked, as one page; Esc goes back to the view before")
    func searchAndLeave() throws {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("u")))
        let unread = try #require(state.list.pending)
        _ = update(&state, .headlinesLoaded(unread.id, Fixtures.page(0..<5, total: 5)))
        _ = update(&state, .keyPressed(.character("/")))
        type(&state, "Maduro ")
        let request = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.enter))))
        #expect(request.query == HeadlineQuery(scope: .search("Maduro")))
        #expect(state.views.searchPrompt == nil)
        var page = Fixtures.page(3..<5, total: 2)
        page.startIndex = 0
        page.titleMatches = [Fixtures.headline(3).id: ["Maduro"]]
        _ = update(&state, .headlinesLoaded(request.id, page))
        #expect(state.views.titleMatches[Fixtures.headline(3).id] == ["Maduro"])
        #expect(state.viewTitle == "Search: Maduro")
        #expect(state.isShowingSearch)

        let back = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.escape))))
        #expect(back.query == HeadlineQuery(scope: .all, unreadOnly: true))
        _ = update(&state, .headlinesLoaded(back.id, Fixtures.page(0..<5, total: 5)))
        #expect(state.views.titleMatches.isEmpty)
    }

    @Test("Esc in the prompt cancels without searching; Enter on blank text does nothing")
    func cancel() {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("/")))
        type(&state, "abc")
        #expect(update(&state, .keyPressed(.escape)).isEmpty)
        #expect(state.views.searchPrompt == nil)
        _ = update(&state, .keyPressed(.character("/")))
        type(&state, "  ")
        #expect(update(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.list.query == HeadlineQuery())
    }

    @Test("Esc on the list outside a search does nothing")
    func escapeOutsideSearch() {
        var state = Fixtures.loadedState()
        #expect(update(&state, .keyPressed(.escape)).isEmpty)
        #expect(state.status == nil)
    }
}

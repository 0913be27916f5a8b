import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: refreshing from the reader")
struct UpdateRefreshTests {
    /// A loaded state that may refresh.
    static func refreshable(total: Int = 30) -> AppState {
        var state = Fixtures.loadedState(total: total)
        state.refresh.unavailableReason = nil
        return state
    }

    static func refreshRequest(_ effects: [Effect]) -> RefreshRequest? {
        for effect in effects { if case .refresh(let request) = effect { return request } }
        return nil
    }

    @Test("R asks for a refresh of every feed and the status bar says so")
    func refreshAll() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        #expect(request.scope == .all)
        #expect(state.refresh.running == request)
        #expect(state.refresh.statusText == "refreshing…")
    }

    @Test("r refreshes the selected story's feed")
    func refreshFeed() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("r")))))
        #expect(request.scope == .feed(FeedID(1), title: "Wire"))
        #expect(state.refresh.statusText == "refreshing Wire…")
    }

    @Test("in a session that cannot refresh, r and R say why and ask for nothing")
    func unavailable() {
        var state = Fixtures.loadedState()
        state.refresh.unavailableReason = "the sample edition has nothing to refresh — add feeds with gazette add URL"
        for key in ["r", "R"] {
            let effects = update(&state, .keyPressed(.character(Character(key))))
            #expect(effects.isEmpty)
            #expect(state.status?.text.contains("sample edition has nothing to refresh") == true)
            #expect(state.refresh.running == nil)
        }
    }

    @Test("a second R while one runs starts nothing and says it is running")
    func alreadyRunning() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        _ = update(&state, .refreshProgressed(request.id, RefreshTally(done: 37, total: 120), at: Fixtures.now))
        let effects = update(&state, .keyPressed(.character("R")))
        #expect(effects.isEmpty)
        #expect(state.status?.text == "a refresh is already running (refreshing 37/120)")
    }

    @Test("progress updates the count; progress of another refresh is dropped")
    func progress() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        _ = update(&state, .refreshProgressed(request.id, RefreshTally(done: 37, total: 120), at: Fixtures.now))
        #expect(state.refresh.statusText == "refreshing 37/120")
        let stale = RequestID(rawValue: request.id.rawValue + 50)
        _ = update(&state, .refreshProgressed(stale, RefreshTally(done: 99, total: 120), at: Fixtures.now))
        #expect(state.refresh.statusText == "refreshing 37/120")
    }

    @Test("progress with new stories reloads the window around the selection, then waits before the next")
    func progressReloads() throws {
        var state = Self.refreshable()
        _ = update(&state, .keyPressed(.down))
        let selected = try #require(state.list.selectedHeadline)
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        let first = update(&state, .refreshProgressed(request.id, RefreshTally(done: 3, total: 120, newStories: 4),
                                                      at: Fixtures.now))
        let reload = try #require(Fixtures.headlineRequest(first))
        #expect(reload.direction == .around(HeadlineCursor(selected)))
        _ = update(&state, .headlinesLoaded(reload.id, Fixtures.page(0..<30, total: 30)))
        let soon = update(&state, .refreshProgressed(request.id, RefreshTally(done: 4, total: 120, newStories: 9),
                                                     at: Fixtures.now.addingTimeInterval(0.5)))
        #expect(Fixtures.headlineRequest(soon) == nil)
        let later = update(&state, .refreshProgressed(request.id, RefreshTally(done: 9, total: 120, newStories: 9),
                                                      at: Fixtures.now.addingTimeInterval(3)))
        #expect(Fixtures.headlineRequest(later)?.direction == .around(HeadlineCursor(selected)))
    }

    @Test("the end shows the summary and reloads around the selected story")
    func finished() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        let effects = update(&state, .refreshFinished(request.id, RefreshTally(done: 120, total: 120, newStories: 34,
                                                                                errors: 2, firstError: "Dead: 404")))
        #expect(state.status == StatusMessage("refreshed 120 feeds: 34 new, 2 errors (first: Dead: 404)"))
        #expect(state.refresh.running == nil)
        #expect(state.refresh.statusText == nil)
        #expect(Fixtures.headlineRequest(effects)?.direction == .around(HeadlineCursor(Fixtures.headline(0))))
    }

    @Test("a refresh where every feed failed is an error")
    func allFailed() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("r")))))
        _ = update(&state, .refreshFinished(request.id, RefreshTally(done: 1, total: 1, errors: 1,
                                                                      firstError: "Wire: connection refused")))
        #expect(state.status == StatusMessage("refreshed Wire: 0 new, 1 error (Wire: connection refused)", isError: true))
    }

    @Test("new stories above keep the selection on the same story, on the same screen row")
    func selectionStays() throws {
        var state = Self.refreshable(total: 200)
        for _ in 0..<60 { _ = update(&state, .keyPressed(.down)) }
        // Answer any page the scrolling asked for, as the store would.
        if let pending = state.list.pending {
            _ = update(&state, .headlinesLoaded(pending.id, Fixtures.page(0..<150, total: 200)))
        }
        let story = try #require(state.list.selectedHeadline)
        let rowOnScreen = state.list.selected - state.list.top
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        let reload = try #require(Fixtures.headlineRequest(update(&state, .refreshFinished(
            request.id, RefreshTally(done: 5, total: 5, newStories: 10)))))
        // Ten new stories on top (outside the reloaded page): every old story moved down ten places.
        let oldRows = (state.list.selected - 40..<state.list.selected + 40).map { Fixtures.headline($0) }
        let start = state.list.selected - 40 + 10
        _ = update(&state, .headlinesLoaded(reload.id, HeadlinePage(rows: oldRows, startIndex: start, total: 210,
                                                                     unread: 210)))
        #expect(state.list.selectedHeadline?.id == story.id)
        #expect(state.list.selected - state.list.top == rowOnScreen)
        #expect(state.list.total == 210)
        #expect(state.articleStoryID == story.id)
    }

    @Test("at the top of the list new stories show above the selected one, which stays selected")
    func atTop() throws {
        var state = Self.refreshable(total: 5)
        let story = try #require(state.list.selectedHeadline)
        let request = try #require(Self.refreshRequest(update(&state, .keyPressed(.character("R")))))
        let reload = try #require(Fixtures.headlineRequest(update(&state, .refreshFinished(
            request.id, RefreshTally(done: 1, total: 1, newStories: 2)))))
        let fresh = (1...2).map { n in
            Headline(id: StoryID(Int64(50_000 + n)), feedID: FeedID(2), feedTitle: "New", title: "New \(n)",
                     date: Fixtures.now.addingTimeInterval(Double(100 - n)))
        }
        let effects = update(&state, .headlinesLoaded(reload.id, HeadlinePage(
            rows: fresh + (0..<5).map { Fixtures.headline($0) }, startIndex: 0, total: 7, unread: 7)))
        #expect(state.list.selectedHeadline?.id == story.id)
        #expect(state.list.selected == 2)
        #expect(state.list.top == 0)
        #expect(!effects.contains(.loadStory(story.id)))
    }

    @Test("the timer refreshes every feed quietly, and not while a refresh runs or when it cannot")
    func timer() throws {
        var state = Self.refreshable()
        let request = try #require(Self.refreshRequest(update(&state, .refreshTimerFired)))
        #expect(request.scope == .all)
        #expect(state.status == nil)
        #expect(update(&state, .refreshTimerFired).isEmpty)
        var sample = Fixtures.loadedState()
        sample.refresh.unavailableReason = "no"
        #expect(update(&sample, .refreshTimerFired).isEmpty)
        #expect(sample.status == nil)
    }

    /// A state about to start, that applies the urls file after its first frame and then fetches what is new.
    static func starting() -> AppState {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        state.refresh.fetchesNewSubscriptionsOnStart = true
        state.refresh.appliesSubscriptionsOnStart = true
        return state
    }

    static func applyRequest(_ effects: [Effect]) -> RequestID? {
        for effect in effects { if case .applySubscriptions(let id) = effect { return id } }
        return nil
    }

    @Test("at start the urls file is applied behind the first page: the status bar says so, the list follows, then new lines are fetched")
    func subscriptionsAfterFirstFrame() throws {
        var state = Self.starting()
        let effects = update(&state, .started)
        let first = try #require(Fixtures.headlineRequest(effects))
        let id = try #require(Self.applyRequest(effects))
        #expect(Self.refreshRequest(effects) == nil, "new lines are fetched only once they are in the cache")
        #expect(state.refresh.statusText == "updating subscriptions from the urls file…")
        // The first frame shows what the cache already had.
        _ = update(&state, .headlinesLoaded(first.id, Fixtures.page(0..<10, total: 10)))
        _ = update(&state, .keyPressed(.down))
        #expect(state.refresh.statusText == "updating subscriptions from the urls file…")

        let done = update(&state, .subscriptionsApplied(id, changed: true, failure: nil))
        let reload = try #require(Fixtures.headlineRequest(done))
        #expect(reload.direction == .around(HeadlineCursor(Fixtures.headline(1))))
        #expect(Self.refreshRequest(done)?.scope == .unfetched)
        #expect(state.refresh.updatingSubscriptions == nil)
        #expect(state.refresh.statusText == "fetching new subscriptions…")
        #expect(update(&state, .subscriptionsApplied(id, changed: true, failure: nil)).isEmpty, "a stale answer")
    }

    @Test("an update that ends before the first page asks for the page again; one that changed nothing reloads nothing")
    func subscriptionsBeforeFirstPage() throws {
        var state = Self.starting()
        let effects = update(&state, .started)
        let first = try #require(Fixtures.headlineRequest(effects))
        let id = try #require(Self.applyRequest(effects))
        let again = try #require(Fixtures.headlineRequest(update(&state, .subscriptionsApplied(id, changed: true,
                                                                                                 failure: nil))))
        #expect(again.direction == .first)
        #expect(again.id != first.id)
        #expect(update(&state, .headlinesLoaded(first.id, Fixtures.page(0..<3, total: 3))).isEmpty)
        #expect(!state.list.hasLoaded, "the page read before the update is dropped")

        var unchanged = Self.starting()
        let start = update(&unchanged, .started)
        let page = try #require(Fixtures.headlineRequest(start))
        _ = update(&unchanged, .headlinesLoaded(page.id, Fixtures.page(0..<3, total: 3)))
        let after = update(&unchanged, .subscriptionsApplied(try #require(Self.applyRequest(start)), changed: false,
                                                             failure: nil))
        #expect(Fixtures.headlineRequest(after) == nil)
        #expect(Self.refreshRequest(after)?.scope == .unfetched)
    }

    @Test("an update that fails says why in the status bar, and the reader goes on with what the cache has")
    func subscriptionsFailed() throws {
        var state = Self.starting()
        let id = try #require(Self.applyRequest(update(&state, .started)))
        _ = update(&state, .subscriptionsApplied(id, changed: false, failure: "the disk is full"))
        #expect(state.status == StatusMessage("could not update the subscriptions from the urls file: the disk is full",
                                              isError: true))
        #expect(state.refresh.updatingSubscriptions == nil)
    }

    @Test("the keys are in every pane's help")
    func keysInHelp() {
        for pane in Pane.allCases {
            let commands = Keymap.standard.bindings(for: pane).map(\.command)
            #expect(commands.contains(.refreshFeed))
            #expect(commands.contains(.refreshAll))
            #expect(commands.contains(.openLink))
        }
        #expect(Keymap.standard.command(for: .character("R"), in: .article) == .refreshAll)
    }
}

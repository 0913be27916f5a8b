import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: the headline list and its paging")
struct UpdateListTests {
    @Test("starting asks for the first page of the query")
    func startAsksFirstPage() throws {
        var state = AppState(size: TerminalSize(width: 160, height: 48), query: HeadlineQuery(scope: .starred))
        let request = try #require(Fixtures.headlineRequest(update(&state, .started)))
        #expect(request.direction == .first)
        #expect(request.query.scope == .starred)
        #expect(request.limit >= 47)
        #expect(state.list.pending == request)
        #expect(!state.list.hasLoaded)
    }

    @Test("the first page fills the window, selects the top row and loads its story")
    func firstPageArrives() throws {
        var state = AppState(size: TerminalSize(width: 160, height: 48))
        let request = try #require(Fixtures.headlineRequest(update(&state, .started)))
        let effects = update(&state, .headlinesLoaded(request.id, Fixtures.page(0..<20, total: 20, unread: 7)))
        #expect(state.list.rows.count == 20)
        #expect(state.list.total == 20)
        #expect(state.list.unread == 7)
        #expect(state.list.selected == 0)
        #expect(state.list.pending == nil)
        #expect(effects == [.loadStory(Fixtures.headline(0).id)])
        #expect(state.articleStoryID == Fixtures.headline(0).id)
    }

    @Test("an answer to a request nobody waits for is dropped")
    func staleAnswerDropped() throws {
        var state = AppState(size: TerminalSize(width: 160, height: 48))
        let request = try #require(Fixtures.headlineRequest(update(&state, .started)))
        let stale = RequestID(rawValue: request.id.rawValue + 99)
        let effects = update(&state, .headlinesLoaded(stale, Fixtures.page(0..<5, total: 5)))
        #expect(effects.isEmpty)
        #expect(state.list.rows.isEmpty)
        #expect(state.list.pending == request)
    }

    @Test("↓ and j select the next headline and load its story")
    func downSelectsNext() {
        for key in [Key.down, .character("j")] {
            var state = Fixtures.loadedState()
            let effects = update(&state, .keyPressed(key))
            #expect(state.list.selected == 1)
            #expect(effects == [.loadStory(Fixtures.headline(1).id)])
        }
    }

    @Test("↑ and k select the previous headline; at the top nothing happens")
    func upSelectsPrevious() {
        for key in [Key.up, .character("k")] {
            var state = Fixtures.loadedState()
            _ = update(&state, .keyPressed(.down))
            _ = update(&state, .keyPressed(.down))
            _ = update(&state, .keyPressed(key))
            #expect(state.list.selected == 1)
            _ = update(&state, .keyPressed(key))
            #expect(update(&state, .keyPressed(key)).isEmpty)
            #expect(state.list.selected == 0)
        }
    }

    @Test("↓ on the last headline stays there")
    func downAtEnd() {
        var state = Fixtures.loadedState(total: 3)
        _ = update(&state, .keyPressed(.end))
        #expect(state.list.selected == 2)
        #expect(update(&state, .keyPressed(.down)).isEmpty)
        #expect(state.list.selected == 2)
    }

    @Test("PgDn and PgUp move by a screen less one row")
    func paging() {
        var state = Fixtures.loadedState(total: 200)
        let step = state.listViewportRows - 1
        _ = update(&state, .keyPressed(.pageDown))
        #expect(state.list.selected == step)
        _ = update(&state, .keyPressed(.pageUp))
        #expect(state.list.selected == 0)
    }

    @Test("the list scrolls so the selection stays on screen")
    func listScrolls() {
        var state = Fixtures.loadedState(total: 200)
        let rows = state.listViewportRows
        for _ in 0..<rows { _ = update(&state, .keyPressed(.down)) }
        #expect(state.list.selected == rows)
        #expect(state.list.top == 1)
        for _ in 0..<rows { _ = update(&state, .keyPressed(.up)) }
        #expect(state.list.top == 0)
    }

    @Test("nearing the end of the window asks for the page after the last row, once")
    func nearEdgeLoadsNext() throws {
        var state = Fixtures.loadedState(total: 1000)
        let loaded = state.list.rows.count
        var request: HeadlineRequest?
        var presses = 0
        while request == nil, presses < loaded {
            request = Fixtures.headlineRequest(update(&state, .keyPressed(.down)))
            presses += 1
        }
        let next = try #require(request)
        #expect(next.direction == .after(HeadlineCursor(Fixtures.headline(loaded - 1))))
        #expect(state.list.selected + state.listViewportRows >= loaded)
        // While it is pending, moving on asks for nothing more.
        #expect(Fixtures.headlineRequest(update(&state, .keyPressed(.down))) == nil)
        // The answer is appended after the loaded rows.
        _ = update(&state, .headlinesLoaded(next.id, Fixtures.page(loaded..<(loaded + next.limit), total: 1000)))
        #expect(state.list.offset == 0)
        #expect(state.list.rows.count == loaded + next.limit)
        #expect(state.list.row(at: loaded)?.id == Fixtures.headline(loaded).id)
    }

    @Test("the window keeps a bounded number of rows however far the user scrolls")
    func windowStaysBounded() {
        var state = Fixtures.loadedState(total: 100_000)
        for _ in 0..<400 {
            let effects = update(&state, .keyPressed(.pageDown))
            if let request = Fixtures.headlineRequest(effects), case .after = request.direction {
                let start = state.list.loadedRange.upperBound
                _ = update(&state, .headlinesLoaded(request.id,
                                                    Fixtures.page(start..<(start + request.limit), total: 100_000)))
            }
        }
        #expect(state.list.selected > 10_000)
        #expect(state.list.rows.count <= state.pageSize * 2 + state.listViewportRows * 2)
        #expect(state.list.loadedRange.contains(state.list.selected))
        #expect(state.list.selectedHeadline?.id == Fixtures.headline(state.list.selected).id)
    }

    @Test("G and End jump to the last row, asking for the last page when it is not loaded")
    func endLoadsLastPage() throws {
        for key in [Key.end, .character("G")] {
            var state = Fixtures.loadedState(total: 5000)
            let request = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(key))))
            #expect(request.direction == .last)
            let effects = update(&state, .headlinesLoaded(request.id, Fixtures.page((5000 - request.limit)..<5000, total: 5000)))
            #expect(state.list.selected == 4999)
            #expect(state.list.selectedHeadline?.title == "Story 4999")
            #expect(state.list.top == 5000 - state.listViewportRows)
            #expect(effects.contains(.loadStory(Fixtures.headline(4999).id)))
            // Near the start of this window, a page before it is asked for when moving up.
            #expect(state.list.offset == 5000 - request.limit)
        }
    }

    @Test("g and Home go back to the first row, asking for the first page when it was dropped")
    func homeLoadsFirstPage() throws {
        for key in [Key.home, .character("g")] {
            var state = Fixtures.loadedState(total: 5000)
            let last = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.end))))
            _ = update(&state, .headlinesLoaded(last.id, Fixtures.page((5000 - last.limit)..<5000, total: 5000)))
            let first = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(key))))
            #expect(first.direction == .first)
            _ = update(&state, .headlinesLoaded(first.id, Fixtures.page(0..<first.limit, total: 5000)))
            #expect(state.list.selected == 0)
            #expect(state.list.top == 0)
        }
    }

    @Test("g with the top loaded selects the first row at once")
    func homeWhenLoaded() {
        var state = Fixtures.loadedState(total: 30)
        _ = update(&state, .keyPressed(.pageDown))
        #expect(Fixtures.headlineRequest(update(&state, .keyPressed(.character("g")))) == nil)
        #expect(state.list.selected == 0)
    }

    @Test("moving up near the window's start asks for the rows just newer, and prepends them")
    func pageBefore() throws {
        var state = Fixtures.loadedState(total: 5000)
        let last = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.end))))
        _ = update(&state, .headlinesLoaded(last.id, Fixtures.page((5000 - last.limit)..<5000, total: 5000)))
        var request: HeadlineRequest?
        for _ in 0..<last.limit where request == nil {
            request = Fixtures.headlineRequest(update(&state, .keyPressed(.pageUp)))
        }
        let before = try #require(request)
        let offset = state.list.offset
        #expect(before.direction == .before(HeadlineCursor(Fixtures.headline(offset))))
        _ = update(&state, .headlinesLoaded(before.id, Fixtures.page((offset - before.limit)..<offset, total: 5000)))
        #expect(state.list.offset == offset - before.limit)
        #expect(state.list.row(at: offset - 1)?.title == "Story \(offset - 1)")
        #expect(state.list.selectedHeadline?.title == "Story \(state.list.selected)")
    }

    @Test("a page that does not join the window replaces it")
    func discontiguousReplaces() throws {
        var state = Fixtures.loadedState(total: 1000)
        var request: HeadlineRequest?
        while request == nil { request = Fixtures.headlineRequest(update(&state, .keyPressed(.pageDown))) }
        let next = try #require(request)
        _ = update(&state, .headlinesLoaded(next.id, Fixtures.page(500..<550, total: 1000)))
        #expect(state.list.offset == 500)
        #expect(state.list.rows.count == 50)
        #expect(state.list.loadedRange.contains(state.list.selected))
    }

    @Test("a failed page load becomes an error message and stops waiting")
    func failedLoad() throws {
        var state = AppState(size: TerminalSize(width: 160, height: 48))
        let request = try #require(Fixtures.headlineRequest(update(&state, .started)))
        _ = update(&state, .requestFailed(.headlines(request.id), message: "database is locked"))
        #expect(state.list.pending == nil)
        #expect(state.status == StatusMessage("Could not load headlines: database is locked", isError: true))
    }

    @Test("a failure of a superseded request is ignored")
    func staleFailure() {
        var state = Fixtures.loadedState()
        _ = update(&state, .requestFailed(.headlines(RequestID(rawValue: 999)), message: "gone"))
        #expect(state.status == nil)
    }

    @Test("an empty list loads and selects nothing")
    func emptyList() throws {
        var state = AppState(size: TerminalSize(width: 160, height: 48))
        let request = try #require(Fixtures.headlineRequest(update(&state, .started)))
        let effects = update(&state, .headlinesLoaded(request.id, Fixtures.page(0..<0, total: 0)))
        #expect(effects.isEmpty)
        #expect(state.list.hasLoaded)
        #expect(update(&state, .keyPressed(.down)).isEmpty)
        #expect(update(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.mode == .normal)
    }

    @Test("growing the terminal asks for more rows when the window no longer covers the margin")
    func resizeMayLoad() {
        var state = Fixtures.loadedState(total: 1000, loaded: 60, width: 160, height: 20)
        #expect(Fixtures.headlineRequest(update(&state, .resized(TerminalSize(width: 160, height: 80)))) != nil)
        #expect(state.size.height == 80)
    }
}

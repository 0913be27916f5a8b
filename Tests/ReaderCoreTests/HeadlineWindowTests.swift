import NewsModel
@testable import ReaderCore
import Testing

/// The headline window on its own: its paging functions change only the window, given the pane's height.
@Suite("HeadlineWindow: paging as a sub-state")
struct HeadlineWindowTests {
    /// A window holding `range` of `total`, with the selection at `selected`, on a pane of `rows`.
    static func window(_ range: Range<Int>, total: Int, selected: Int, rows: Int = 10) -> HeadlineWindow {
        var window = HeadlineWindow(query: HeadlineQuery())
        let request = window.request(.first, id: RequestID(rawValue: 1), limit: range.count)
        window.receive(Fixtures.page(range, total: total), for: request, viewportRows: rows, capacity: 1000)
        window.selected = selected
        window.scrollToSelection(viewportRows: rows)
        return window
    }

    @Test("Moves select within the loaded rows; the ends not loaded are a page to load")
    func moves() {
        let window = Self.window(0..<40, total: 100, selected: 5)
        #expect(window.move(.moveDown, pageRows: 9) == .select(6))
        #expect(window.move(.pageUp, pageRows: 9) == .select(-4))
        #expect(window.move(.moveToTop, pageRows: 9) == .select(0))
        #expect(window.move(.moveToBottom, pageRows: 9) == .load(.last))
        #expect(window.clamped(-4) == 0)
        #expect(window.clamped(500) == 39)
        #expect(HeadlineWindow(query: HeadlineQuery()).clamped(3) == nil)
    }

    @Test("Near the lower edge the next page is needed, once; the answer is appended and the front trimmed")
    func nextPage() throws {
        var window = Self.window(0..<40, total: 100, selected: 35)
        let direction = try #require(window.pageNeeded(margin: 10))
        #expect(direction == .after(HeadlineCursor(Fixtures.headline(39))))
        let request = window.request(direction, id: RequestID(rawValue: 2), limit: 40)
        #expect(window.pageNeeded(margin: 10) == nil)
        window.receive(Fixtures.page(40..<80, total: 100), for: request, viewportRows: 10, capacity: 50)
        #expect(window.pending == nil)
        // Rows more than a screen above the pane go; the rest of the excess stays until the next trim.
        #expect(window.loadedRange == 16..<80)
        #expect(window.selectedHeadline?.id == Fixtures.headline(35).id)
    }

    @Test("A page around a story keeps it selected on the same screen row")
    func aroundKeepsRow() {
        var window = Self.window(0..<40, total: 100, selected: 25)
        let rowOnScreen = window.selected - window.top
        let cursor = HeadlineCursor(Fixtures.headline(25))
        let request = window.request(.around(cursor), id: RequestID(rawValue: 3), limit: 40)
        // Three stories arrived above it since: it is now at position 28.
        let page = HeadlinePage(rows: (0..<40).map { Fixtures.headline($0) }, startIndex: 3, total: 103, unread: 103)
        window.receive(page, for: request, viewportRows: 10, capacity: 1000)
        #expect(window.selected == 28)
        #expect(window.selectedHeadline?.id == Fixtures.headline(25).id)
        #expect(window.selected - window.top == rowOnScreen)
    }

    @Test("Only the awaited request's failure counts; it leaves the window loaded and waiting for nothing")
    func failure() {
        var window = HeadlineWindow(query: HeadlineQuery())
        _ = window.request(.first, id: RequestID(rawValue: 7), limit: 10)
        let staleCounts = window.requestFailed(RequestID(rawValue: 6))
        #expect(!staleCounts)
        #expect(window.pending != nil)
        let awaitedCounts = window.requestFailed(RequestID(rawValue: 7))
        #expect(awaitedCounts)
        #expect(window.pending == nil && window.hasLoaded)
    }
}

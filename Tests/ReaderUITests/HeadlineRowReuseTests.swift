import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// A frame copies from the previous one the headline rows whose inputs did not change: the copied rows
/// must be exactly what drawing them again would give, and only unchanged rows are copied.
@Suite("Headline rows reused from the previous frame")
struct HeadlineRowReuseTests {
    /// The cells of `rect` in `screen`, row by row.
    static func cells(_ screen: Screen, _ rect: Rect) -> [[Cell]] {
        (rect.y..<rect.maxY).map { y in (rect.x..<rect.maxX).map { x in screen[x, y] } }
    }

    @Test("after each key, the list pane drawn with the previous frame equals the list drawn afresh")
    func sameAsFresh() throws {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        var previous = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        let keys: [Key] = [.down, .character("N"), .character("s"), .down, .tab, .up, .character("s"), .tab,
                           .character("N"), .up, .up, .down]
        for key in keys {
            _ = update(&state, .keyPressed(key))
            let reused = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: previous.panes)
            let fresh = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
            let list = try #require(ScreenLayout(state).panes[.headlines])
            #expect(Self.cells(reused.screen, list) == Self.cells(fresh.screen, list), "after \(key)")
            previous = reused
        }
        // The clock moving on changes the ages shown: those rows are drawn again, not copied.
        _ = update(&state, .clockTicked(Fixtures.now.addingTimeInterval(3 * 86400)))
        let later = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: previous.panes)
        let fresh = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        let list = try #require(ScreenLayout(state).panes[.headlines])
        #expect(Self.cells(later.screen, list) == Self.cells(fresh.screen, list))
    }

    @Test("a move copies the rows it did not change and draws the two it did")
    func onlyUnchangedRowsCopied() throws {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        var previous = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        let list = try #require(ScreenLayout(state).panes[.headlines])
        // Mark every headline row of the held frame, so a copied row shows the mark and a drawn one does not.
        let marked = Cell("#")
        for y in list.y + 1...list.y + 3 { previous.panes.screen[list.maxX - 1, y] = marked }
        _ = update(&state, .keyPressed(.down))
        let moved = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: previous.panes)
        #expect(moved.screen[list.maxX - 1, list.y + 1] != marked)   // was selected: drawn
        #expect(moved.screen[list.maxX - 1, list.y + 2] != marked)   // now selected: drawn
        #expect(moved.screen[list.maxX - 1, list.y + 3] == marked)   // unchanged: copied
        // Without a previous frame of the same size nothing is copied.
        state.size = TerminalSize(width: 150, height: 48)
        let resized = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: previous.panes)
        #expect(!resized.screen.lines.joined().contains("#"))
    }
}

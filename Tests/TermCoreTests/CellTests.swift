import Testing
@testable import TermCore

/// A cell holds its cluster inline: what it keeps, and that a screen built from text reads back the same.
@Suite("Cells hold their cluster inline")
struct CellTests {
    @Test("text, continuation and equality follow the scalars held")
    func roundTrip() {
        for text in [" ", "a", "é", "e\u{301}", "中", "🇪🇸", "क्षि", "\u{1112}\u{1161}\u{11AB}", "👍"] {
            let cell = Cell(text)
            #expect(cell.text == text)
            #expect(!cell.isContinuation)
            #expect(cell == Cell(text))
        }
        #expect(Cell("").isContinuation && Cell("").text.isEmpty)
        #expect(Cell.continuation(style: .plain) == Cell(""))
        #expect(Cell(scalar: "x") == Cell("x"))
        #expect(Cell("e\u{301}") != Cell("e"))
        #expect(Cell("a", style: Style(attributes: .bold)) != Cell("a"))
    }

    @Test("a cluster keeps at most maxScalars scalars, as a terminal cell does; marks beyond are dropped")
    func stackedMarksAreCut() {
        let marks = String(repeating: "\u{301}", count: 9)
        let cell = Cell("a" + marks)
        #expect(cell.scalarValues.count == Cell.maxScalars)
        #expect(cell.text == "a" + String(repeating: "\u{301}", count: Cell.maxScalars - 1))

        // Drawn on a screen, the cut cluster still takes one column and the text after it goes on.
        var screen = Screen(width: 3, height: 1)
        screen.put("a" + marks + "b", x: 0, y: 0)
        #expect(screen[0, 0].scalarValues.count == Cell.maxScalars)
        #expect(screen.line(0) == "a" + String(repeating: "\u{301}", count: Cell.maxScalars - 1) + "b ")
    }

    @Test("a wide character's right half is a continuation cell in the same style")
    func wideCharacter() {
        var screen = Screen(width: 3, height: 1)
        let style = Style(foreground: .indexed(3))
        screen.put("中", x: 0, y: 0, style: style)
        #expect(screen[0, 0] == Cell("中", style: style))
        #expect(screen[1, 0].isContinuation && screen[1, 0].style == style)
        #expect(screen.line(0) == "中 ")
    }
}

import Testing
import TermCore

@Suite("Frame diff: which cells a backend must send")
struct FrameDiffTests {
    private func screen(_ rows: [String], width: Int) -> Screen {
        var s = Screen(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { s.put(row, x: 0, y: y) }
        return s
    }

    @Test("The first frame sends every cell, one run per row")
    func firstFrame() {
        let next = screen(["ab", "cd", "ef"], width: 4)
        let diff = FrameDiff(from: nil, to: next)
        #expect(diff.isFullRedraw)
        #expect(diff.runs == [.init(x: 0, y: 0, count: 4), .init(x: 0, y: 1, count: 4), .init(x: 0, y: 2, count: 4)])
        #expect(diff.cellCount == 12)
    }

    @Test("A frame of another size sends everything")
    func sizeChange() {
        let previous = screen(["ab"], width: 4)
        let next = screen(["ab"], width: 5)
        let diff = FrameDiff(from: previous, to: next)
        #expect(diff.isFullRedraw)
        #expect(diff.cellCount == 5)
    }

    @Test("An unchanged frame sends nothing")
    func unchanged() {
        let a = screen(["hello", "world"], width: 8)
        let diff = FrameDiff(from: a, to: a)
        #expect(diff.isEmpty)
        #expect(!diff.isFullRedraw)
    }

    @Test("Adjacent changed cells form one run; separate changes form separate runs")
    func runs() {
        let previous = screen(["abcdefgh"], width: 8)
        let next = screen(["aXYdefZh"], width: 8)
        let diff = FrameDiff(from: previous, to: next)
        #expect(diff.runs == [.init(x: 1, y: 0, count: 2), .init(x: 6, y: 0, count: 1)])
    }

    @Test("Changes on different rows never share a run")
    func rows() {
        let previous = screen(["abcd", "abcd"], width: 4)
        let next = screen(["abcX", "Xbcd"], width: 4)
        let diff = FrameDiff(from: previous, to: next)
        #expect(diff.runs == [.init(x: 3, y: 0, count: 1), .init(x: 0, y: 1, count: 1)])
    }

    @Test("A style change alone is a change")
    func styleOnly() {
        let previous = screen(["abcd"], width: 4)
        var next = previous
        next[2, 0] = Cell("c", style: Style(attributes: .bold))
        #expect(FrameDiff(from: previous, to: next).runs == [.init(x: 2, y: 0, count: 1)])
    }

    @Test("A change to the right half of a wide character redraws the whole character")
    func continuationWidensLeft() {
        let previous = screen(["a中b"], width: 5)
        var next = previous
        next[2, 0] = Cell("", style: Style(attributes: .reverse))
        let diff = FrameDiff(from: previous, to: next)
        #expect(diff.runs == [.init(x: 1, y: 0, count: 2)])
    }

    @Test("A run that ends on a new wide character includes its right half")
    func wideCharacterInRun() {
        let previous = screen(["ab中"], width: 5)
        let next = screen(["aX中"], width: 5)
        #expect(FrameDiff(from: previous, to: next).runs == [.init(x: 1, y: 0, count: 1)])
        let replaced = screen(["a日本"], width: 5)
        let diff = FrameDiff(from: screen(["abcde"], width: 5), to: replaced)
        #expect(diff.runs == [.init(x: 1, y: 0, count: 4)])
    }

    @Test("Replacing a wide character by two narrow ones sends both cells")
    func wideToNarrow() {
        let previous = screen(["中"], width: 3)
        let next = screen(["ab"], width: 3)
        #expect(FrameDiff(from: previous, to: next).runs == [.init(x: 0, y: 0, count: 2)])
    }

    @Test("Widening a run leftwards merges it with the run before")
    func mergeAfterWidening() {
        var previous = screen(["a中"], width: 3)
        previous[0, 0] = Cell("a")
        var next = previous
        next[0, 0] = Cell("z")
        next[2, 0] = Cell("", style: Style(attributes: .bold))
        let diff = FrameDiff(from: previous, to: next)
        #expect(diff.runs == [.init(x: 0, y: 0, count: 3)])
    }

    @Test("An empty screen has nothing to send")
    func emptyScreen() {
        let diff = FrameDiff(from: nil, to: Screen(width: 0, height: 0))
        #expect(diff.isEmpty)
    }
}

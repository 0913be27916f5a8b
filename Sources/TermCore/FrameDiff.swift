/// The cells a backend must send to turn the previous frame into the next one, as runs of adjacent cells
/// per row, left to right, top to bottom.
///
/// A run never starts on the right half of a wide character: if only a continuation cell changed (its
/// style, say), the run is widened one column to the left so the backend redraws the whole character.
/// Backends skip continuation cells while drawing a run; the wide character before them covers them.
public struct FrameDiff: Sendable, Equatable {
    /// `count` cells of row `y` starting at column `x`.
    public struct Run: Sendable, Equatable, Hashable {
        public var x: Int
        public var y: Int
        public var count: Int
        public init(x: Int, y: Int, count: Int) { self.x = x; self.y = y; self.count = count }
    }

    /// The changed runs, in drawing order.
    public let runs: [Run]
    /// True when there was nothing to compare with (first frame, or the size changed): every cell is sent.
    public let isFullRedraw: Bool

    /// How many cells the runs cover.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { runs.isEmpty }

    /// The difference from `previous` to `next`. A missing previous frame, or one of another size, means
    /// everything: one run per row.
    public init(from previous: Screen?, to next: Screen) {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            isFullRedraw = true
            runs = next.width == 0 ? [] : (0..<next.height).map { Run(x: 0, y: $0, count: next.width) }
            return
        }
        isFullRedraw = false
        var found: [Run] = []
        let width = next.width
        for y in 0..<next.height {
            var x = 0
            while x < width {
                guard previous[x, y] != next[x, y] else { x += 1; continue }
                var start = x
                // Start on the wide character that owns a changed continuation cell.
                if next[start, y].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width, previous[end, y] != next[end, y] { end += 1 }
                // A run that ends on a wide character takes its continuation cell with it.
                if end < width, next[end, y].isContinuation { end += 1 }
                if let last = found.last, last.y == y, last.x + last.count >= start {
                    found[found.count - 1].count = end - last.x
                } else {
                    found.append(Run(x: start, y: y, count: end - start))
                }
                x = end
            }
        }
        runs = found
    }
}

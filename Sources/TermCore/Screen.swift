/// One terminal cell: the text drawn in it (one grapheme cluster, already reduced by
/// `DisplayWidth.cellText`) and its style. The right half of a wide character is a cell with `text == ""`
/// (`isContinuation`), so the grid's geometry always equals the terminal's.
public struct Cell: Sendable, Equatable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String = " ", style: Style = .plain) { self.text = text; self.style = style }
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// A frame: a grid of cells that widgets draw into. The whole frame is rebuilt every time; a backend
/// sends only the cells that changed since the last one.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width); self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Draws `text` starting at (x, y), clipped to `maxWidth` columns and to the screen; returns the number
    /// of columns used. A wide character that would straddle the clip edge is replaced by a space, so a
    /// row never overflows. Callers pass sanitised text; controls that slipped through take no cell.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style = .plain,
                                                 maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        // Fast path, taken for most text in most scripts: a cluster that is one scalar of known width
        // (`DisplayWidth.simpleCluster`) is placed straight from the UTF-8 bytes, without segmenting it
        // into a `Character` and measuring that. The first cluster that needs segmentation hands the rest
        // to `putCharacters`, the general definition (tests hold the two to the same screens).
        let resume: Int? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var index = 0
            while index < bytes.count {
                guard let simple = DisplayWidth.simpleCluster(bytes, at: index), simple.width > 0,
                      let scalar = Unicode.Scalar(simple.value) else { return index }
                if column + simple.width > limit {
                    if column < limit, column >= 0 { self[column, y] = Cell(" ", style: style) }
                    return -1
                }
                place(String(scalar), width: simple.width, x: column, y: y, style: style)
                column += simple.width
                index += simple.length
            }
            return index
        }
        guard let resume else {
            return putCharacters(text[...], from: x, column: x, y: y, style: style, limit: limit)
        }
        guard resume >= 0, resume < text.utf8.count else { return column - x }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: resume)
        return putCharacters(text[start...], from: x, column: column, y: y, style: style, limit: limit)
    }

    /// `put`'s general definition: `text` segmented into grapheme clusters, each reduced and measured by
    /// `DisplayWidth`, drawn from `column` (the row's drawing started at `x`) up to `limit`. Returns the
    /// columns used since `x`.
    mutating func putCharacters(_ text: some StringProtocol, from x: Int, column start: Int, y: Int, style: Style,
                                limit: Int) -> Int {
        var column = start
        for character in text {
            let cellText = DisplayWidth.cellText(character)
            let w = DisplayWidth.width(ofCellText: cellText)
            if w == 0 {
                // A zero-width cluster (a stray mark) joins the previous cell rather than taking its own.
                if column > x, column - 1 >= 0, column - 1 < width {
                    var previous = self[column - 1, y]
                    if !previous.isContinuation { previous.text.unicodeScalars.append(contentsOf: cellText) }
                    self[column - 1, y] = previous
                }
                continue
            }
            if column + w > limit {
                if column < limit, column >= 0 { self[column, y] = Cell(" ", style: style) }
                break
            }
            place(String(cellText), width: w, x: column, y: y, style: style)
            column += w
        }
        return column - x
    }

    /// Writes one cluster of `w` columns at (x, y); a wide one also takes the cell to its right. Halves of
    /// wide characters it overwrites are blanked. Columns left of the screen are skipped.
    private mutating func place(_ text: String, width w: Int, x column: Int, y: Int, style: Style) {
        guard column >= 0 else { return }
        clearWideOverlap(x: column, y: y)
        self[column, y] = Cell(text, style: style)
        if w == 2, column + 1 < width {
            clearWideOverlap(x: column + 1, y: y)
            self[column + 1, y] = Cell("", style: style)
        }
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { self[x, y] = cell } }
    }

    /// Copies the cells of `rect` from `other`, a screen of the same size (nothing otherwise): a pane that
    /// still shows what it showed in the previous frame, so the terminal is sent nothing for it.
    public mutating func copy(_ rect: Rect, from other: Screen) {
        guard other.width == width, other.height == height else { return }
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { cells.replaceSubrange(y * width + x0..<y * width + x1, with: other.cells[y * width + x0..<y * width + x1]) }
    }

    /// Overwriting one half of a wide character must blank the other half, or the terminal would show half
    /// a glyph and shift the rest of the row.
    private mutating func clearWideOverlap(x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// The text of row `y`, continuation cells omitted: what a terminal shows, for tests.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
        return s
    }

    /// Every row's text, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }
    }
}

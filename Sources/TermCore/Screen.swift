/// One terminal cell: the text drawn in it (one grapheme cluster, already reduced by
/// `DisplayWidth.cellText`) and its style. The right half of a wide character is a cell with `text == ""`
/// (`isContinuation`), so the grid's geometry always equals the terminal's.
///
/// A cell holds its cluster's scalars inline, at most `maxScalars` of them (ncurses' own `CCHARW_MAX`: a
/// terminal cell can carry no more, so nothing drawable is lost), which makes `Cell` a plain value: a
/// frame of 12,000 cells is filled, copied and compared without reference counting.
public struct Cell: Sendable, Equatable, Hashable {
    /// The most scalars one cell keeps: a base and four marks.
    public static let maxScalars = 5
    /// The cluster's scalar values in order; unused slots are 0. All zero: a continuation cell.
    private var s0: UInt32, s1: UInt32 = 0, s2: UInt32 = 0, s3: UInt32 = 0, s4: UInt32 = 0
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        s0 = 0; self.style = style
        for scalar in text.unicodeScalars where !append(scalar) { break }
    }

    /// A cell of one scalar (the common case, made without a `String`).
    public init(scalar: Unicode.Scalar, style: Style = .plain) {
        s0 = scalar.value; self.style = style
    }

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(scalar: " ", style: style)
        cell.s0 = 0
        return cell
    }

    public var isContinuation: Bool { s0 == 0 }
    public static let blank = Cell()

    /// The scalar value at `index` (0 ..< `maxScalars`); 0 past the last one held.
    public func scalarValue(at index: Int) -> UInt32 {
        switch index {
        case 0: s0
        case 1: s1
        case 2: s2
        case 3: s3
        case 4: s4
        default: 0
        }
    }

    /// The scalar values held, in order (empty for a continuation cell).
    public var scalarValues: [UInt32] { [s0, s1, s2, s3, s4].prefix { $0 != 0 } }

    /// The cell's text: its scalars as a string ("" for a continuation cell).
    public var text: String {
        var text = ""
        for value in scalarValues { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        return text
    }

    /// Adds a scalar after those held (a combining mark joining the cluster); false when the cell is full.
    @discardableResult
    public mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value != 0 else { return true }
        if s0 == 0 { s0 = value } else if s1 == 0 { s1 = value } else if s2 == 0 { s2 = value }
        else if s3 == 0 { s3 = value } else if s4 == 0 { s4 = value } else { return false }
        return true
    }
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
                    if column < limit, column >= 0 { self[column, y] = Cell(scalar: " ", style: style) }
                    return -1
                }
                place(Cell(scalar: scalar, style: style), width: simple.width, x: column, y: y)
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
                    if !previous.isContinuation { for scalar in cellText where !previous.append(scalar) { break } }
                    self[column - 1, y] = previous
                }
                continue
            }
            if column + w > limit {
                if column < limit, column >= 0 { self[column, y] = Cell(scalar: " ", style: style) }
                break
            }
            var cell = Cell.continuation(style: style)
            for scalar in cellText where !cell.append(scalar) { break }
            place(cell, width: w, x: column, y: y)
            column += w
        }
        return column - x
    }

    /// Writes one cluster of `w` columns at (x, y); a wide one also takes the cell to its right. Halves of
    /// wide characters it overwrites are blanked. Columns left of the screen are skipped.
    private mutating func place(_ cell: Cell, width w: Int, x column: Int, y: Int) {
        guard column >= 0 else { return }
        clearWideOverlap(x: column, y: y)
        self[column, y] = cell
        if w == 2, column + 1 < width {
            clearWideOverlap(x: column + 1, y: y)
            self[column + 1, y] = .continuation(style: cell.style)
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
        cells.withUnsafeMutableBufferPointer { target in
            other.cells.withUnsafeBufferPointer { source in
                for y in y0..<y1 {
                    for x in x0..<x1 { target[y * width + x] = source[y * width + x] }
                }
            }
        }
    }

    /// Overwriting one half of a wide character must blank the other half, or the terminal would show half
    /// a glyph and shift the rest of the row.
    private mutating func clearWideOverlap(x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(scalar: " ", style: self[x - 1, y].style)
        } else if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(scalar: " ", style: self[x + 1, y].style)
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

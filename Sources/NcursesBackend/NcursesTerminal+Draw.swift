import CNcursesw
import TermCore

extension NcursesTerminal {
    /// Sends the cells that changed since the previous frame (all of them after a start, a resize or
    /// `invalidate()`), one `cchar_t` per cell so combining marks stay attached, then updates the terminal
    /// once. Cells outside the terminal (a frame rendered before a resize was seen) are left out.
    public func draw(_ screen: Screen) {
        guard self.screen != nil, let window = gz_stdscr() else { return }
        let diff = FrameDiff(from: previous, to: screen)
        if !sendCells(of: screen, runs: diff.runs, to: window) {
            // The colour pairs ran out mid-frame: start numbering again and send the whole frame, whose
            // cells drawn so far may now point at redefined pairs.
            pairs.reset()
            styleCache.removeAll(keepingCapacity: true)
            _ = sendCells(of: screen, runs: FrameDiff(from: nil, to: screen).runs, to: window, isRetry: true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = screen
    }

    /// Sends the cells of `runs`; false when the colour pairs ran out (never when `isRetry`: then the
    /// cells that did not get a pair are drawn in the default colours).
    private func sendCells(of screen: Screen, runs: [FrameDiff.Run], to window: UnsafeMutablePointer<WINDOW>,
                           isRetry: Bool = false) -> Bool {
        let (columns, rows) = size
        var cell = cchar_t()
        for run in runs where run.y < rows {
            let end = min(run.x + run.count, columns)
            var x = run.x
            while x < end {
                let content = screen[x, run.y]
                if content.isContinuation { x += 1; continue }
                guard let look = look(of: content.style, allowExhaustion: isRetry) else { return false }
                if let (first, second) = Self.flagHalves(content), x + 1 < columns {
                    // A flag is two regional indicators, each one column to ncurses (which cannot hold two
                    // spacing characters in one cell): send them to this cell and its continuation, so the
                    // terminal receives them together and ncurses' column count still matches.
                    for (offset, half) in [(0, first), (1, second)] {
                        fillCharacters(Cell(scalar: half))
                        _ = cellCharacters.withUnsafeBufferPointer { buffer in
                            gz_setcchar(&cell, buffer.baseAddress, look.attributes, look.pair)
                        }
                        _ = mvwadd_wch(window, Int32(run.y), Int32(x + offset), &cell)
                    }
                    x += 1
                    continue
                }
                fillCharacters(content)
                _ = cellCharacters.withUnsafeBufferPointer { buffer in
                    gz_setcchar(&cell, buffer.baseAddress, look.attributes, look.pair)
                }
                _ = mvwadd_wch(window, Int32(run.y), Int32(x), &cell)
                x += 1
            }
        }
        return true
    }

    /// The two regional indicators of a flag cell (`🇪🇸`), or nil for any other cell.
    nonisolated static func flagHalves(_ cell: Cell) -> (Unicode.Scalar, Unicode.Scalar)? {
        let isIndicator = { (value: UInt32) in (0x1F1E6...0x1F1FF).contains(value) }
        let first = cell.scalarValue(at: 0), second = cell.scalarValue(at: 1)
        guard isIndicator(first), isIndicator(second), cell.scalarValue(at: 2) == 0,
              let a = Unicode.Scalar(first), let b = Unicode.Scalar(second) else { return nil }
        return (a, b)
    }

    /// Puts one cell's text in `cellCharacters`, zero-terminated. Control characters are replaced: they
    /// must never reach the terminal, whatever a widget put in a cell. Extra combining marks beyond
    /// ncurses' `CCHARW_MAX` are dropped.
    private func fillCharacters(_ cell: Cell) {
        let limit = min(cellCharacters.count - 1, Cell.maxScalars)
        var count = 0
        while count < limit {
            let value = cell.scalarValue(at: count)
            guard value != 0 else { break }
            let isControl = value < 0x20 || (0x7F..<0xA0).contains(value)
            cellCharacters[count] = wchar_t(bitPattern: isControl ? 0x20 : value)
            count += 1
        }
        if count == 0 { cellCharacters[0] = 0x20; count = 1 }
        cellCharacters[count] = 0
    }

    /// A style's ncurses attributes and colour pair; nil when a new pair is needed but none is left (or,
    /// with `allowExhaustion`, the default pair instead).
    private func look(of style: Style, allowExhaustion: Bool) -> (attributes: attr_t, pair: Int16)? {
        if let known = styleCache[style] { return known }
        let (foreground, background) = palette.numbers(for: style)
        let pair: Int16
        switch pairs.pair(foreground: foreground, background: background) {
        case .existing(let number):
            pair = number
        case .allocated(let number):
            _ = init_extended_pair(Int32(number), foreground, background)
            pair = number
        case .exhausted:
            guard allowExhaustion else { return nil }
            pair = 0
        }
        let look = (attributes: Self.attributes(of: style.attributes), pair: pair)
        styleCache[style] = look
        return look
    }

    /// ncurses attributes for TermCore's. Strikethrough has no ncurses attribute and is not drawn.
    nonisolated static func attributes(of attributes: Attributes) -> attr_t {
        var result = gz_a_normal()
        if attributes.contains(.bold) { result |= gz_a_bold() }
        if attributes.contains(.dim) { result |= gz_a_dim() }
        if attributes.contains(.italic) { result |= gz_a_italic() }
        if attributes.contains(.underline) { result |= gz_a_underline() }
        if attributes.contains(.reverse) { result |= gz_a_reverse() }
        return result
    }
}

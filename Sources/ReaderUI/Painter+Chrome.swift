import ArticleText
import ReaderCore
import TermCore
import TextSafety

/// The status bar and the help overlay.
extension Painter {
    /// `All stories  12/87  5 unread  ? help` on the left, the message (or the standing hint) on the right.
    /// The position and unread count always stay; the scope and the help reminder give way to a message.
    mutating func drawStatusBar(in rect: Rect) {
        guard !rect.isEmpty else { return }
        fillRow(x: rect.x, y: rect.y, width: rect.width, style: theme[.statusBar])
        var core: String
        if state.list.hasLoaded {
            let position = state.list.total == 0 ? 0 : state.list.selected + 1
            core = "\(position)/\(state.list.total)  \(state.list.unread) unread"
        } else {
            core = "loading…"
        }
        let message = state.status
        let text = (message.map { Sanitizer.cleanLine($0.text) } ?? refreshStatusText
            ?? state.hint.map(Sanitizer.cleanLine)) ?? ""
        let textWidth = DisplayWidth.width(of: text)
        // An error may push the summary out; a hint or notice may not.
        let isError = message?.isError == true
        var left = " " + core
        for extra in [" " + scopeName + "  " + core + "  ? help", " " + scopeName + "  " + core] {
            if DisplayWidth.width(of: extra) + (textWidth > 0 ? textWidth + 3 : 0) <= rect.width {
                left = extra
                break
            }
        }
        if isError, DisplayWidth.width(of: left) + textWidth + 3 > rect.width { left = "" }
        let used = screen.put(left, x: rect.x, y: rect.y, style: theme[.statusBar], maxWidth: rect.width)
        guard !text.isEmpty else { return }
        let room = rect.width - used - 3
        guard room > 0 else { return }
        let shown = TextFit.truncate(text, width: room)
        let shownWidth = DisplayWidth.width(of: shown)
        let x = rect.maxX - shownWidth - 1
        let style = isError ? theme[.statusError] : theme[.statusBar]
        fillRow(x: x - 1, y: rect.y, width: shownWidth + 2, style: style)
        screen.put(shown, x: x, y: rect.y, style: style, maxWidth: shownWidth)
    }

    /// A box in the middle of the screen listing every key of the focused pane, generated from the keymap.
    mutating func drawHelp() {
        let rows = helpRows
        let keyColumn = min(20, rows.map { DisplayWidth.width(of: $0.keys) }.max() ?? 0)
        let summaryColumn = rows.map { DisplayWidth.width(of: $0.summary) }.max() ?? 0
        let width = min(screen.width - 2, keyColumn + summaryColumn + 7)
        // Spacious (a blank row under the title and above the footer) when it fits; otherwise compact, and
        // over the status bar if need be, so a small terminal still lists as many keys as possible.
        let isSpacious = rows.count + 4 <= screen.height - 2
        // Tight: not even the title and footer fit beside the keys, so they give way to the keys.
        let isTight = !isSpacious && rows.count + 2 > screen.height
        let height = isSpacious ? rows.count + 4 : min(screen.height, rows.count + (isTight ? 0 : 2))
        guard width > 10, height > 3 else { return }
        let x = (screen.width - width) / 2
        let y = isSpacious ? max(0, (screen.height - 1 - height) / 2) : max(0, (screen.height - height) / 2)
        let box = theme[.help]
        screen.fill(Rect(x: x, y: y, width: width, height: height), with: Cell(" ", style: box))
        if !isTight {
            screen.put(TextFit.truncate("Keys: \(helpTitle)", width: width - 4), x: x + 2, y: y,
                       style: box.patched(with: Style(attributes: .bold)))
        }
        let firstRow = y + (isSpacious ? 2 : isTight ? 0 : 1)
        for (offset, row) in rows.prefix(height - (isSpacious ? 4 : isTight ? 0 : 2)).enumerated() {
            let rowY = firstRow + offset
            screen.put(TextFit.truncate(row.keys, width: keyColumn), x: x + 2, y: rowY, style: theme[.helpKey],
                       maxWidth: keyColumn)
            screen.put(row.summary, x: x + 4 + keyColumn, y: rowY, style: box, maxWidth: width - keyColumn - 5)
        }
        guard !isTight else { return }
        screen.put(TextFit.truncate("any key closes this help", width: width - 4), x: x + 2, y: y + height - 1,
                   style: box.patched(with: Style(attributes: .dim)))
    }
}

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
        let message = savingMarksMessage ?? state.confirmation.map { StatusMessage($0.question) } ?? state.status
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

    /// After q, while marks are still waiting for the cache's writer (the reader ends once they are
    /// written), the last frame says so rather than looking hung.
    private var savingMarksMessage: StatusMessage? {
        guard state.isQuitting, !state.marksInFlight.isEmpty else { return nil }
        let count = state.marksInFlight.count
        return StatusMessage("Writing \(count == 1 ? "a mark" : "\(count) marks") to the cache…")
    }

    /// A framed box in the middle of the screen listing every key of the focused pane, generated from the
    /// keymap: the title in the top border, the way to scroll and close in the bottom one, and the keys
    /// between, from `helpScroll` down when they are more than the screen holds. The frame keeps the box
    /// apart from the article behind it even without colours (`NO_COLOR`).
    mutating func drawHelp() {
        let rows = helpRows
        guard screen.width >= 12, screen.height >= 3 else { return }
        let keyColumn = min(20, rows.map { DisplayWidth.width(of: $0.keys) }.max() ?? 0)
        let summaryColumn = rows.map { DisplayWidth.width(of: $0.summary) }.max() ?? 0
        let visible = HelpOverlay.visibleRows(rowCount: rows.count, in: state.size)
        let scroll = min(max(0, state.helpScroll), HelpOverlay.maxScroll(rowCount: rows.count, in: state.size))
        let scrolls = visible < rows.count
        let hints = scrolls ? ["↑↓ PgUp PgDn scroll · ? Esc q close", "j/k scroll · q close", "q close"]
            : ["? Esc q close", "q close"]
        let width = min(screen.width, max(keyColumn + summaryColumn + 7, DisplayWidth.width(of: hints[0]) + 6))
        let height = visible + 2
        let x = (screen.width - width) / 2
        let y = max(0, (screen.height - height) / 2)
        let box = theme[.help]
        let frame = box.patched(with: theme[.borderFocused])
        screen.fill(Rect(x: x, y: y, width: width, height: height), with: Cell(" ", style: box))
        for column in x + 1..<x + width - 1 {
            screen.put("─", x: column, y: y, style: frame)
            screen.put("─", x: column, y: y + height - 1, style: frame)
        }
        for row in y + 1..<y + height - 1 {
            screen.put("│", x: x, y: row, style: frame)
            screen.put("│", x: x + width - 1, y: row, style: frame)
        }
        screen.put("┌", x: x, y: y, style: frame)
        screen.put("┐", x: x + width - 1, y: y, style: frame)
        screen.put("└", x: x, y: y + height - 1, style: frame)
        screen.put("┘", x: x + width - 1, y: y + height - 1, style: frame)
        let position = scrolls ? " \(scroll + 1)–\(scroll + visible)/\(rows.count) " : ""
        let titleRoom = width - 4 - position.count
        screen.put(" " + TextFit.truncate("Keys: \(helpTitle)", width: max(1, titleRoom - 2)) + " ", x: x + 2, y: y,
                   style: frame.patched(with: Style(attributes: .bold)), maxWidth: max(0, titleRoom))
        if !position.isEmpty, width > position.count + 8 {
            screen.put(position, x: x + width - 2 - position.count, y: y, style: frame)
        }
        let hint = hints.first { DisplayWidth.width(of: $0) + 6 <= width } ?? ""
        if !hint.isEmpty {
            screen.put(" \(hint) ", x: x + 2, y: y + height - 1, style: frame, maxWidth: width - 4)
        }
        let inner = width - 4
        let keys = min(keyColumn, max(1, inner / 3))
        for (offset, row) in rows.dropFirst(scroll).prefix(visible).enumerated() {
            let rowY = y + 1 + offset
            screen.put(TextFit.truncate(row.keys, width: keys), x: x + 2, y: rowY, style: theme[.helpKey], maxWidth: keys)
            screen.put(TextFit.truncate(row.summary, width: max(1, inner - keys - 2)), x: x + 4 + keys, y: rowY,
                       style: box, maxWidth: max(0, inner - keys - 2))
        }
    }
}

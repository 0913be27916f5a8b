import ArticleText
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// The headline list: one row per story with its unread mark, title, source, age and comment count.
extension Painter {
    /// The rows from `list.top` down that are loaded; a row outside the window is left blank until its
    /// page arrives.
    mutating func drawHeadlines(in rect: Rect) {
        let list = state.list
        guard !rect.isEmpty else { return }
        if !list.hasLoaded {
            screen.put(" Loading headlines…", x: rect.x, y: rect.y, style: theme[.muted], maxWidth: rect.width)
            return
        }
        if list.total == 0 || list.rows.isEmpty {
            screen.put(emptyListMessage, x: rect.x, y: rect.y, style: theme[.muted], maxWidth: rect.width)
            return
        }
        let top = max(0, min(list.top, max(0, list.total - rect.height)))
        let shown = (top..<(top + rect.height)).compactMap { list.row(at: $0) }
        // The source column is as wide as the widest source on screen, within limits, so titles and dates
        // line up from row to row without wasting space.
        let widest = shown.map { DisplayWidth.width(of: $0.feedTitle.text) }.max() ?? 0
        let sourceColumn = min(widest, 14, rect.width / 5)
        // A row drawn from the same inputs in the previous frame, in the same place, is copied from it.
        let context = HeadlineRows.Context(themes: state.themes, focus: state.focus, x: rect.x, width: rect.width,
                                           sourceColumn: sourceColumn)
        let previous = held.flatMap { $0.canKeep(.headlines, in: state) ? $0 : nil }
        var drawn = HeadlineRows(context: context)
        for (row, headline) in shown.enumerated() {
            let y = rect.y + row
            let inputs = HeadlineRows.Row(headline: headline, isSelected: top + row == list.selected,
                                          age: DateText.relative(headline.date, now: state.now),
                                          matches: state.views.titleMatches[headline.id])
            if let previous, previous.headlineRows.holds(inputs, at: y, in: context) {
                screen.copy(Rect(x: rect.x, y: y, width: rect.width, height: 1), from: previous.screen)
            } else {
                drawHeadline(inputs, x: rect.x, y: y, width: rect.width, sourceColumn: sourceColumn)
            }
            drawn.rows[y] = inputs
        }
        headlineRows = drawn
    }

    /// Draws one row from its inputs, and nothing else: `HeadlineRows` relies on that to reuse rows.
    private mutating func drawHeadline(_ inputs: HeadlineRows.Row, x: Int, y: Int, width: Int,
                                       sourceColumn column: Int) {
        let headline = inputs.headline, isSelected = inputs.isSelected
        let selection = state.focus == .headlines ? theme[.selected] : theme[.selectedInactive]
        let base = isSelected ? selection : theme[.text]
        if isSelected { fillRow(x: x, y: y, width: width, style: base) }
        func look(_ role: Theme.Role) -> Style { isSelected ? base : theme[role] }

        // Right-hand columns: source (on wide enough panes), age, comment count.
        let age = inputs.age
        let count = headline.commentCount.map { $0 > 0 ? "[\($0)]" : "" } ?? ""
        var meta = pad(age, to: 3) + " " + pad(count, to: 5)
        if width >= 50 {
            let source = TextFit.truncate(headline.feedTitle.text, width: column)
            meta = source + String(repeating: " ", count: column - DisplayWidth.width(of: source)) + "  " + meta
        }
        let metaWidth = DisplayWidth.width(of: meta)
        let mark = headline.isRead ? " " : "●"
        screen.put(mark, x: x + 1, y: y, style: look(.unread))
        let titleWidth = max(0, width - 3 - metaWidth - 2)
        let title = TextFit.truncate(headline.title.text, width: titleWidth)
        screen.put(title, x: x + 3, y: y, style: look(headline.isRead ? .headline : .unread), maxWidth: titleWidth)
        highlightMatches(in: title, words: inputs.matches, x: x + 3, y: y, maxWidth: titleWidth)
        if headline.isStarred { screen.put("★", x: x, y: y, style: look(.heading)) }
        if width - metaWidth - 1 > 3 {
            screen.put(meta, x: x + width - metaWidth - 1, y: y, style: look(.muted), maxWidth: metaWidth)
        }
    }

    /// Right-aligns short text in `width` columns.
    private func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.width(of: text))) + text
    }
}

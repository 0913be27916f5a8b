import ArticleText
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// The feed list overlay and the search prompt, drawn over the panes.
extension Painter {
    /// Whichever of the feed list and the search prompt is open.
    mutating func drawViewOverlays(_ layout: ScreenLayout) {
        guard layout.isUsable else { return }
        if let feedList = state.views.feedList { drawFeedList(feedList) }
        if let prompt = state.views.searchPrompt { drawSearchPrompt(prompt, in: layout.statusBar) }
    }

    /// A panel over the left of the screen: a title row, one row per entry (`! Sample Wire    4/14`; a
    /// sync account as a heading with its state, `! home · unreachable    3/9`, its feeds indented under
    /// it), then the selected feed's last error (or its URL), or the selected account's, and the keys.
    mutating func drawFeedList(_ feedList: FeedListState) {
        let panel = FeedListState.panel(in: state.size)
        guard panel.width >= 20, panel.height >= 4 else { return }
        let base = theme[.text]
        screen.fill(panel, with: Cell(" ", style: base))
        let border = theme[.borderFocused]
        for x in panel.x..<panel.maxX { screen.put("─", x: x, y: panel.y, style: border) }
        screen.put(" Feeds · unread/total ", x: panel.x + 1, y: panel.y, style: border, maxWidth: panel.width - 2)
        if panel.maxX < state.size.width {
            for y in panel.y..<panel.maxY { screen.put("│", x: panel.maxX, y: y, style: theme[.border]) }
        }
        let rows = FeedListState.visibleRows(in: state.size)
        guard feedList.hasLoaded else {
            screen.put(" Loading feeds…", x: panel.x, y: panel.y + 1, style: theme[.muted], maxWidth: panel.width)
            return
        }
        // After a resize the stored first row may hide the selection until the next key: keep it in view.
        var top = min(feedList.top, max(0, feedList.entries.count - rows))
        if feedList.selected >= top + rows { top = feedList.selected - rows + 1 }
        if feedList.selected < top { top = feedList.selected }
        let shown = feedList.entries.indices.dropFirst(max(0, top)).prefix(rows)
        for (row, index) in shown.enumerated() {
            drawFeedListEntry(feedList.entries[index], isSelected: index == feedList.selected,
                              x: panel.x, y: panel.y + 1 + row, width: panel.width)
        }
        drawFeedListDetail(feedList.selectedEntry, in: panel)
    }

    private mutating func drawFeedListEntry(_ entry: FeedListEntry, isSelected: Bool, x: Int, y: Int, width: Int) {
        let base = isSelected ? theme[.selected] : theme[.text]
        if isSelected { fillRow(x: x, y: y, width: width, style: base) }
        if entry.error != nil {
            screen.put("!", x: x + 1, y: y, style: isSelected ? base : theme[.statusError])
        }
        let counts: String
        switch entry.kind {
        case .starred: counts = "\(entry.total)"
        default: counts = "\(entry.unread)/\(entry.total)"
        }
        let countsWidth = DisplayWidth.width(of: counts)
        // A synced feed sits under its account's heading.
        var indent = 0
        if case .feed = entry.kind, entry.account != nil { indent = 2 }
        let titleWidth = max(0, width - 3 - indent - countsWidth - 2)
        let title = TextFit.truncate(entry.title.text, width: titleWidth)
        let titleStyle: Style
        switch entry.kind {
        case .feed: titleStyle = entry.unread > 0 ? theme[.unread] : theme[.headline]
        default: titleStyle = theme[.heading]
        }
        let used = screen.put(title, x: x + 3 + indent, y: y, style: isSelected ? base : titleStyle, maxWidth: titleWidth)
        if case .account = entry.kind, let sync = entry.sync, titleWidth > used {
            let words = " · " + sync.words(now: state.now, timeZone: state.timeZone)
            let room = titleWidth - used
            screen.put(TextFit.truncate(words, width: room), x: x + 3 + used, y: y,
                       style: isSelected ? base : (sync.isFailing ? theme[.statusError] : theme[.muted]), maxWidth: room)
        }
        screen.put(counts, x: x + width - countsWidth - 1, y: y, style: isSelected ? base : theme[.muted],
                   maxWidth: countsWidth)
    }

    /// Under the entries: a rule, the selected feed's last error (or its URL), and the keys.
    private mutating func drawFeedListDetail(_ entry: FeedListEntry?, in panel: Rect) {
        let ruleY = panel.maxY - FeedListState.detailRows
        for x in panel.x..<panel.maxX { screen.put("─", x: x, y: ruleY, style: theme[.border]) }
        let detail: String
        var style = theme[.muted]
        if let entry, case .account = entry.kind, let sync = entry.sync {
            detail = sync.detail(timeZone: state.timeZone)
            if sync.isFailing { style = theme[.statusError] }
        } else if let sync = entry?.sync, sync.isFailing {
            detail = sync.detail(timeZone: state.timeZone)
            style = theme[.statusError]
        } else if let error = entry?.error {
            detail = "Last refresh failed: " + error.text
            style = theme[.statusError]
        } else if let url = entry?.url {
            detail = url.text
        } else {
            detail = ""
        }
        screen.put(TextFit.truncate(detail, width: panel.width - 2), x: panel.x + 1, y: ruleY + 1, style: style,
                   maxWidth: panel.width - 2)
        screen.put(TextFit.truncate("Enter show · r refresh (sync) · Esc close · ? keys", width: panel.width - 2), x: panel.x + 1,
                   y: ruleY + 2, style: theme[.muted], maxWidth: panel.width - 2)
    }

    /// The status bar as a prompt: `/` and the text typed so far, then a block cursor.
    mutating func drawSearchPrompt(_ prompt: SearchPrompt, in rect: Rect) {
        guard !rect.isEmpty else { return }
        fillRow(x: rect.x, y: rect.y, width: rect.width, style: theme[.statusBar])
        let label = " Search: "
        let used = screen.put(label, x: rect.x, y: rect.y, style: theme[.statusBar], maxWidth: rect.width)
        // The end of the text stays in view however long it grows; the cursor takes one column.
        let room = max(0, rect.width - used - 2)
        var text = Sanitizer.cleanLine(prompt.text)
        while DisplayWidth.width(of: text) > room, !text.isEmpty { text.removeFirst() }
        let textWidth = screen.put(text, x: rect.x + used, y: rect.y, style: theme[.statusBar], maxWidth: room)
        screen.put(" ", x: rect.x + used + textWidth, y: rect.y,
                   style: theme[.statusBar].patched(with: Style(attributes: .reverse)))
    }
}

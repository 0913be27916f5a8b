import TermCore

/// The help overlay (`?`): it lists every key of the focused pane (or the feed list), scrolls when the
/// screen is shorter than the list, and closes with `?`, Esc or q — never by accident on a paging key.
extension AppState {
    /// How many rows help lists now.
    public var helpRowCount: Int {
        views.feedList != nil ? keymap.feedListBindings.count : keymap.bindings(for: focus).count
    }

    /// A key while help is open.
    mutating func pressInHelp(_ key: Key) -> [Effect] {
        let rows = helpRowCount
        let page = max(1, HelpOverlay.visibleRows(rowCount: rows, in: size) - 1)
        switch key {
        case .character("?"), .escape, .character("q"):
            isShowingHelp = false
            helpScroll = 0
            return []
        case .control("c"):
            isQuitting = true
            return [.quit]
        case .control("l"):
            return [.redraw]
        case .up, .character("k"): helpScroll -= 1
        case .down, .character("j"): helpScroll += 1
        case .pageUp: helpScroll -= page
        case .pageDown, .character(" "): helpScroll += page
        case .home, .character("g"): helpScroll = 0
        case .end, .character("G"): helpScroll = rows
        default:
            status = StatusMessage("\(key.label): help is open; ? Esc or q closes it")
            return []
        }
        helpScroll = min(max(0, helpScroll), HelpOverlay.maxScroll(rowCount: rows, in: size))
        return []
    }
}

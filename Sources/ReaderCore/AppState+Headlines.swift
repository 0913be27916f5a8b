import NewsModel

/// Moving through the headline list and paging it from the store.
extension AppState {
    /// Makes a request for a page in `direction` the one awaited (superseding any other) and returns it.
    mutating func requestHeadlines(_ direction: PageDirection) -> Effect {
        let request = HeadlineRequest(id: RequestID(rawValue: nextRequestNumber), query: list.query,
                                      direction: direction, limit: pageSize)
        nextRequestNumber += 1
        list.pending = request
        return .loadHeadlines(request)
    }

    /// ↑↓, PgUp/PgDn, g/G in the list; the ends may need a page from the store first.
    mutating func moveInList(_ command: Command) -> [Effect] {
        let page = max(1, listViewportRows - 1)
        switch command {
        case .moveUp: return select(list.selected - 1)
        case .moveDown: return select(list.selected + 1)
        case .pageUp: return select(list.selected - page)
        case .pageDown: return select(list.selected + page)
        case .moveToTop:
            if list.offset == 0 { return select(0) }
            return [requestHeadlines(.first)]
        case .moveToBottom:
            if list.loadedRange.upperBound >= list.total { return select(list.total - 1) }
            return [requestHeadlines(.last)]
        default: return []
        }
    }

    /// Selects `position`, clamped to the loaded rows; the window asks for more when the selection nears
    /// its edge, so the clamp only bites when the user outruns the store.
    mutating func select(_ position: Int) -> [Effect] {
        guard !list.rows.isEmpty else { return [] }
        let range = list.loadedRange
        let target = min(max(position, range.lowerBound), range.upperBound - 1)
        var effects: [Effect] = []
        if target != list.selected || list.selectedHeadline?.id != articleStoryID {
            list.selected = target
            scrollListToSelection()
            effects += selectionChanged()
        }
        effects += ensureWindowAroundSelection()
        return effects
    }

    /// In the normal view the article pane follows the selection.
    private mutating func selectionChanged() -> [Effect] {
        guard mode == .normal, let headline = list.selectedHeadline else { return [] }
        return showStory(headline.id)
    }

    /// Moves the list's first row only as far as needed to keep the selection on screen.
    mutating func scrollListToSelection() {
        let rows = listViewportRows
        if list.selected < list.top { list.top = list.selected }
        if list.selected >= list.top + rows { list.top = list.selected - rows + 1 }
        list.top = max(0, min(list.top, max(0, list.total - rows)))
    }

    /// Asks for the next or previous page when the selection is within a screen of the window's edge.
    mutating func ensureWindowAroundSelection() -> [Effect] {
        guard list.pending == nil, list.hasLoaded else { return [] }
        let margin = listViewportRows
        let end = list.loadedRange.upperBound
        if list.selected + margin >= end, end < list.total, let last = list.rows.last {
            return [requestHeadlines(.after(HeadlineCursor(last)))]
        }
        if list.selected - margin < list.offset, list.offset > 0, let first = list.rows.first {
            return [requestHeadlines(.before(HeadlineCursor(first)))]
        }
        return []
    }

    /// Merges an answered page into the window, dropping answers nobody waits for any more.
    mutating func receiveHeadlines(_ id: RequestID, _ stored: HeadlinePage) -> [Effect] {
        guard let request = list.pending, request.id == id else { return [] }
        list.pending = nil
        // The page was read from the cache, perhaps before marks made since were written.
        let page = marksInFlight.applied(to: stored)
        let isJump = list.jumpTarget != nil
        defer { list.jumpTarget = nil }
        viewAnswered(request, page)
        list.hasLoaded = true
        list.total = page.total
        list.unread = page.unread
        switch request.direction {
        case .first:
            list.rows = page.rows; list.offset = page.startIndex
            list.selected = page.startIndex; list.top = page.startIndex
        case .last:
            list.rows = page.rows; list.offset = page.startIndex
            list.selected = max(0, page.total - 1)
        case .after:
            if page.startIndex == list.loadedRange.upperBound {
                list.rows += page.rows
            } else {
                list.rows = page.rows; list.offset = page.startIndex
            }
            trimFront()
        case .before:
            if page.startIndex + page.rows.count == list.offset {
                list.rows = page.rows + list.rows
                list.offset = page.startIndex
            } else {
                list.rows = page.rows; list.offset = page.startIndex
            }
            trimBack()
        case .around(let cursor):
            mergeAround(page, cursor: cursor)
        }
        // The list may have shrunk since the window was filled.
        if !list.rows.isEmpty {
            list.selected = min(max(list.selected, list.loadedRange.lowerBound), list.loadedRange.upperBound - 1)
        } else {
            list.selected = 0
        }
        scrollListToSelection()
        // Re-selecting points the article at the selection (normal view) and asks for further pages.
        return select(list.selected) + (isJump ? openSelectionIfFullScreen() : [])
    }

    /// The most rows the window keeps: a screen either side of two pages.
    private var windowCapacity: Int { pageSize * 2 + listViewportRows * 2 }

    /// Drops rows far above the screen after appending below.
    private mutating func trimFront() {
        let excess = list.rows.count - windowCapacity
        guard excess > 0 else { return }
        let keepFrom = min(list.top, list.selected) - listViewportRows
        let drop = min(excess, max(0, keepFrom - list.offset))
        list.rows.removeFirst(drop)
        list.offset += drop
    }

    /// Drops rows far below the screen after prepending above.
    private mutating func trimBack() {
        let excess = list.rows.count - windowCapacity
        guard excess > 0 else { return }
        let keepTo = max(list.top + listViewportRows, list.selected + 1) + listViewportRows
        let drop = min(excess, max(0, list.loadedRange.upperBound - keepTo))
        list.rows.removeLast(drop)
    }
}

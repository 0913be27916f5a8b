import NewsModel

/// Moving through the headline list and paging it from the store: the window's own functions
/// (`HeadlineWindow+Paging`) with what the rest of the reader does about them.
extension AppState {
    /// Makes a request for a page in `direction` the one awaited (superseding any other) and returns it.
    mutating func requestHeadlines(_ direction: PageDirection) -> Effect {
        let request = list.request(direction, id: RequestID(rawValue: nextRequestNumber), limit: pageSize)
        nextRequestNumber += 1
        return .loadHeadlines(request)
    }

    /// ↑↓, PgUp/PgDn, g/G in the list; the ends may need a page from the store first.
    mutating func moveInList(_ command: Command) -> [Effect] {
        switch list.move(command, pageRows: max(1, listViewportRows - 1)) {
        case .select(let position): return select(position)
        case .load(let direction): return [requestHeadlines(direction)]
        case nil: return []
        }
    }

    /// Selects `position`, clamped to the loaded rows; the window asks for more when the selection nears
    /// its edge, so the clamp only bites when the user outruns the store.
    mutating func select(_ position: Int) -> [Effect] {
        guard let target = list.clamped(position) else { return [] }
        var effects: [Effect] = []
        if target != list.selected || list.selectedHeadline?.id != articleStoryID {
            list.selected = target
            list.scrollToSelection(viewportRows: listViewportRows)
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

    /// Asks for the next or previous page when the selection is within a screen of the window's edge.
    mutating func ensureWindowAroundSelection() -> [Effect] {
        guard let direction = list.pageNeeded(margin: listViewportRows) else { return [] }
        return [requestHeadlines(direction)]
    }

    /// Merges an answered page into the window, dropping answers nobody waits for any more.
    mutating func receiveHeadlines(_ id: RequestID, _ stored: HeadlinePage) -> [Effect] {
        guard let request = list.pending, request.id == id else { return [] }
        // The page was read from the cache, perhaps before marks made since were written.
        let page = marksInFlight.applied(to: stored)
        let isJump = list.jumpTarget != nil
        viewAnswered(request, page)
        list.receive(page, for: request, viewportRows: listViewportRows, capacity: windowCapacity)
        // Re-selecting points the article at the selection (normal view) and asks for further pages.
        return select(list.selected) + (isJump ? openSelectionIfFullScreen() : [])
    }

    /// The most rows the window keeps: a screen either side of two pages.
    private var windowCapacity: Int { pageSize * 2 + listViewportRows * 2 }
}

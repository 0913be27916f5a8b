import NewsModel

/// Paging the window from the store: which page to ask for, and merging the answer. These change only the
/// window; what the rest of the reader does about it (showing the selected story, numbering requests) is
/// `AppState`'s, which passes in the pane's height.
extension HeadlineWindow {
    /// Where a move in the list leads: a loaded position to select, or a page to load first.
    enum Move: Equatable {
        case select(Int)
        case load(PageDirection)
    }

    /// ↑↓, PgUp/PgDn, g/G, with `pageRows` rows to a page; the ends may need a page from the store first.
    func move(_ command: Command, pageRows: Int) -> Move? {
        switch command {
        case .moveUp: return .select(selected - 1)
        case .moveDown: return .select(selected + 1)
        case .pageUp: return .select(selected - pageRows)
        case .pageDown: return .select(selected + pageRows)
        case .moveToTop: return offset == 0 ? .select(0) : .load(.first)
        case .moveToBottom: return loadedRange.upperBound >= total ? .select(total - 1) : .load(.last)
        default: return nil
        }
    }

    /// Makes a request for a page in `direction` the one awaited (superseding any other) and returns it.
    mutating func request(_ direction: PageDirection, id: RequestID, limit: Int) -> HeadlineRequest {
        let request = HeadlineRequest(id: id, query: query, direction: direction, limit: limit)
        pending = request
        return request
    }

    /// `position` clamped to the loaded rows; nil when none are loaded.
    func clamped(_ position: Int) -> Int? {
        guard !rows.isEmpty else { return nil }
        return min(max(position, loadedRange.lowerBound), loadedRange.upperBound - 1)
    }

    /// Moves the first row shown only as far as needed to keep the selection on a pane of `viewportRows`.
    mutating func scrollToSelection(viewportRows: Int) {
        if selected < top { top = selected }
        if selected >= top + viewportRows { top = selected - viewportRows + 1 }
        top = max(0, min(top, max(0, total - viewportRows)))
    }

    /// The next or previous page, when the selection is within `margin` rows of the window's edge and
    /// nothing is awaited.
    func pageNeeded(margin: Int) -> PageDirection? {
        guard pending == nil, hasLoaded else { return nil }
        let end = loadedRange.upperBound
        if selected + margin >= end, end < total, let last = rows.last { return .after(HeadlineCursor(last)) }
        if selected - margin < offset, offset > 0, let first = rows.first { return .before(HeadlineCursor(first)) }
        return nil
    }

    /// A failed request: true when it was the one awaited, which then no longer is.
    mutating func requestFailed(_ id: RequestID) -> Bool {
        guard pending?.id == id else { return false }
        pending = nil
        hasLoaded = true
        return true
    }

    /// Merges the answer to `request` (the one awaited) into the window, keeping at most `capacity` rows,
    /// with the selection on a loaded row and on a pane of `viewportRows`.
    mutating func receive(_ page: HeadlinePage, for request: HeadlineRequest, viewportRows: Int, capacity: Int) {
        pending = nil
        hasLoaded = true
        total = page.total
        unread = page.unread
        switch request.direction {
        case .first:
            rows = page.rows; offset = page.startIndex
            selected = page.startIndex; top = page.startIndex
        case .last:
            rows = page.rows; offset = page.startIndex
            selected = max(0, page.total - 1)
        case .after:
            if page.startIndex == loadedRange.upperBound {
                rows += page.rows
            } else {
                rows = page.rows; offset = page.startIndex
            }
            trimFront(viewportRows: viewportRows, capacity: capacity)
        case .before:
            if page.startIndex + page.rows.count == offset {
                rows = page.rows + rows
                offset = page.startIndex
            } else {
                rows = page.rows; offset = page.startIndex
            }
            trimBack(viewportRows: viewportRows, capacity: capacity)
        case .around(let cursor):
            mergeAround(page, cursor: cursor)
        }
        jumpTarget = nil
        // The list may have shrunk since the window was filled.
        selected = clamped(selected) ?? 0
        scrollToSelection(viewportRows: viewportRows)
    }

    /// Drops rows far above the screen after appending below.
    private mutating func trimFront(viewportRows: Int, capacity: Int) {
        let excess = rows.count - capacity
        guard excess > 0 else { return }
        let keepFrom = min(top, selected) - viewportRows
        let drop = min(excess, max(0, keepFrom - offset))
        rows.removeFirst(drop)
        offset += drop
    }

    /// Drops rows far below the screen after prepending above.
    private mutating func trimBack(viewportRows: Int, capacity: Int) {
        let excess = rows.count - capacity
        guard excess > 0 else { return }
        let keepTo = max(top + viewportRows, selected + 1) + viewportRows
        let drop = min(excess, max(0, loadedRange.upperBound - keepTo))
        rows.removeLast(drop)
    }

    /// Replaces the window with a page fetched around `cursor`, keeping the selected story (or the one an
    /// `n`/`p` jump waits for) selected on the same screen row (at the very top of the list the new
    /// stories show above it instead).
    private mutating func mergeAround(_ page: HeadlinePage, cursor: HeadlineCursor) {
        let keptID = jumpTarget ?? selectedHeadline?.id ?? cursor.id
        let rowOnScreen = selected - top
        let wasAtTop = top == 0
        rows = page.rows
        offset = page.startIndex
        let index = page.rows.firstIndex { $0.id == keptID } ?? page.rows.firstIndex { $0.id == cursor.id }
        guard let index else { return }
        selected = page.startIndex + index
        top = wasAtTop ? 0 : max(0, selected - rowOnScreen)
    }
}

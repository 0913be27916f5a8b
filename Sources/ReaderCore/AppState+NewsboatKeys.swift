import NewsModel
import TermCore

/// Keys a newsboat user's fingers know: `n`/`p` to the next or previous unread story across feeds, `C`
/// to mark the whole view read (after asking), and `q` backing out of a narrower view before it quits.
extension AppState {
    /// n / p: the nearest unread story in the loaded rows; past them the store is asked, first in this
    /// view, then in all stories (so `n` moves on to the next feed when this one is read).
    mutating func jumpToUnread(forward: Bool) -> [Effect] {
        if isShowingSearch {
            status = StatusMessage("n and p move between unread stories of your feeds; Esc leaves the search")
            return []
        }
        if list.hasLoaded {
            let range = list.loadedRange
            let positions: [Int] = forward
                ? Array(min(list.selected + 1, range.upperBound)..<range.upperBound)
                : Array((range.lowerBound..<max(range.lowerBound, list.selected)).reversed())
            if let position = positions.first(where: { list.row(at: $0)?.isRead == false }) {
                return select(position) + openSelectionIfFullScreen()
            }
        }
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        pendingUnread = id
        return [.findUnread(id, list.query, list.selectedHeadline.map(HeadlineCursor.init), forward: forward)]
    }

    /// The store's answer to n / p: the list moves to the story's view if need be and selects it.
    mutating func receiveUnread(_ id: RequestID, _ query: HeadlineQuery, _ headline: Headline?) -> [Effect] {
        guard pendingUnread == id else { return [] }
        pendingUnread = nil
        guard let headline else {
            status = StatusMessage("No other unread story")
            return []
        }
        if query != list.query {
            list.query = query
            views.queryBeforeSearch = nil
        }
        list.jumpTarget = headline.id
        return [requestHeadlines(.around(HeadlineCursor(headline)))]
    }

    /// In the full-screen view a jump opens the story it lands on (and marks it read, as Enter does).
    mutating func openSelectionIfFullScreen() -> [Effect] {
        guard mode == .fullScreenArticle, let headline = list.selectedHeadline else { return [] }
        return showFromTop(headline)
    }

    /// C: asks before marking every story of the view read.
    mutating func askToMarkViewRead() -> [Effect] {
        guard list.hasLoaded, list.unread > 0 else {
            status = StatusMessage("Nothing unread in \(viewTitle)")
            return []
        }
        let stories = list.unread == 1 ? "the unread story" : "all \(list.unread) unread stories"
        confirmation = Confirmation(question: "Mark \(stories) of \(viewTitle) read? y/n",
                                    effect: .markViewRead(list.query))
        return []
    }

    /// The answer: `y` carries the question's work out, any other key drops it.
    mutating func pressInConfirmation(_ key: Key) -> [Effect] {
        guard let asked = confirmation else { return [] }
        confirmation = nil
        guard key == .character("y") || key == .character("Y") else {
            status = StatusMessage("Nothing was changed")
            return []
        }
        if case .markViewRead(let query) = asked.effect {
            let changed = Set(list.rows.filter { !$0.isRead }.map(\.id))
            for index in list.rows.indices { list.rows[index].isRead = true }
            list.unread = 0
            story?.isRead = true
            status = StatusMessage("Marking \(viewTitle) read…")
            marksInFlight.add(.viewRead(query), stories: changed)
        }
        return [asked.effect]
    }

    /// The cache has marked the view: the count in words and the window reloaded with the exact counts.
    mutating func receiveViewMarkedRead(_ query: HeadlineQuery, changed: Int) -> [Effect] {
        marksInFlight.settle(.viewRead(query))
        status = StatusMessage("Marked \(changed == 1 ? "1 story" : "\(changed) stories") read")
        guard query == list.query, list.pending == nil else { return [] }
        return reloadAroundSelection()
    }

    /// q on the headline list: from search results back to the view before them, from a feed, tag or
    /// starred view back to all stories, and from all stories out of the reader.
    mutating func backOrQuit() -> [Effect] {
        if isShowingSearch { return leaveSearch() }
        if list.query.scope != .all {
            return showView(HeadlineQuery(scope: .all, unreadOnly: list.query.unreadOnly))
        }
        isQuitting = true
        return [.quit]
    }

    /// Warnings found at start, in the status bar: the first in full, with how many more there are.
    mutating func showWarnings(_ warnings: [String]) {
        guard let first = warnings.first else { return }
        let more = warnings.count > 1 ? " (and \(warnings.count - 1) more: gazette feeds lists them)" : ""
        status = StatusMessage("warning: " + first + more, isError: true)
    }
}

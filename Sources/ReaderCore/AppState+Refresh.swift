import Foundation
import NewsModel

/// Refreshing from the reader: `r` (the selected story's feed), `R` (every feed), the interval timer, and
/// pulling new stories into the headline window without moving the selection off the story being read.
extension AppState {
    /// Seconds between two reloads of the window while a long refresh keeps finding stories.
    static let reloadSpacingDuringRefresh: TimeInterval = 2

    /// r / R: asks the runtime for a background refresh, or says why there will be none.
    mutating func startRefresh(all: Bool) -> [Effect] {
        if let blocked = refreshBlocked {
            status = blocked
            return []
        }
        let scope: RefreshScope
        if all {
            scope = .all
        } else if let story = shownStory {
            scope = .feed(story.feedID, title: story.feedTitle.text)
        } else if let headline = list.selectedHeadline {
            scope = .feed(headline.feedID, title: headline.feedTitle.text)
        } else {
            status = StatusMessage("no story selected: R refreshes every feed")
            return []
        }
        return [beginRefresh(scope)]
    }

    /// Starts a refresh of `scope` unless refreshing is impossible or one is running (and says so).
    mutating func startRefresh(_ scope: RefreshScope) -> [Effect] {
        if let blocked = refreshBlocked {
            status = blocked
            return []
        }
        return [beginRefresh(scope)]
    }

    /// Why no refresh can start now, if none can.
    private var refreshBlocked: StatusMessage? {
        if let reason = refresh.unavailableReason { return StatusMessage(reason) }
        guard refresh.running != nil else { return nil }
        return StatusMessage("a refresh is already running" + (refresh.statusText.map { " (\($0))" } ?? ""))
    }

    /// The interval timer: a refresh of every feed, unless one is running or refreshing is impossible
    /// (then the timer stays quiet: the user did not ask).
    mutating func refreshTimerFired() -> [Effect] {
        guard refresh.unavailableReason == nil, refresh.running == nil else { return [] }
        return [beginRefresh(.all)]
    }

    /// At start: the subscriptions never fetched (a urls file just copied in, `gazette add` without a
    /// refresh) are fetched at once, so no feed stays empty until the user thinks of `R`.
    mutating func fetchNewSubscriptionsOnStart() -> [Effect] {
        guard refresh.fetchesNewSubscriptionsOnStart, refresh.unavailableReason == nil, refresh.running == nil else {
            return []
        }
        return [beginRefresh(.unfetched)]
    }

    mutating func beginRefresh(_ scope: RefreshScope) -> Effect {
        let request = RefreshRequest(id: RequestID(rawValue: nextRequestNumber), scope: scope)
        nextRequestNumber += 1
        refresh.running = request
        refresh.progress = nil
        refresh.reloadedNewStories = 0
        refresh.lastReloadAt = nil
        return .refresh(request)
    }

    /// Progress of the running refresh; once in a while, when it has found stories, the window is reloaded
    /// so they show up while the rest are still being fetched.
    mutating func receiveRefreshProgress(_ id: RequestID, _ tally: RefreshTally, at date: Date) -> [Effect] {
        guard refresh.running?.id == id else { return [] }
        refresh.progress = tally
        let isSpaced = refresh.lastReloadAt.map { date.timeIntervalSince($0) >= Self.reloadSpacingDuringRefresh } ?? true
        guard tally.newStories > refresh.reloadedNewStories, list.pending == nil, isSpaced else { return [] }
        refresh.reloadedNewStories = tally.newStories
        refresh.lastReloadAt = date
        return reloadAroundSelection()
    }

    /// The end of a refresh: the summary in the status bar and the window reloaded around the selection.
    mutating func receiveRefreshFinished(_ id: RequestID, _ tally: RefreshTally) -> [Effect] {
        guard let running = refresh.running, running.id == id else { return [] }
        refresh.running = nil
        refresh.progress = nil
        let everythingFailed = tally.total > 0 && tally.errors == tally.total
        // The quiet start-up fetch says nothing when there was nothing new to fetch, and never hides a
        // warning shown at start.
        let isQuiet = running.scope == .unfetched && (tally.total == 0 || status?.isError == true)
        if !isQuiet {
            status = StatusMessage(RefreshState.summary(of: tally, scope: running.scope), isError: everythingFailed)
        }
        // An open feed list shows the new counts and each account's new state.
        let feedList: [Effect] = views.feedList?.hasLoaded == true ? [.loadFeedList] : []
        // A page the user asked for (g, G, paging) is not overridden; its answer brings the new counts.
        guard list.pending == nil else { return feedList }
        return reloadAroundSelection() + feedList
    }

    /// Asks for a page centred on the selected story, so stories stored since it was loaded appear around
    /// it while it stays selected; an empty list asks for its first page instead.
    mutating func reloadAroundSelection() -> [Effect] {
        guard let headline = list.selectedHeadline else { return [requestHeadlines(.first)] }
        return [requestHeadlines(.around(HeadlineCursor(headline)))]
    }

    /// Replaces the window with a page fetched around `cursor`, keeping the selected story selected on the
    /// same screen row (at the very top of the list the new stories show above it instead).
    mutating func mergeAround(_ page: HeadlinePage, cursor: HeadlineCursor) {
        let keptID = list.jumpTarget ?? list.selectedHeadline?.id ?? cursor.id
        let rowOnScreen = list.selected - list.top
        let wasAtTop = list.top == 0
        list.rows = page.rows
        list.offset = page.startIndex
        let index = page.rows.firstIndex { $0.id == keptID } ?? page.rows.firstIndex { $0.id == cursor.id }
        guard let index else { return }
        list.selected = page.startIndex + index
        list.top = wasAtTop ? 0 : max(0, list.selected - rowOnScreen)
    }
}

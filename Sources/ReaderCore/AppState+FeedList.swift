import NewsModel
import TextSafety
import TermCore

/// The feed list (`F`): every view the headline pane can show, with unread/total counts, loaded fresh from
/// the cache each time it opens.
extension AppState {
    /// F: opens the list (loading it) or closes it.
    mutating func openFeedList() -> [Effect] {
        if views.feedList != nil {
            views.feedList = nil
            return []
        }
        views.feedList = FeedListState()
        return [.loadFeedList]
    }

    /// The directory arrived: entries built, the current view's entry selected.
    mutating func receiveFeedList(_ directory: FeedDirectory) -> [Effect] {
        for feed in directory.feeds { views.feedTitles[feed.id] = SafeLine(feed.title) }
        guard views.feedList != nil else { return [] }
        if let failure = directory.failure {
            views.feedList = nil
            status = StatusMessage("Could not load the feeds: \(failure)", isError: true)
            return []
        }
        let entries = FeedListState.entries(for: directory)
        // Reloaded while open (after a refresh): the selection stays on its entry.
        let previous = views.feedList?.hasLoaded == true ? views.feedList : nil
        let kept = previous?.selectedEntry.flatMap { old in entries.firstIndex { $0.kind == old.kind } }
        let current = kept ?? entries.firstIndex { $0.scope == list.query.scope } ?? 0
        views.feedList = FeedListState(entries: entries, hasLoaded: true, selected: current, top: previous?.top ?? 0)
        scrollFeedListToSelection()
        return []
    }

    /// A key in the open feed list.
    mutating func pressInFeedList(_ key: Key) -> [Effect] {
        guard var feedList = views.feedList else { return [] }
        status = nil
        guard let command = keymap.feedListCommand(for: key) else {
            status = StatusMessage("\(key.label): no such key in the feed list; ? lists the keys")
            return []
        }
        let page = max(1, FeedListState.visibleRows(in: size) - 1)
        let last = max(0, feedList.entries.count - 1)
        switch command {
        case .moveUp: feedList.selected -= 1
        case .moveDown: feedList.selected += 1
        case .pageUp: feedList.selected -= page
        case .pageDown: feedList.selected += page
        case .moveToTop: feedList.selected = 0
        case .moveToBottom: feedList.selected = last
        case .openStory:
            guard let entry = feedList.selectedEntry else { views.feedList = nil; return [] }
            views.feedList = nil
            if case .feed(let id) = entry.kind { views.feedTitles[id] = entry.title }
            views.queryBeforeSearch = nil
            return showView(HeadlineQuery(scope: entry.scope, unreadOnly: list.query.unreadOnly))
        case .back:
            views.feedList = nil
            return []
        case .toggleHelp:
            isShowingHelp = true
            helpScroll = 0
            return []
        case .redraw:
            return [.redraw]
        case .refreshFeed:
            // A synced feed comes from its account's server, which answers for the whole account at once.
            if let entry = feedList.selectedEntry, let account = entry.account {
                return startRefresh(.account(account))
            }
            guard let entry = feedList.selectedEntry, case .feed(let id) = entry.kind else {
                status = StatusMessage("r refreshes the selected feed (or syncs the selected account); "
                                       + "R (outside this list) refreshes every feed")
                return []
            }
            return startRefresh(.feed(id, title: entry.title.text))
        case .quit:
            isQuitting = true
            return [.quit]
        default:
            return []
        }
        feedList.selected = min(max(0, feedList.selected), last)
        views.feedList = feedList
        scrollFeedListToSelection()
        return []
    }

    /// Keeps the selected entry within the rows the overlay shows.
    mutating func scrollFeedListToSelection() {
        guard var feedList = views.feedList else { return }
        let rows = FeedListState.visibleRows(in: size)
        if feedList.selected < feedList.top { feedList.top = feedList.selected }
        if feedList.selected >= feedList.top + rows { feedList.top = feedList.selected - rows + 1 }
        feedList.top = max(0, min(feedList.top, max(0, feedList.entries.count - rows)))
        views.feedList = feedList
    }
}

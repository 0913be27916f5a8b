import NewsModel
import TextSafety
import TermCore

/// Switching what the headline list shows (all, a feed, a tag, starred, unread only, a search) and routing
/// the new commands. A switch keeps the old rows on screen until the first page of the new view arrives
/// (a few milliseconds from the cache), so nothing flickers.
extension AppState {
    /// The commands of views, marks, the feed list and search.
    mutating func performViewCommand(_ command: Command) -> [Effect] {
        switch command {
        case .toggleRead: return toggleRead()
        case .toggleStarred: return toggleStarred()
        case .markFeedRead: return markFeedRead()
        case .toggleUnreadOnly:
            var query = list.query
            query.unreadOnly.toggle()
            return showView(query)
        case .toggleStarredView:
            let scope: HeadlineQuery.Scope = list.query.scope == .starred ? .all : .starred
            views.queryBeforeSearch = nil
            return showView(HeadlineQuery(scope: scope, unreadOnly: list.query.unreadOnly))
        case .showFeedList: return openFeedList()
        case .search: return beginSearch()
        case .leaveSearch: return leaveSearch()
        default: return []
        }
    }

    /// While the feed list or the search prompt is open it takes every key; nil lets the panes have it.
    mutating func pressInViewOverlay(_ key: Key) -> [Effect]? {
        if views.searchPrompt != nil { return pressInSearchPrompt(key) }
        if views.feedList != nil { return pressInFeedList(key) }
        return nil
    }

    /// Shows `query` in the headline pane from its newest story, back in the list view.
    mutating func showView(_ query: HeadlineQuery) -> [Effect] {
        mode = .normal
        focus = .headlines
        list.query = query
        return [requestHeadlines(.first)]
    }

    /// Called as a headline page is accepted: keeps a search's matched words, and empties the article pane
    /// when a new view has no stories (otherwise it would go on showing a story of the old view).
    mutating func viewAnswered(_ request: HeadlineRequest, _ page: HeadlinePage) {
        if case .search = request.query.scope {
            views.titleMatches = page.titleMatches
        } else {
            views.titleMatches = [:]
        }
        if request.direction == .first, page.rows.isEmpty {
            articleStoryID = nil
        }
    }

    /// The title of the view, in words and safe to draw: `All stories`, a feed's name, `#tag`, an account's
    /// name, `Starred`, `Search: …`. The status bar, the pane title and the `A` prompt all use it.
    public var viewTitle: String {
        var name: String
        switch list.query.scope {
        case .all: name = "All stories"
        case .feed(let id): name = (views.feedTitles[id] ?? list.rows.first?.feedTitle)?.text ?? "Feed"
        case .tag(let tag): name = "#" + Sanitizer.cleanLine(tag)
        case .account(let account): name = Sanitizer.cleanLine(account)
        case .starred: name = "Starred"
        case .search(let text): name = "Search: " + Sanitizer.cleanLine(text)
        }
        if list.query.unreadOnly { name += " (unread)" }
        return name
    }
}

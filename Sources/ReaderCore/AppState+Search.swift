import Foundation
import NewsModel
import TermCore

/// `/`: a one-line prompt in the status bar; Enter lists the matches, best first, in the headline pane;
/// Esc there goes back to the view the search replaced.
extension AppState {
    /// The most matches a search lists: results are ranked, not dated, so they come as one page.
    public static let searchLimit = 200

    /// /: opens the prompt, empty.
    mutating func beginSearch() -> [Effect] {
        views.searchPrompt = SearchPrompt()
        views.feedList = nil
        status = nil
        return []
    }

    /// A key while the prompt is open: text editing, Enter to search, Esc to cancel, Ctrl-C to quit.
    mutating func pressInSearchPrompt(_ key: Key) -> [Effect] {
        guard var prompt = views.searchPrompt else { return [] }
        switch key {
        case .character(let character):
            prompt.text.append(character)
        case .backspace, .delete, .control("h"):
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
            prompt.text = ""
        case .escape:
            views.searchPrompt = nil
            return []
        case .control("c"):
            views.searchPrompt = nil
            isQuitting = true
            return [.quit]
        case .enter:
            views.searchPrompt = nil
            return runSearch(prompt.text)
        default:
            return []
        }
        views.searchPrompt = prompt
        return []
    }

    /// Lists the matches of `text`; blank text does nothing.
    mutating func runSearch(_ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        if case .search = list.query.scope {} else { views.queryBeforeSearch = list.query }
        return showView(HeadlineQuery(scope: .search(trimmed), unreadOnly: false))
    }

    /// Esc in the headline list: back from the search results to the view before them.
    mutating func leaveSearch() -> [Effect] {
        guard case .search = list.query.scope else { return [] }
        let previous = views.queryBeforeSearch ?? HeadlineQuery()
        views.queryBeforeSearch = nil
        return showView(previous)
    }

    /// True while the headline list shows search results.
    public var isShowingSearch: Bool {
        if case .search = list.query.scope { return true }
        return false
    }
}

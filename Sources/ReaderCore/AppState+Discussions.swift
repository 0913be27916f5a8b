import NewsModel
import TermCore

/// `d`: where else the story's link is discussed (Hacker News, Lobsters), looked up in the background, and
/// the chosen discussion's comments shown in the comment pane, without replacing the story's own thread in
/// the cache or its count.
extension AppState {
    /// Starts looking up the shown story's link; the list opens at once and fills when the answer comes.
    mutating func findDiscussions() -> [Effect] {
        guard commentFetch.isAvailable else {
            status = StatusMessage("Discussions cannot be looked up in this session", isError: true)
            return []
        }
        guard let story = shownStory, let link = story.link,
              link.lowercased().hasPrefix("http://") || link.lowercased().hasPrefix("https://") else {
            status = StatusMessage("This story has no web link to look up", isError: true)
            return []
        }
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        discussions = DiscussionList(request: id, storyID: story.id, url: link)
        return [.findDiscussions(id, url: link)]
    }

    /// The lookup's answer; answers to a list that was closed or replaced are dropped.
    mutating func receiveDiscussions(_ id: RequestID, _ found: [Discussion], problems: [String]) -> [Effect] {
        guard discussions?.request == id else { return [] }
        discussions?.found = found
        discussions?.problems = problems
        discussions?.selected = 0
        return []
    }

    /// Keys while the list is open: move, choose, close; every other key is held back.
    mutating func pressInDiscussions(_ key: Key) -> [Effect]? {
        guard var list = discussions else { return nil }
        let count = list.found?.count ?? 0
        switch key {
        case .control("c"):
            return nil
        case .escape, .character("q"), .character("d"), .left, .character("h"):
            discussions = nil
        case .up, .character("k"):
            list.selected = max(0, list.selected - 1)
            discussions = list
        case .down, .character("j"):
            list.selected = max(0, min(count - 1, list.selected + 1))
            discussions = list
        case .enter, .right, .character("l"):
            return chooseDiscussion()
        default:
            break
        }
        return []
    }

    /// Shows the selected discussion's comments in the comment pane (opened if hidden) and fetches them.
    private mutating func chooseDiscussion() -> [Effect] {
        guard let list = discussions, let found = list.found, found.indices.contains(list.selected) else { return [] }
        discussions = nil
        guard list.storyID == articleStoryID else { return [] }
        let chosen = found[list.selected]
        commentFetch.followsWidth = false
        if !isShowingComments {
            isShowingComments = true
            focusBeforeComments = focus
        }
        if focusOrder.contains(.comments) { focus = .comments }
        let request = CommentFetchRequest(id: RequestID(rawValue: nextRequestNumber), storyID: list.storyID,
                                          discussion: chosen)
        nextRequestNumber += 1
        commentFetch.pending = request
        commentFetch.problem = nil
        status = StatusMessage("Fetching the \(chosen.site) discussion…")
        return [.fetchComments(request)]
    }
}

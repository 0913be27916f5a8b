import Foundation
import NewsModel
import TermCore

/// The whole behaviour of the reader: applies `action` to `state` and returns the work the runtime must do.
/// Pure and synchronous, so every key and every answer can be tested without a terminal or a store.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .started:
        return [state.requestHeadlines(.first)]
    case .keyPressed(let key):
        return state.press(key)
    case .command(let command):
        return state.perform(command)
    case .resized(let size):
        state.size = size
        state.clampAfterResize()
        return state.ensureWindowAroundSelection()
    case .clockTicked(let date):
        state.now = date
        return []
    case .headlinesLoaded(let id, let page):
        return state.receiveHeadlines(id, page)
    case .storyLoaded(let id, let story):
        guard id == state.articleStoryID else { return [] }
        state.story = story
        if story == nil { state.status = StatusMessage("Story \(id) is no longer in the cache", isError: true) }
        return []
    case .commentsLoaded(let id, let comments):
        guard id == state.articleStoryID, state.isShowingComments else { return [] }
        state.commentsStoryID = id
        state.comments = comments
        state.commentCursor = 0; state.commentScroll = 0; state.collapsed = []
        return []
    case .contentMeasured(let metrics):
        state.metrics = metrics
        state.articleScroll = min(state.articleScroll, state.maxArticleScroll)
        state.scrollCommentsToCursor()
        return []
    case .requestFailed(let kind, let message):
        return state.receiveFailure(kind, message)
    }
}

/// The reactions `update` is made of, one per kind of action.
extension AppState {
    /// A key: with help open any key closes it; otherwise the focused pane's binding decides.
    mutating func press(_ key: Key) -> [Effect] {
        if isShowingHelp {
            isShowingHelp = false
            return []
        }
        status = nil
        guard let command = keymap.command(for: key, in: focus) else {
            if key != .escape { status = StatusMessage("\(key.label): no such key here; ? lists the keys") }
            return []
        }
        return perform(command)
    }

    /// A command in the focused pane.
    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .toggleHelp:
            isShowingHelp.toggle()
            return []
        case .quit:
            isQuitting = true
            return [.quit]
        case .toggleComments:
            return toggleComments()
        case .focusNext, .focusPrevious:
            let order = focusOrder
            let index = order.firstIndex(of: focus) ?? 0
            let step = command == .focusNext ? 1 : order.count - 1
            focus = order[(index + step) % order.count]
            return []
        case .back:
            return back()
        case .openStory:
            return openStory()
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom:
            switch focus {
            case .headlines: return moveInList(command)
            case .article: scrollArticle(command); return []
            case .comments: moveInComments(command); return []
            }
        case .toggleThread:
            toggleThread()
            return []
        }
    }

    // MARK: views and focus

    private mutating func openStory() -> [Effect] {
        guard mode == .normal, let headline = list.selectedHeadline else { return [] }
        mode = .fullScreenArticle
        focus = .article
        articleScroll = 0
        var effects = showStory(headline.id)
        if !headline.isRead {
            list.setRead(headline.id, true)
            if story?.id == headline.id { story?.isRead = true }
            effects.append(.markRead(headline.id))
        }
        return effects
    }

    private mutating func back() -> [Effect] {
        switch focus {
        case .comments:
            isShowingComments = false
            focus = focusOrder.contains(focusBeforeComments) ? focusBeforeComments : focusOrder[0]
        case .article where mode == .fullScreenArticle:
            mode = .normal
            focus = .headlines
        case .article, .headlines:
            focus = .headlines
        }
        return []
    }

    private mutating func toggleComments() -> [Effect] {
        if isShowingComments {
            isShowingComments = false
            if focus == .comments {
                focus = focusOrder.contains(focusBeforeComments) ? focusBeforeComments : focusOrder[0]
            }
            return []
        }
        isShowingComments = true
        focusBeforeComments = focus
        focus = .comments
        return loadCommentsIfNeeded()
    }

    /// Points the article pane at `id`, asking for the story (and its comments, when shown) if not held.
    mutating func showStory(_ id: StoryID) -> [Effect] {
        guard articleStoryID != id else { return [] }
        articleStoryID = id
        articleScroll = 0
        var effects: [Effect] = []
        if story?.id != id { effects.append(.loadStory(id)) }
        effects += loadCommentsIfNeeded()
        return effects
    }

    private mutating func loadCommentsIfNeeded() -> [Effect] {
        guard isShowingComments, let id = articleStoryID, commentsStoryID != id else { return [] }
        commentsStoryID = nil
        comments = []
        commentCursor = 0; commentScroll = 0; collapsed = []
        return [.loadComments(id)]
    }

    /// After a resize: a focus the new layout still has, and every scroll position back in range.
    mutating func clampAfterResize() {
        if !focusOrder.contains(focus) { focus = focusOrder[0] }
        scrollListToSelection()
        articleScroll = min(articleScroll, maxArticleScroll)
        scrollCommentsToCursor()
    }

    /// A failed effect becomes an error message, unless it answers a request nobody waits for any more;
    /// a failed mark-read also puts the unread mark back.
    mutating func receiveFailure(_ kind: RequestKind, _ message: String) -> [Effect] {
        switch kind {
        case .headlines(let id):
            guard list.pending?.id == id else { return [] }
            list.pending = nil
            list.hasLoaded = true
            status = StatusMessage("Could not load headlines: \(message)", isError: true)
        case .story(let id):
            guard id == articleStoryID else { return [] }
            status = StatusMessage("Could not load the story: \(message)", isError: true)
        case .comments(let id):
            guard id == articleStoryID else { return [] }
            status = StatusMessage("Could not load the comments: \(message)", isError: true)
        case .markRead(let id):
            list.setRead(id, false)
            status = StatusMessage("Could not mark the story read: \(message)", isError: true)
        }
        return []
    }
}

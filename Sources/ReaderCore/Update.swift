import Foundation
import NewsModel
import TermCore

/// The whole behaviour of the reader: applies `action` to `state` and returns the work the runtime must do.
/// Pure and synchronous, so every key and every answer can be tested without a terminal or a store.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduce(&state, action)
    return effects + state.articleBodyEffects()
}

/// `update` without the article-body bookkeeping that follows every action.
private func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .started:
        return [state.requestHeadlines(.first)] + state.applySubscriptionsOnStart() + state.followWidthForComments()
    case .keyPressed(let key):
        return state.press(key)
    case .command(let command):
        return state.perform(command)
    case .resized(let size):
        state.size = size
        let comments = state.followWidthForComments()
        state.clampAfterResize()
        return state.ensureWindowAroundSelection() + comments
    case .clockTicked(let date):
        state.now = date
        return []
    case .headlinesLoaded(let id, let page):
        return state.receiveHeadlines(id, page)
    case .storyLoaded(let id, let story):
        if state.articleBody.loadingStory == id { state.articleBody.loadingStory = nil }
        guard id == state.articleStoryID else { return [] }
        state.story = story.map(state.marksInFlight.applied(to:))
        if story == nil { state.status = StatusMessage("Story \(id) is no longer in the cache", isError: true) }
        return state.extractIfWanted()
    case .commentsLoaded(let id, let comments):
        return state.receiveThread(CommentThread(storyID: id, comments: comments))
    case .commentThreadLoaded(let thread):
        return state.receiveThread(thread)
    case .commentsFetched(let request, let outcome):
        return state.receiveFetchedComments(request, outcome)
    case .contentMeasured(let metrics):
        state.metrics = metrics
        state.articleScroll = min(state.articleScroll, state.maxArticleScroll)
        state.scrollCommentsToCursor()
        return []
    case .requestFailed(let kind, let message):
        return state.receiveFailure(kind, message)
    case .feedListLoaded(let directory):
        return state.receiveFeedList(directory)
    case .feedMarkedRead(let id, let query, let changed, let unread):
        return state.receiveFeedMarkedRead(id, query, changed: changed, unread: unread)
    case .markStored(let mark):
        return state.receiveMarkStored(mark)
    case .markFailed(let mark, let message):
        return state.receiveMarkFailure(mark, message)
    case .refreshProgressed(let id, let tally, let date):
        return state.receiveRefreshProgress(id, tally, at: date)
    case .refreshFinished(let id, let tally):
        let isCurrent = state.refresh.running?.id == id
        var effects = state.receiveRefreshFinished(id, tally)
        if isCurrent && state.extractPolicy.prefetches && tally.total > tally.errors {
            effects.append(.prefetchArticles(state.extractPolicy))
        }
        return effects
    case .refreshTimerFired:
        return state.refreshTimerFired()
    case .subscriptionsApplied(let id, let changed, let failure):
        return state.receiveSubscriptionsApplied(id, changed: changed, failure: failure)
    case .linkOpened(let url, let failure):
        return state.receiveLinkOpened(url, failure: failure)
    case .extractionSettled(let id, let storyID):
        return state.extractionSettled(id, storyID)
    case .articleExtracted(let id, let storyID, let outcome):
        return state.receiveExtraction(id, storyID, outcome)
    case .unreadFound(let id, let query, let headline):
        return state.receiveUnread(id, query, headline)
    case .viewMarkedRead(let query, let changed):
        return state.receiveViewMarkedRead(query, changed: changed)
    case .cacheWatchTicked:
        return state.cacheWatchTicked()
    case .cacheChecked(let stamp):
        return state.receiveCacheStamp(stamp)
    case .discussionsFound(let id, let found, let problems):
        return state.receiveDiscussions(id, found, problems: problems)
    case .warned(let warnings):
        state.showWarnings(warnings)
        return []
    case .articleBodyLaidOut(let id, let key):
        state.receiveArticleBody(id, key)
        return []
    case .commentPaneHoldEnded(let id):
        state.commentPaneHoldEnded(id)
        return []
    }
}

/// The reactions `update` is made of, one per kind of action.
extension AppState {
    /// A key: help and a question asked take it first; otherwise the focused pane's binding decides.
    mutating func press(_ key: Key) -> [Effect] {
        if isShowingHelp { return pressInHelp(key) }
        if confirmation != nil { return pressInConfirmation(key) }
        if linkPrompt != nil, let effects = pressInLinkPrompt(key) { return effects }
        if let effects = pressInDiscussions(key) { return effects }
        if let effects = pressInViewOverlay(key) { return effects }
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
            helpScroll = 0
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
        case .parentComment, .nextSibling, .previousSibling, .nextThread, .previousThread:
            if focus == .comments { jumpInComments(command) }
            return []
        case .toggleRead, .toggleStarred, .markFeedRead, .toggleUnreadOnly, .toggleStarredView, .showFeedList,
             .search, .leaveSearch:
            return performViewCommand(command)
        case .refreshFeed, .refreshAll:
            return startRefresh(all: command == .refreshAll)
        case .openLink:
            return beginLinkPrompt()
        case .toggleReaderMode:
            return toggleReaderMode()
        case .nextUnread, .previousUnread:
            return jumpToUnread(forward: command == .nextUnread)
        case .markViewRead:
            return askToMarkViewRead()
        case .redraw:
            return [.redraw]
        case .backOrQuit:
            return backOrQuit()
        case .cycleTheme:
            return cycleTheme()
        case .findDiscussions:
            return findDiscussions()
        }
    }
}

import NewsModel

/// Opening and leaving views, the comment pane, and answers that failed.
extension AppState {
    /// Enter: the selected story full-screen, marked read.
    mutating func openStory() -> [Effect] {
        guard mode == .normal, let headline = list.selectedHeadline else { return [] }
        mode = .fullScreenArticle
        focus = .article
        return showFromTop(headline)
    }

    /// `headline`'s story from its top, marked read when opening marks read: what Enter and a jump in the
    /// full-screen view share.
    mutating func showFromTop(_ headline: Headline) -> [Effect] {
        articleScroll = 0
        var effects = showStory(headline.id)
        if views.markReadOnOpen, !headline.isRead {
            effects.append(writeRead(headline.id, true))
        }
        return effects
    }

    /// Esc/←/h/q: comments close, the full-screen story returns to the list, the article pane yields focus.
    mutating func back() -> [Effect] {
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

    /// c: shows (and focuses) the comments, loading them if needed; when they are already shown beside the
    /// story without focus, goes to them; from the comments, hides them.
    mutating func toggleComments() -> [Effect] {
        commentFetch.followsWidth = false
        if isShowingComments, focus != .comments, focusOrder.contains(.comments) {
            focusBeforeComments = focus
            focus = .comments
            return []
        }
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
        showsFeedText = false
        var effects: [Effect] = []
        if story?.id != id {
            effects.append(.loadStory(id))
            articleBody.loadingStory = id
        }
        let loadsComments = loadCommentsIfNeeded()
        if !loadsComments.isEmpty { holdCommentPane(for: id) }
        return effects + loadsComments
    }

    mutating func loadCommentsIfNeeded() -> [Effect] {
        guard isShowingComments, let id = articleStoryID, commentsStoryID != id else { return [] }
        commentsStoryID = nil
        comments = []
        commentCursor = 0; commentScroll = 0; collapsed = []
        commentFetch.fetchedAt = nil; commentFetch.lastOpened = nil; commentFetch.problem = nil
        return [.loadComments(id)]
    }

    /// After a resize: a focus the new layout still has, and every scroll position back in range.
    mutating func clampAfterResize() {
        if !focusOrder.contains(focus) { focus = focusOrder[0] }
        scrollListToSelection()
        articleScroll = min(articleScroll, maxArticleScroll)
        scrollCommentsToCursor()
    }

    /// A failed effect becomes an error message, unless it answers a request nobody waits for any more.
    mutating func receiveFailure(_ kind: RequestKind, _ message: String) -> [Effect] {
        switch kind {
        case .headlines(let id):
            guard list.pending?.id == id else { return [] }
            list.pending = nil
            list.hasLoaded = true
            status = StatusMessage("Could not load headlines: \(message)", isError: true)
        case .story(let id):
            if articleBody.loadingStory == id { articleBody.loadingStory = nil }
            guard id == articleStoryID else { return [] }
            status = StatusMessage("Could not load the story: \(message)", isError: true)
        case .comments(let id):
            releaseCommentPane(id)
            guard id == articleStoryID else { return [] }
            status = StatusMessage("Could not load the comments: \(message)", isError: true)
        }
        return []
    }
}

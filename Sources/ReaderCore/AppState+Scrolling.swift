import NewsModel

/// Scrolling the article and moving the comment cursor.
extension AppState {
    /// The furthest the article can scroll, once it has been measured at the pane's width.
    public var maxArticleScroll: Int {
        guard metrics.storyID == articleStoryID, metrics.storyID != nil else { return Int.max / 2 }
        return max(0, metrics.articleLines - articleViewportRows)
    }

    mutating func scrollArticle(_ command: Command) {
        let page = max(1, articleViewportRows - 1)
        var target = articleScroll
        switch command {
        case .moveUp: target -= 1
        case .moveDown: target += 1
        case .pageUp: target -= page
        case .pageDown: target += page
        case .moveToTop: target = 0
        case .moveToBottom: target = maxArticleScroll
        default: break
        }
        articleScroll = max(0, min(target, maxArticleScroll))
    }

    /// The rows comment `index` takes on screen: its measured height, or one row when its thread is folded.
    public func commentHeight(_ index: Int) -> Int {
        guard comments.indices.contains(index) else { return 1 }
        if collapsed.contains(comments[index].id) { return 2 }
        if metrics.storyID == commentsStoryID, metrics.commentHeights.count == comments.count {
            return max(1, metrics.commentHeights[index])
        }
        return 2
    }

    mutating func moveInComments(_ command: Command) {
        let visible = CommentTree.visibleIndices(comments, collapsed: collapsed)
        guard !visible.isEmpty else { return }
        let position = visible.firstIndex(of: commentCursor) ?? 0
        var target = position
        switch command {
        case .moveUp: target = position - 1
        case .moveDown: target = position + 1
        case .pageDown, .pageUp:
            // Move by as many comments as fill a screen.
            let step = command == .pageDown ? 1 : -1
            var rows = 0
            var next = position
            while next + step >= 0, next + step < visible.count, rows < commentViewportRows {
                next += step
                rows += commentHeight(visible[next])
            }
            target = next
        case .moveToTop: target = 0
        case .moveToBottom: target = visible.count - 1
        default: break
        }
        commentCursor = visible[max(0, min(target, visible.count - 1))]
        scrollCommentsToCursor()
    }

    mutating func toggleThread() {
        guard comments.indices.contains(commentCursor),
              CommentTree.descendantCount(of: commentCursor, in: comments) > 0 else { return }
        let id = comments[commentCursor].id
        if collapsed.contains(id) { collapsed.remove(id) } else { collapsed.insert(id) }
        scrollCommentsToCursor()
    }

    /// Keeps the cursor's comment on screen: the first comment shown moves only as far as needed.
    mutating func scrollCommentsToCursor() {
        let visible = CommentTree.visibleIndices(comments, collapsed: collapsed)
        guard let cursorPosition = visible.firstIndex(of: commentCursor) else {
            commentCursor = visible.first ?? 0
            commentTop = visible.first ?? 0
            return
        }
        var topPosition = visible.firstIndex(of: commentTop) ?? cursorPosition
        if topPosition > cursorPosition { topPosition = cursorPosition }
        // Scroll down until the cursor's comment ends on screen (or starts at the top, when taller than it).
        while topPosition < cursorPosition {
            let rows = visible[topPosition...cursorPosition].reduce(0) { $0 + commentHeight($1) }
            if rows <= commentViewportRows { break }
            topPosition += 1
        }
        commentTop = visible[topPosition]
    }
}

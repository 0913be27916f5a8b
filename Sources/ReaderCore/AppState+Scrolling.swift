import NewsModel

/// Scrolling the article and moving the comment cursor.
extension AppState {
    /// The furthest the article can scroll, once it has been measured at the pane's width.
    public var maxArticleScroll: Int {
        guard metrics.storyID == articleStoryID, metrics.storyID != nil else { return Int.max / 2 }
        return max(0, metrics.articleLines - articleViewportRows)
    }

    /// Scrolls the article by a line, a page or to an end, within what has been measured.
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

    /// The rows comment `index` takes on screen: its measured height (header, text, blank row), or two
    /// rows when its thread is folded.
    public func commentHeight(_ index: Int) -> Int {
        guard comments.indices.contains(index) else { return 2 }
        if collapsed.contains(comments[index].id) { return 2 }
        if metrics.storyID == commentsStoryID, metrics.commentHeights.count == comments.count {
            return max(2, metrics.commentHeights[index])
        }
        return 3
    }

    /// The comments drawn (folded replies left out), the row each starts at, and the rows of them all.
    public func commentRows() -> (visible: [Int], starts: [Int], total: Int) {
        let visible = CommentTree.visibleIndices(comments, collapsed: collapsed)
        var starts: [Int] = []
        starts.reserveCapacity(visible.count)
        var row = 0
        for index in visible {
            starts.append(row)
            row += commentHeight(index)
        }
        return (visible, starts, row)
    }

    /// ↓ reads on through a comment taller than the pane before moving to the next; ↑ likewise upwards.
    /// PgDn/PgUp scroll a screen and put the cursor on the comment at the top.
    mutating func moveInComments(_ command: Command) {
        let (visible, starts, total) = commentRows()
        guard !visible.isEmpty else { return }
        let rows = commentViewportRows
        let maxScroll = max(0, total - rows)
        var position = visible.firstIndex(of: commentCursor) ?? 0
        let start = starts[position]
        let end = start + commentHeight(visible[position])
        switch command {
        case .moveDown:
            if end > commentScroll + rows {
                commentScroll += 1
            } else if position + 1 < visible.count {
                position += 1
                reveal(position, starts: starts, visible: visible)
            }
        case .moveUp:
            if start < commentScroll {
                commentScroll -= 1
            } else if position > 0 {
                position -= 1
                reveal(position, starts: starts, visible: visible)
            }
        case .pageDown, .pageUp:
            let step = max(1, rows - 1)
            commentScroll += command == .pageDown ? step : -step
            commentScroll = max(0, min(commentScroll, maxScroll))
            // The cursor goes to the comment holding the top row (the last one once at the bottom).
            position = starts.lastIndex { $0 <= commentScroll } ?? 0
            if command == .pageDown, commentScroll == maxScroll, position < visible.count - 1,
               starts[visible.count - 1] >= commentScroll {
                position = visible.count - 1
            }
        case .moveToTop:
            position = 0
            commentScroll = 0
        case .moveToBottom:
            position = visible.count - 1
            commentScroll = maxScroll
        default:
            break
        }
        commentCursor = visible[position]
        commentScroll = max(0, min(commentScroll, maxScroll))
    }

    /// Puts the cursor on comment `index` (which must be drawn) and scrolls it into view.
    mutating func moveCommentCursor(to index: Int) {
        let (visible, starts, _) = commentRows()
        guard let position = visible.firstIndex(of: index) else { return }
        commentCursor = index
        reveal(position, starts: starts, visible: visible)
    }

    /// Scrolls so the comment at `position` is on screen: wholly if it fits, else from its first row.
    private mutating func reveal(_ position: Int, starts: [Int], visible: [Int]) {
        let start = starts[position]
        let end = start + commentHeight(visible[position])
        let rows = commentViewportRows
        if start < commentScroll {
            commentScroll = start
        } else if end > commentScroll + rows {
            commentScroll = min(start, end - rows)
        }
    }

    /// Folds or unfolds the replies under the cursor (a comment without replies has nothing to fold).
    mutating func toggleThread() {
        guard comments.indices.contains(commentCursor),
              CommentTree.descendantCount(of: commentCursor, in: comments) > 0 else { return }
        let id = comments[commentCursor].id
        if collapsed.contains(id) { collapsed.remove(id) } else { collapsed.insert(id) }
        scrollCommentsToCursor()
    }

    /// After the thread or the pane changed size: keeps the scroll in range and the cursor's comment at
    /// least partly on screen, without undoing the reader's place inside a tall comment.
    mutating func scrollCommentsToCursor() {
        let (visible, starts, total) = commentRows()
        let rows = commentViewportRows
        guard let position = visible.firstIndex(of: commentCursor) else {
            commentCursor = visible.first ?? 0
            commentScroll = 0
            return
        }
        let start = starts[position]
        let end = start + commentHeight(visible[position])
        if end <= commentScroll || start >= commentScroll + rows { reveal(position, starts: starts, visible: visible) }
        commentScroll = max(0, min(commentScroll, max(0, total - rows)))
    }
}

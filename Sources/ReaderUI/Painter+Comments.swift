import ArticleText
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// The comment pane: the thread from row `commentScroll` down, indented by depth behind a rule in the depth's
/// colour, with the cursor's header highlighted and folded threads marked.
extension Painter {
    /// The visible comments (folded replies left out) from `commentScroll` down.
    mutating func drawComments(in rect: Rect) {
        guard !rect.isEmpty else { return }
        guard let comments = state.shownComments, let storyID = state.commentsStoryID else {
            let message = state.articleStoryID == nil ? "No story selected." : "Loading comments…"
            screen.put(" " + message, x: rect.x, y: rect.y, style: theme[.muted], maxWidth: rect.width)
            return
        }
        if comments.isEmpty {
            drawEmptyThread(in: rect)
            return
        }
        let bodies = layouts.commentBodies(comments, storyID: storyID, paneWidth: rect.width)
        let visible = CommentTree.visibleIndices(comments, collapsed: state.collapsed)
        // Rows are counted from the top of the thread; only those from `commentScroll` on are drawn.
        var row = -state.commentScroll
        for index in visible {
            guard row < rect.height else { break }
            let comment = comments[index]
            let isCollapsed = state.collapsed.contains(comment.id)
            let height = isCollapsed ? 2 : bodies[index].count + 2
            defer { row += height }
            guard row + height > 0 else { continue }
            let ruleX = rect.x + CommentLayout.ruleOffset(depth: comment.depth, paneWidth: rect.width)
            let textX = ruleX + 2
            let textWidth = CommentLayout.textWidth(depth: comment.depth, paneWidth: rect.width)
            let rule = theme.commentDepth(comment.depth)
            drawGuides(depth: comment.depth, rows: max(0, row)..<min(rect.height, row + height), in: rect)
            if row >= 0 {
                screen.put(isCollapsed ? "▸" : "│", x: ruleX, y: rect.y + row, style: rule)
                if index == state.commentCursor {
                    let selection = state.focus == .comments ? theme[.selected] : theme[.selectedInactive]
                    fillRow(x: textX, y: rect.y + row, width: textWidth, style: selection)
                    screen.put(header(comment, index: index, comments: comments, collapsed: isCollapsed), x: textX,
                               y: rect.y + row, style: selection, maxWidth: textWidth)
                } else {
                    drawHeader(comment, index: index, comments: comments, collapsed: isCollapsed, x: textX,
                               y: rect.y + row, width: textWidth)
                }
            }
            guard !isCollapsed else { continue }
            for (offset, line) in bodies[index].enumerated() {
                let y = row + 1 + offset
                guard y >= 0 else { continue }
                guard y < rect.height else { break }
                screen.put("│", x: ruleX, y: rect.y + y, style: rule)
                put(line, x: textX, y: rect.y + y, width: textWidth, base: theme[.text])
            }
        }
    }

    /// Why a thread is empty: still being fetched, could not be fetched, or has no comments.
    private mutating func drawEmptyThread(in rect: Rect) {
        let fetch = state.commentFetch
        let message: String
        if fetch.pending?.storyID == state.articleStoryID {
            message = "Fetching comments…"
        } else if let problem = fetch.problem {
            message = problem
        } else {
            message = fetch.isAvailable ? "No comments yet." : "No comments."
        }
        let style = fetch.problem != nil && fetch.pending == nil ? theme[.statusError] : theme[.muted]
        let lines = TextLayout.plainTextLines(message, width: max(1, rect.width - 2))
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            put(line, x: rect.x + 1, y: rect.y + offset, width: rect.width - 2, base: style)
        }
    }

    /// The guide lines of a comment's ancestors, each in its depth's colour, on `rows` of the pane.
    private mutating func drawGuides(depth: Int, rows: Range<Int>, in rect: Rect) {
        let levels = min(depth, CommentLayout.maxLevels(paneWidth: rect.width))
        guard levels > 0, !rows.isEmpty else { return }
        for level in 0..<levels {
            let x = rect.x + CommentLayout.ruleOffset(depth: level, paneWidth: rect.width)
            let style = theme.commentDepth(level)
            for y in rows { screen.put("│", x: x, y: rect.y + y, style: style) }
        }
    }

    /// `author · 3h · +2`, plus `[+5 hidden]` on a folded thread.
    private func header(_ comment: Comment, index: Int, comments: [Comment], collapsed: Bool) -> String {
        headerParts(comment, index: index, comments: comments, collapsed: collapsed).map(\.text).joined()
    }

    private mutating func drawHeader(_ comment: Comment, index: Int, comments: [Comment], collapsed: Bool,
                                     x: Int, y: Int, width: Int) {
        var column = x
        for part in headerParts(comment, index: index, comments: comments, collapsed: collapsed) {
            let remaining = x + width - column
            guard remaining > 0 else { break }
            column += screen.put(part.text, x: column, y: y, style: theme[part.role], maxWidth: remaining)
        }
    }

    private func headerParts(_ comment: Comment, index: Int, comments: [Comment],
                             collapsed: Bool) -> [(text: String, role: Theme.Role)] {
        var parts: [(text: String, role: Theme.Role)] = []
        if state.isNewComment(index) { parts.append(("new", .newComment)); parts.append((" ", .muted)) }
        let levels = CommentLayout.maxLevels(paneWidth: ScreenLayout.rect(of: .comments, in: state).width)
        if comment.depth > levels { parts.append(("↳\(comment.depth) ", .muted)) }
        if comment.isDeleted {
            parts.append(("[deleted]", .muted))
        } else {
            let author = comment.author.flatMap { $0.isEmpty ? nil : $0.text } ?? "anonymous"
            let isSubmitter = state.shownStory?.author?.text == author
            parts.append((author, isSubmitter ? .submitter : .author))
            if isSubmitter { parts.append((" (submitter)", .submitter)) }
        }
        if let date = comment.date { parts.append((" · " + DateText.relative(date, now: state.now), .muted)) }
        if let score = comment.score { parts.append((" · ", .muted)); parts.append((score > 0 ? "+\(score)" : "\(score)", .score)) }
        if collapsed {
            let hidden = CommentTree.descendantCount(of: index, in: comments)
            parts.append(("  [+\(hidden) hidden]", .muted))
        }
        return parts
    }
}

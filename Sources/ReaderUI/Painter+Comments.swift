import ArticleText
import NewsModel
import ReaderCore
import TermCore

/// The comment pane: comments from `commentTop` down, indented by depth behind a rule in the depth's
/// colour, with the cursor's header highlighted and folded threads marked.
extension Painter {
    mutating func drawComments(in rect: Rect) {
        guard !rect.isEmpty else { return }
        guard let comments = state.shownComments, let storyID = state.commentsStoryID else {
            let message = state.articleStoryID == nil ? "No story selected." : "Loading comments…"
            screen.put(" " + message, x: rect.x, y: rect.y, style: theme[.muted], maxWidth: rect.width)
            return
        }
        if comments.isEmpty {
            screen.put(" No comments.", x: rect.x, y: rect.y, style: theme[.muted], maxWidth: rect.width)
            return
        }
        let bodies = layouts.commentBodies(comments, storyID: storyID, paneWidth: rect.width)
        let visible = CommentTree.visibleIndices(comments, collapsed: state.collapsed)
        let start = visible.firstIndex(of: state.commentTop) ?? 0
        var y = rect.y
        for index in visible[start...] {
            guard y < rect.maxY else { break }
            let comment = comments[index]
            let ruleX = rect.x + CommentLayout.ruleOffset(depth: comment.depth, paneWidth: rect.width)
            let textX = ruleX + 2
            let textWidth = CommentLayout.textWidth(depth: comment.depth, paneWidth: rect.width)
            let rule = theme.commentDepth(comment.depth)
            let isCollapsed = state.collapsed.contains(comment.id)
            // Header.
            screen.put(isCollapsed ? "▸" : "│", x: ruleX, y: y, style: rule)
            if index == state.commentCursor {
                let selection = state.focus == .comments ? theme[.selected] : theme[.selectedInactive]
                fillRow(x: textX, y: y, width: textWidth, style: selection)
                screen.put(header(comment, index: index, comments: comments, collapsed: isCollapsed), x: textX, y: y,
                           style: selection, maxWidth: textWidth)
            } else {
                drawHeader(comment, index: index, comments: comments, collapsed: isCollapsed, x: textX, y: y,
                           width: textWidth)
            }
            y += 1
            if !isCollapsed {
                for line in bodies[index] {
                    guard y < rect.maxY else { break }
                    screen.put("│", x: ruleX, y: y, style: rule)
                    put(line, x: textX, y: y, width: textWidth, base: theme[.text])
                    y += 1
                }
            }
            y += 1  // the blank row between comments
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
        let author = comment.author.map(Sanitizer.cleanLine).flatMap { $0.isEmpty ? nil : $0 } ?? "anonymous"
        var parts: [(text: String, role: Theme.Role)] = [(author, .author)]
        if let date = comment.date { parts.append((" · " + DateText.relative(date, now: state.now), .muted)) }
        if let score = comment.score { parts.append((" · ", .muted)); parts.append((score > 0 ? "+\(score)" : "\(score)", .score)) }
        if collapsed {
            let hidden = CommentTree.descendantCount(of: index, in: comments)
            parts.append(("  [+\(hidden) hidden]", .muted))
        }
        return parts
    }
}

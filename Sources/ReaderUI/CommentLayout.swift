import ArticleText
import NewsModel

/// Geometry of one comment in the comment pane: a coloured rule at its depth's indentation, a header row
/// (author, date, score) and the body, then a blank row.
enum CommentLayout {
    /// Columns of indentation per depth level.
    static let indentStep = 2

    /// The deepest level that is still indented further: indentation stops at two fifths of the pane, so a
    /// thread hundreds of replies deep keeps its text readable (10 levels in a 50-column pane).
    static func maxLevels(paneWidth: Int) -> Int { max(0, (paneWidth * 2 / 5) / indentStep) }

    /// The indentation of a comment at `depth`, capped at `maxLevels`.
    static func indent(depth: Int, paneWidth: Int) -> Int {
        min(max(0, depth), maxLevels(paneWidth: paneWidth)) * indentStep
    }

    /// The column of a comment's rule, from the pane's left edge: one column of margin, then indentation.
    static func ruleOffset(depth: Int, paneWidth: Int) -> Int { 1 + indent(depth: depth, paneWidth: paneWidth) }

    /// The width of a comment's text: the pane less margin, indentation, the rule and its space, and a
    /// right margin.
    static func textWidth(depth: Int, paneWidth: Int) -> Int {
        max(1, paneWidth - ruleOffset(depth: depth, paneWidth: paneWidth) - 3)
    }

    /// The comment's text laid out at `width`; an empty comment says so, a deleted one has no text (its
    /// header says `[deleted]`).
    static func body(of comment: Comment, width: Int) -> [StyledLine] {
        if comment.isDeleted { return [] }
        let lines = ArticleRenderer.render(html: comment.body, width: width).lines
        return lines.isEmpty ? [StyledLine("(empty)", traits: .muted)] : lines
    }
}

import ArticleText
import Dispatch
import Foundation
import NewsModel

/// Geometry of one comment in the comment pane: a coloured rule at its depth's indentation, a header row
/// (author, date, score) and the body, then a blank row.
public enum CommentLayout {
    /// Every comment's body laid out at its own width (the pane less its indentation): what the pane draws
    /// and measures a thread by.
    ///
    /// Bodies are independent of each other, so a long thread is laid out on every core: a 5,000-comment
    /// thread costs about 80 ms of CPU at 60 columns, more than a reader should wait on one core.
    public static func bodies(_ comments: [Comment], paneWidth: Int) -> [[StyledLine]] {
        // Asked only for long threads: Foundation reads two cgroup files per call, on every frame otherwise.
        let cores = comments.count >= 256 ? ProcessInfo.processInfo.activeProcessorCount : 1
        guard cores > 1 else {
            return comments.map { body(of: $0, width: textWidth(depth: $0.depth, paneWidth: paneWidth)) }
        }
        var result = [[StyledLine]](repeating: [], count: comments.count)
        // Several chunks per core, so one chunk of long comments does not leave the other cores idle.
        let chunks = min(comments.count, cores * 4)
        result.withUnsafeMutableBufferPointer { output in
            // Safety: each iteration writes only its own range of `output`, which outlives the call
            // (concurrentPerform returns when every iteration has finished).
            nonisolated(unsafe) let slots = output
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (comments.count * chunk / chunks)..<(comments.count * (chunk + 1) / chunks)
                for index in range {
                    let comment = comments[index]
                    slots[index] = body(of: comment, width: textWidth(depth: comment.depth, paneWidth: paneWidth))
                }
            }
        }
        return result
    }

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

import NewsModel

/// Thread structure of a depth-first comment list: comment `i`'s replies are the comments after it that are
/// deeper than it, up to the next one that is not.
public enum CommentTree {
    /// How many comments belong to the thread under `index` (its replies, their replies, …).
    public static func descendantCount(of index: Int, in comments: [Comment]) -> Int {
        guard comments.indices.contains(index) else { return 0 }
        let depth = comments[index].depth
        var end = index + 1
        while end < comments.count, comments[end].depth > depth { end += 1 }
        return end - index - 1
    }

    /// The indexes of the comments drawn when the threads under `collapsed` are folded: a collapsed comment
    /// is still drawn (as one line), its replies are not.
    public static func visibleIndices(_ comments: [Comment], collapsed: Set<CommentID>) -> [Int] {
        var visible: [Int] = []
        visible.reserveCapacity(comments.count)
        var hiddenBelowDepth: Int?
        for (index, comment) in comments.enumerated() {
            if let depth = hiddenBelowDepth {
                if comment.depth > depth { continue }
                hiddenBelowDepth = nil
            }
            visible.append(index)
            if collapsed.contains(comment.id) { hiddenBelowDepth = comment.depth }
        }
        return visible
    }
}

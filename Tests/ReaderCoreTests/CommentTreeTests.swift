import NewsModel
import ReaderCore
import Testing

@Suite("CommentTree: threads of a depth-first comment list")
struct CommentTreeTests {
    let comments = Fixtures.comments(storyID: StoryID(1), depths: [0, 1, 2, 1, 0, 1, 0])

    @Test("a comment's thread is everything deeper after it, up to the next comment as shallow")
    func descendants() {
        #expect(CommentTree.descendantCount(of: 0, in: comments) == 3)
        #expect(CommentTree.descendantCount(of: 1, in: comments) == 1)
        #expect(CommentTree.descendantCount(of: 2, in: comments) == 0)
        #expect(CommentTree.descendantCount(of: 4, in: comments) == 1)
        #expect(CommentTree.descendantCount(of: 6, in: comments) == 0)
        #expect(CommentTree.descendantCount(of: 99, in: comments) == 0)
    }

    @Test("folding hides the replies but keeps the folded comment")
    func visible() {
        #expect(CommentTree.visibleIndices(comments, collapsed: []) == Array(0..<7))
        #expect(CommentTree.visibleIndices(comments, collapsed: [CommentID(1)]) == [0, 4, 5, 6])
        #expect(CommentTree.visibleIndices(comments, collapsed: [CommentID(2)]) == [0, 1, 3, 4, 5, 6])
        // A fold inside a folded thread changes nothing further.
        #expect(CommentTree.visibleIndices(comments, collapsed: [CommentID(1), CommentID(2)]) == [0, 4, 5, 6])
        #expect(CommentTree.visibleIndices(comments, collapsed: [CommentID(5), CommentID(7)]) == [0, 1, 2, 3, 4, 6])
    }
}

import NewsModel

/// The comment pane off the key path. When the selection moves, the pane keeps what it showed until the new
/// story's comments are known: its stored thread read, and, when that thread is empty and being fetched, the
/// fetch answered or `CommentPaneHold.fetchMilliseconds` passed. A move then changes the pane once, together
/// with the article, rather than through "Loading comments…" and "Fetching comments…" and back, which cost
/// the terminal a title and a message per key. Only while the runtime defers the article body: the pure
/// `render` has no previous frame to keep.
extension AppState {
    /// True while the comment pane keeps the previous frame's cells: the article pane beside it is pending
    /// (the two change together), or the new story's comments are not known yet.
    public var isCommentPanePending: Bool {
        guard articleBody.isDeferred, isShowingComments, let id = articleStoryID else { return false }
        return isArticlePending || commentFetch.paneHold?.storyID == id
    }

    /// The selection moved to `id` with the pane open: hold it until the stored thread is read.
    mutating func holdCommentPane(for id: StoryID) {
        guard articleBody.isDeferred, isShowingComments else { return }
        commentFetch.paneHold = CommentPaneHold(id: RequestID(rawValue: nextRequestNumber), storyID: id)
        nextRequestNumber += 1
    }

    /// The stored thread of `id` is empty and being fetched: the hold lasts until the fetch answers, or at
    /// most the fetch wait, answered by `.commentPaneHoldEnded`.
    mutating func waitForFetchBeforeShowing(_ id: StoryID) -> [Effect] {
        guard let hold = commentFetch.paneHold, hold.storyID == id else { return [] }
        return [.endCommentPaneHold(hold.id, milliseconds: CommentPaneHold.fetchMilliseconds)]
    }

    /// There is something to show for `id` (a thread, an answer, a failure): the pane is drawn again.
    mutating func releaseCommentPane(_ id: StoryID) {
        if commentFetch.paneHold?.storyID == id { commentFetch.paneHold = nil }
    }

    /// The fetch wait is over: the pane says what it waits for.
    mutating func commentPaneHoldEnded(_ id: RequestID) {
        if commentFetch.paneHold?.id == id { commentFetch.paneHold = nil }
    }
}

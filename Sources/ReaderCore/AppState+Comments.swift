import Foundation
import NewsModel

/// The comment thread: receiving it from the cache and from its source, and moving through it by
/// structure (parent, siblings, top-level threads).
extension AppState {
    /// A stored thread arrived: it is shown at once, and fetched again in the background when it is
    /// missing or older than the maximum age.
    mutating func receiveThread(_ thread: CommentThread) -> [Effect] {
        let id = thread.storyID
        guard id == articleStoryID, isShowingComments else { return [] }
        commentsStoryID = id
        comments = thread.comments
        commentCursor = 0; commentScroll = 0; collapsed = []
        commentFetch.fetchedAt = thread.fetchedAt
        commentFetch.lastOpened = thread.lastOpened
        commentFetch.problem = nil
        commentFetch.discussion = nil
        if !thread.comments.isEmpty || thread.fetchedAt != nil { showCount(CommentCount.of(thread.comments), of: id) }
        guard commentFetch.isAvailable else { releaseCommentPane(id); return [] }
        var effects: [Effect] = [.markCommentsOpened(id)]
        if commentFetch.isStale(thread.fetchedAt, now: now) { effects += requestCommentFetch(id) }
        // An empty thread being fetched has nothing to show yet but "Fetching comments…": wait a moment for
        // the answer instead. Anything else is shown now.
        if thread.comments.isEmpty, commentFetch.pending?.storyID == id {
            effects += waitForFetchBeforeShowing(id)
        } else {
            releaseCommentPane(id)
        }
        return effects
    }

    /// Asks for the story's thread from its source, unless a fetch for it is already running.
    mutating func requestCommentFetch(_ id: StoryID) -> [Effect] {
        guard commentFetch.isAvailable, commentFetch.pending?.storyID != id else { return [] }
        let request = CommentFetchRequest(id: RequestID(rawValue: nextRequestNumber), storyID: id)
        nextRequestNumber += 1
        commentFetch.pending = request
        return [.fetchComments(request)]
    }

    /// A fetch ended: a new thread replaces the shown one (the cursor and folded threads stay on the same
    /// comments) and every count of the story follows it; a failure is kept to be shown with the cached
    /// thread. Answers to superseded requests are dropped.
    mutating func receiveFetchedComments(_ request: CommentFetchRequest, _ outcome: CommentFetchOutcome) -> [Effect] {
        guard commentFetch.pending?.id == request.id else { return [] }
        commentFetch.pending = nil
        releaseCommentPane(request.storyID)
        guard request.storyID == articleStoryID else { return [] }
        switch outcome {
        case .fetched(let thread) where request.discussion != nil:
            // Another site's thread: shown, but the story's own count stays.
            commentFetch.problem = nil
            commentFetch.fetchedAt = thread.fetchedAt
            commentFetch.discussion = request.discussion
            status = nil
            commentsStoryID = nil
            replaceThread(request.storyID, with: thread.comments)
        case .fetched(let thread):
            commentFetch.problem = nil
            commentFetch.fetchedAt = thread.fetchedAt
            showCount(CommentCount.of(thread.comments), of: request.storyID)
            guard isShowingComments, commentFetch.discussion == nil else { return [] }
            replaceThread(request.storyID, with: thread.comments)
        case .failed(let message):
            commentFetch.problem = message
            if request.discussion != nil { status = StatusMessage(message, isError: true) }
            if !comments.isEmpty, commentsStoryID == request.storyID {
                status = StatusMessage(message, isError: true)
            }
        case .unavailable(let message):
            commentFetch.problem = message
        }
        return []
    }

    /// The article header and the list row show the count of the thread the pane shows.
    private mutating func showCount(_ count: Int, of id: StoryID) {
        if story?.id == id { story?.commentCount = count }
        list.setCommentCount(id, count)
    }

    /// Shows `newComments` in place of the current thread, keeping the cursor and the folded threads on the
    /// comments with the same remote ids (a fetched thread's comments get new cache ids).
    private mutating func replaceThread(_ id: StoryID, with newComments: [Comment]) {
        let isSameStory = commentsStoryID == id
        let cursorRemoteID = isSameStory && comments.indices.contains(commentCursor)
            ? comments[commentCursor].remoteID : nil
        let foldedRemoteIDs = isSameStory ? Set(comments.filter { collapsed.contains($0.id) }.map(\.remoteID)) : []
        commentsStoryID = id
        comments = newComments
        collapsed = Set(newComments.filter { foldedRemoteIDs.contains($0.remoteID) }.map(\.id))
        commentCursor = cursorRemoteID.flatMap { remote in newComments.firstIndex { $0.remoteID == remote } } ?? 0
        if !isSameStory { commentScroll = 0 }
        scrollCommentsToCursor()
    }

    /// Whether comment `index` arrived after the reader's previous visit to this thread.
    public func isNewComment(_ index: Int) -> Bool {
        guard let lastOpened = commentFetch.lastOpened, comments.indices.contains(index),
              let firstSeen = comments[index].firstSeen else { return false }
        return firstSeen > lastOpened
    }

    /// Moves the cursor by thread structure: to the parent, the next or previous reply at the same level
    /// under the same parent, or the next or previous top-level comment. Folded replies are never landed on:
    /// a comment's parent and siblings are always drawn when it is.
    mutating func jumpInComments(_ command: Command) {
        guard comments.indices.contains(commentCursor) else { return }
        let depth = comments[commentCursor].depth
        var target: Int?
        switch command {
        case .parentComment:
            guard depth > 0 else { status = StatusMessage("This comment replies to the story itself"); return }
            target = (0..<commentCursor).reversed().first { comments[$0].depth < depth }
        case .nextSibling:
            var index = commentCursor + 1
            while index < comments.count, comments[index].depth > depth { index += 1 }
            if index < comments.count, comments[index].depth == depth { target = index }
        case .previousSibling:
            var index = commentCursor - 1
            while index >= 0, comments[index].depth > depth { index -= 1 }
            if index >= 0, comments[index].depth == depth { target = index }
        case .nextThread:
            target = comments.indices.dropFirst(commentCursor + 1).first { comments[$0].depth == 0 }
        case .previousThread:
            target = (0..<commentCursor).reversed().first { comments[$0].depth == 0 }
        default:
            return
        }
        guard let target else {
            status = StatusMessage("No such comment: this is the \(command == .nextThread || command == .nextSibling ? "last" : "first") one")
            return
        }
        moveCommentCursor(to: target)
    }

    /// The comment pane follows the terminal's width until the reader toggles it: shown beside the story
    /// when three panes fit, hidden when they no longer do.
    mutating func followWidthForComments() -> [Effect] {
        guard commentFetch.followsWidth, mode == .normal else { return [] }
        let fits = size.width >= ScreenLayout.threePaneWidth
        guard fits != isShowingComments else { return [] }
        isShowingComments = fits
        if !fits {
            if focus == .comments { focus = focusOrder.contains(focusBeforeComments) ? focusBeforeComments : focusOrder[0] }
            return []
        }
        return loadCommentsIfNeeded()
    }
}

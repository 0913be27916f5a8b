import NewsModel

/// Which page of headlines a request asks for, relative to the rows already held.
public enum PageDirection: Sendable, Equatable, Hashable {
    /// The newest rows.
    case first
    /// The rows just older than the cursor (scrolling down).
    case after(HeadlineCursor)
    /// The rows just newer than the cursor (scrolling up), returned newest first.
    case before(HeadlineCursor)
    /// The oldest rows (`G`/End).
    case last
    /// The rows either side of the cursor's story, it included (reloading after a refresh).
    case around(HeadlineCursor)
}

/// One request for a page of headlines.
public struct HeadlineRequest: Sendable, Equatable, Hashable {
    public var id: RequestID
    public var query: HeadlineQuery
    public var direction: PageDirection
    public var limit: Int
    public init(id: RequestID, query: HeadlineQuery, direction: PageDirection, limit: Int) {
        self.id = id; self.query = query; self.direction = direction; self.limit = limit
    }
}

/// Work `update` asks the runtime to do. Effects are plain data so that `update` stays pure and tests can
/// compare them; the runtime performs each one and answers with an `Action`.
public enum Effect: Sendable, Equatable, Hashable {
    /// Answered by `.headlinesLoaded(request.id, …)` or `.requestFailed(.headlines(request.id), …)`.
    case loadHeadlines(HeadlineRequest)
    /// Answered by `.storyLoaded(id, …)`.
    case loadStory(StoryID)
    /// Answered by `.commentThreadLoaded(…)` (or `.commentsLoaded(id, …)`).
    case loadComments(StoryID)
    /// Fetch the story's thread from its source in the background and store it; answered by
    /// `.commentsFetched(request, …)`.
    case fetchComments(CommentFetchRequest)
    /// Fire and forget: remember that the reader opened the story's comments now.
    case markCommentsOpened(StoryID)
    /// Fire and forget; a failure comes back as `.requestFailed(.markRead(id), …)`.
    case markRead(StoryID)
    /// Stop the loop and restore the terminal.
    case quit
    /// Fire and forget; a failure comes back as `.markFailed(.read(id, isRead), …)`.
    case setRead(StoryID, Bool)
    /// Fire and forget; a failure comes back as `.markFailed(.starred(id, isStarred), …)`.
    case setStarred(StoryID, Bool)
    /// Answered by `.feedMarkedRead(id, query, …)` with the unread count of `query` afterwards.
    case markFeedRead(FeedID, HeadlineQuery)
    /// Answered by `.feedListLoaded(…)`.
    case loadFeedList
    /// Refresh feeds in the background; answered by `.refreshProgressed` and `.refreshFinished`.
    case refresh(RefreshRequest)
    /// Open a URL in the browser; answered by `.linkOpened`.
    case openURL(String)
}

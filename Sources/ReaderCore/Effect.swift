import NewsModel

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
    /// Stop the loop and restore the terminal.
    case quit
    /// Answered by `.markStored(.read(id, isRead))` or `.markFailed(.read(id, isRead), …)`. Mark writes are
    /// carried out in the order asked, so the last mark of a story is the one the cache keeps.
    case setRead(StoryID, Bool)
    /// Answered by `.markStored(.starred(id, isStarred))` or `.markFailed(.starred(id, isStarred), …)`.
    case setStarred(StoryID, Bool)
    /// Answered by `.feedMarkedRead(id, query, …)` with the unread count of `query` afterwards, or by
    /// `.markFailed(.feedRead(id), …)`.
    case markFeedRead(FeedID, HeadlineQuery)
    /// Answered by `.feedListLoaded(…)`.
    case loadFeedList
    /// Refresh feeds in the background; answered by `.refreshProgressed` and `.refreshFinished`.
    case refresh(RefreshRequest)
    /// Bring the cache's feeds in line with the urls file read at start; answered by
    /// `.subscriptionsApplied(id, …)`.
    case applySubscriptions(RequestID)
    /// Open a URL in the browser; answered by `.linkOpened`.
    case openURL(String)
    /// Reader mode: fetch the story's page at `url`, extract its article and store it with the story;
    /// answered by `.articleExtracted(id, story, …)`.
    case extractArticle(RequestID, StoryID, url: String)
    /// Reader mode: answer with `.extractionSettled(id, story)` after `milliseconds`, unless superseded
    /// by the next such wait (moving through the list starts no page fetch for the stories passed over).
    case settleBeforeExtracting(RequestID, StoryID, milliseconds: Int)
    /// Reader mode after a refresh: fetch and store the articles of the newest unread stories of the
    /// `always` feeds of `policy`, a few at a time; not answered (the articles are read when opened).
    case prefetchArticles(ExtractPolicy)
    /// The first unread story after (`forward`) or before `cursor` in `query`, else in all stories;
    /// answered by `.unreadFound(id, …)`.
    case findUnread(RequestID, HeadlineQuery, HeadlineCursor?, forward: Bool)
    /// Mark every story of the view read; answered by `.viewMarkedRead` or `.markFailed(.viewRead(query), …)`.
    case markViewRead(HeadlineQuery)
    /// Repaint the whole terminal (Ctrl-L), whatever the backend believes is on it.
    case redraw
    /// Read the cache's change stamp; answered by `.cacheChecked`.
    case checkCache
    /// Parse (unless a parsed copy is kept) and lay out a story's body off the key path; answered by
    /// `.articleBodyLaidOut(request.id, request.key)` once the laid-out body is in the view's cache.
    case layOutArticleBody(ArticleBodyRequest)
    /// Look `url` up on Hacker News and Lobsters; answered by `.discussionsFound(id, …)`.
    case findDiscussions(RequestID, url: String)
    /// Answer with `.commentPaneHoldEnded(id)` after `milliseconds`, unless superseded by the next such
    /// wait: how long the comment pane keeps the previous story's while a fetch runs.
    case endCommentPaneHold(RequestID, milliseconds: Int)
}

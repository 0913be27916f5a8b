import Foundation
import NewsModel
import TermCore

/// Which request failed, so the failure can be matched against what is still wanted.
public enum RequestKind: Sendable, Equatable, Hashable {
    case headlines(RequestID)
    case story(StoryID)
    case comments(StoryID)
}

/// How tall the laid-out content is, measured by the view (which owns text layout) so that `update` can
/// clamp scrolling and keep the comment cursor on screen.
public struct ContentMetrics: Sendable, Equatable {
    public var storyID: StoryID?
    /// The width the article was laid out at, and how many rows it took (header included).
    public var articleWidth: Int
    public var articleLines: Int
    /// The width the comments were laid out at, and each comment's rows when expanded (separator included).
    public var commentsWidth: Int
    public var commentHeights: [Int]
    /// The article's numbered links (`[1]` first), for `o` followed by a number.
    public var articleLinks: [String]

    public init(storyID: StoryID? = nil, articleWidth: Int = 0, articleLines: Int = 0, commentsWidth: Int = 0,
                commentHeights: [Int] = [], articleLinks: [String] = []) {
        self.storyID = storyID; self.articleWidth = articleWidth; self.articleLines = articleLines
        self.commentsWidth = commentsWidth; self.commentHeights = commentHeights; self.articleLinks = articleLinks
    }
}

/// Everything that can happen to the reader: the user's keys and commands, and the results of effects (past
/// tense), each carrying the id of the request it answers.
public enum Action: Sendable, Equatable {
    /// The first action of a run: asks for the first page.
    case started
    case keyPressed(Key)
    case command(Command)
    case resized(TerminalSize)
    case clockTicked(Date)
    case headlinesLoaded(RequestID, HeadlinePage)
    /// `nil` when the story is no longer in the cache.
    case storyLoaded(StoryID, Story?)
    case commentsLoaded(StoryID, [Comment])
    /// A story's stored thread with its fetch and visit times (the answer to `.loadComments`).
    case commentThreadLoaded(CommentThread)
    /// The answer to `.fetchComments(request)`.
    case commentsFetched(CommentFetchRequest, CommentFetchOutcome)
    case contentMeasured(ContentMetrics)
    case requestFailed(RequestKind, message: String)
    case feedListLoaded(FeedDirectory)
    /// A feed was marked read: how many stories changed, and the unread count of `query` afterwards.
    case feedMarkedRead(FeedID, HeadlineQuery, changed: Int, unread: Int)
    /// A story's mark (`MarkRequest.read` or `.starred`) is in the cache: the answer to `.setRead` and
    /// `.setStarred`, so the mark stops being re-applied to what later reads bring.
    case markStored(MarkRequest)
    case markFailed(MarkRequest, message: String)
    /// Counts of a running refresh, at most a few times a second, with the time they were taken.
    case refreshProgressed(RequestID, RefreshTally, at: Date)
    case refreshFinished(RequestID, RefreshTally)
    /// The automatic-refresh interval has passed.
    case refreshTimerFired
    /// The answer to `.applySubscriptions(id)`: whether the cache's feeds changed, or why they could not.
    case subscriptionsApplied(RequestID, changed: Bool, failure: String?)
    /// The browser was started for the URL, or could not be (`failure` says why, refusals included).
    case linkOpened(String, failure: String?)
    /// The story shown when `.settleBeforeExtracting` was asked for has had time to stay selected.
    case extractionSettled(RequestID, StoryID)
    /// Reader mode's answer for a story: its article, or why there is none.
    case articleExtracted(RequestID, StoryID, ExtractionOutcome)
    /// `n` / `p` asked the store: the unread story found (in `query`'s view, or in all stories when that
    /// view had none left), or nil.
    case unreadFound(RequestID, HeadlineQuery, Headline?)
    /// `C` was carried out: how many stories of `query` changed.
    case viewMarkedRead(HeadlineQuery, changed: Int)
    /// Time to look whether another process changed the cache (every few seconds).
    case cacheWatchTicked
    /// The cache's change stamp (see `ReaderStore.changeStamp`); a new one means another process stored
    /// or removed stories or feeds.
    case cacheChecked(Int64)
    /// The answer to `.findDiscussions(id, …)`: the discussions found, most commented first, and a message
    /// for each site that could not be asked.
    case discussionsFound(RequestID, [Discussion], problems: [String])
    /// Warnings found at start (bad lines in the urls file or config.toml), for the status bar.
    case warned([String])
    /// The body asked for by `.layOutArticleBody` is laid out and in the view's cache.
    case articleBodyLaidOut(RequestID, ArticleBodyKey)
    /// The wait asked for by `.endCommentPaneHold(id, …)` is over.
    case commentPaneHoldEnded(RequestID)
}

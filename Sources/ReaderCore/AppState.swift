import Foundation
import NewsModel
import TermCore

/// A line for the status bar.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// Everything the reader shows, as one value: `update` changes it, `render` draws it. It holds a window of
/// headlines and at most one story with its comments, never the whole cache.
public struct AppState: Sendable, Equatable {
    public var size: TerminalSize
    /// The time relative dates are measured from, advanced by `.clockTicked`.
    public var now: Date
    /// The zone absolute dates are shown in.
    public var timeZone: DisplayZone
    public var focus: Pane
    public var mode: LayoutMode
    public var isShowingComments: Bool
    public var isShowingHelp: Bool
    public var list: HeadlineWindow
    /// The story the article pane is about: the selected headline's in the normal view, the opened one in
    /// the full-screen view.
    public var articleStoryID: StoryID?
    /// The loaded story; shown only while its id is `articleStoryID`.
    public var story: Story?
    public var articleScroll: Int
    /// The story the comments belong to, once loaded (nil while loading).
    public var commentsStoryID: StoryID?
    public var comments: [Comment]
    /// The comment under the cursor (an index into `comments`).
    public var commentCursor: Int
    /// The first row of the thread on screen: comments scroll by rows, so a comment taller than the pane
    /// can be read to its end.
    public var commentScroll: Int
    public var collapsed: Set<CommentID>
    public var status: StatusMessage?
    /// A standing hint shown when there is no message (e.g. how to add feeds to the sample edition).
    public var hint: String?
    public var metrics: ContentMetrics
    public var keymap: Keymap
    /// Set by `.quit`; the runtime stops once it sees it.
    public var isQuitting: Bool
    /// The feed list, the search prompt and results, and the mark-read-on-open setting.
    public var views = ReaderViews()
    /// Background refreshing: whether it is possible, what runs, its progress.
    public var refresh = RefreshState()
    /// Fetching comments from their sources, and what is known about the shown thread.
    public var commentFetch = CommentFetchState()
    /// The `d` list of discussions elsewhere, while open.
    public var discussions: DiscussionList? = nil
    /// The `o` prompt, while it is open.
    public var linkPrompt: LinkPrompt? = nil
    /// Which stories reader mode extracts (config.toml `[extract]`); none until the runtime says otherwise,
    /// so a state without a network behind it never asks for pages.
    public var extractPolicy = ExtractPolicy(defaultMode: .never)
    /// The reader switched to the feed's own text with `x` while an extracted article is there.
    public var showsFeedText = false
    /// The reader-mode fetch in flight, if any.
    public var pendingExtraction: PendingExtraction? = nil
    /// The story whose page is fetched if it is still shown when this wait ends (`settleBeforeExtracting`).
    public var settlingExtraction: PendingExtraction? = nil
    /// The first help row shown, while help is open and longer than the screen.
    public var helpScroll = 0
    /// A yes/no question in the status bar (`C`), while it waits for its answer.
    public var confirmation: Confirmation? = nil
    /// The article body being laid out off the key path, when the runtime does that.
    public var articleBody = ArticleBodyState()
    /// Marks shown but not yet confirmed by the cache, re-applied to every page and story read meanwhile.
    public var marksInFlight = MarksInFlight()
    /// The cache's change stamp as last seen, to notice another process's writes.
    var cacheStamp: Int64? = nil
    /// The `n`/`p` request waited for.
    var pendingUnread: RequestID? = nil
    /// The theme on screen and the others `T` cycles through.
    public var themes = ThemeChoice()
    /// Where focus returns when the comment pane closes.
    var focusBeforeComments: Pane
    var nextRequestNumber: UInt64

    /// The state a session starts in: nothing loaded, at `size` and `now`, as `settings` say.
    public init(size: TerminalSize, now: Date, settings: SessionSettings) {
        self.size = size; self.now = now; timeZone = settings.timeZone
        focus = .headlines; mode = .normal; isShowingComments = false; isShowingHelp = false
        list = HeadlineWindow(query: settings.query)
        articleStoryID = nil; story = nil; articleScroll = 0
        commentsStoryID = nil; comments = []; commentCursor = 0; commentScroll = 0; collapsed = []
        status = settings.notice.map { StatusMessage($0, isError: true) }
        hint = settings.hint; metrics = ContentMetrics(); keymap = settings.keymap; isQuitting = false
        focusBeforeComments = .headlines; nextRequestNumber = 1
        views.markReadOnOpen = settings.markReadOnOpen
        themes = settings.themes
        refresh.unavailableReason = settings.refreshUnavailableReason
        refresh.fetchesNewSubscriptionsOnStart = settings.fetchesNewSubscriptionsOnStart
        refresh.appliesSubscriptionsOnStart = settings.appliesSubscriptionsOnStart
        extractPolicy = settings.extractPolicy
        commentFetch.isAvailable = settings.fetchesComments
        commentFetch.maxAge = settings.commentsMaxAge
        commentFetch.followsWidth = settings.commentsBesideStory
        articleBody.isDeferred = settings.defersArticleBody
    }

    /// A session with nothing behind it but a view, a zone, a hint and keys (the tests of `update`).
    public init(size: TerminalSize, query: HeadlineQuery = HeadlineQuery(), now: Date = Date(timeIntervalSince1970: 0),
                timeZone: DisplayZone = .utc, hint: String? = nil,
                keymap: Keymap = .standard) {
        self.init(size: size, now: now,
                  settings: SessionSettings(query: query, timeZone: timeZone, hint: hint, keymap: keymap))
    }

    /// The story to draw in the article pane, if it has been loaded.
    public var shownStory: Story? {
        guard let story, story.id == articleStoryID else { return nil }
        return story
    }

    /// The comments to draw, if the ones for the article's story have been loaded.
    public var shownComments: [Comment]? {
        guard let id = commentsStoryID, id == articleStoryID else { return nil }
        return comments
    }

    /// The panes Tab cycles through, in order.
    public var focusOrder: [Pane] {
        var order: [Pane] = mode == .normal ? [.headlines, .article] : [.article]
        if isShowingComments { order.append(.comments) }
        return order
    }

    /// Rows of headlines the list pane shows.
    public var listViewportRows: Int { max(1, ScreenLayout.rect(of: .headlines, in: self).height - 1) }
    /// Rows of text the article pane shows.
    public var articleViewportRows: Int { max(1, ScreenLayout.rect(of: .article, in: self).height - 1) }
    /// Rows the comment pane shows.
    public var commentViewportRows: Int { max(1, ScreenLayout.rect(of: .comments, in: self).height - 1) }

    /// How many rows the list keeps beyond the screen either side before asking for more.
    public var pageSize: Int { max(50, listViewportRows * 2) }
}

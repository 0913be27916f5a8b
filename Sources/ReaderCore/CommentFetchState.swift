import Foundation
import NewsModel

/// One request to fetch a story's comments from their source, or (`discussion`) the comments of a
/// discussion of its link elsewhere, shown but not stored as the story's own.
public struct CommentFetchRequest: Sendable, Equatable, Hashable {
    public var id: RequestID
    public var storyID: StoryID
    public var discussion: Discussion?
    public init(id: RequestID, storyID: StoryID, discussion: Discussion? = nil) {
        self.id = id; self.storyID = storyID; self.discussion = discussion
    }
}

/// How a fetch of comments ended.
public enum CommentFetchOutcome: Sendable, Equatable {
    /// The thread as stored after the fetch.
    case fetched(CommentThread)
    /// The source could not be reached or answered badly (`could not reach news.ycombinator.com: …`).
    case failed(String)
    /// The story has nowhere to fetch comments from; the text says so.
    case unavailable(String)
}

/// Fetching comments in the background: whether it is possible here, how old a stored thread may get, and
/// what is known about the thread on screen (when it was fetched, the last visit, a fetch running or failed).
public struct CommentFetchState: Sendable, Equatable {
    /// Whether this session can fetch comments (not in the sample edition, nor in tests of the panes).
    public var isAvailable = false
    /// A stored thread older than this is fetched again when its story is opened.
    public var maxAge: TimeInterval = 30 * 60
    /// The comment pane follows the terminal's width (open when three panes fit) until `c` is pressed.
    public var followsWidth = false
    /// The fetch running for the shown story, if any.
    public var pending: CommentFetchRequest?
    /// When the shown thread was fetched (nil: never, or it came with the story).
    public var fetchedAt: Date?
    /// The previous visit to the shown story's comments: comments first seen after it are new.
    public var lastOpened: Date?
    /// Why the last fetch for the shown story failed, or why there is nothing to fetch.
    public var problem: String?
    /// The discussion elsewhere whose comments the pane shows instead of the story's own (`d`).
    public var discussion: Discussion?
    /// While set, the comment pane keeps what it showed for the previous story (see
    /// `AppState.isCommentPanePending`).
    public var paneHold: CommentPaneHold?

    public init() {}

    /// Whether a thread fetched at `fetchedAt` should be fetched again at `now`.
    func isStale(_ fetchedAt: Date?, now: Date) -> Bool {
        guard let fetchedAt else { return true }
        return now.timeIntervalSince(fetchedAt) > maxAge || fetchedAt > now.addingTimeInterval(60)
    }
}

/// The comment pane waiting, after the selection moved, for the new story's comments to be known before it
/// changes. `id` names the wait that ends it, so the end of an older wait is ignored.
public struct CommentPaneHold: Sendable, Equatable {
    /// The longest a fetch of an empty thread keeps the pane unchanged before it says "Fetching comments…":
    /// long enough for a nearby server to answer, short enough that a slow one is announced at once.
    public static let fetchMilliseconds = 250
    public var id: RequestID
    public var storyID: StoryID
    public init(id: RequestID, storyID: StoryID) { self.id = id; self.storyID = storyID }
}

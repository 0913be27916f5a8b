import Foundation
import TextSafety

/// One reader comment, placed in its thread: `depth` 0 is a reply to the story itself.
public struct Comment: Sendable, Equatable, Codable, Identifiable {
    public var id: CommentID
    public var storyID: StoryID
    /// The source's own id for the comment (HN item id, Lobsters short id, a feed entry id).
    public var remoteID: String
    public var parentRemoteID: String?
    /// Cleaned when the comment is made, so the pane draws it as it is.
    public var author: SafeLine?
    public var date: Date?
    /// The site's score or vote sum, when it has one (MercoPress: `+2`, `-1`).
    public var score: Int?
    /// Safe HTML fragment.
    public var body: String
    public var depth: Int
    /// Order within the whole thread, depth-first, as the source ranks it.
    public var position: Int
    public var isDeleted: Bool
    /// When the cache first stored this comment (kept across fetches of the thread), so the reader can mark
    /// the ones that arrived since the story was last opened. Nil for comments stored before it was kept.
    public var firstSeen: Date?

    public init(id: CommentID, storyID: StoryID, remoteID: String, parentRemoteID: String? = nil,
                author: String? = nil, date: Date? = nil, score: Int? = nil, body: String, depth: Int = 0,
                position: Int, isDeleted: Bool = false, firstSeen: Date? = nil) {
        self.id = id; self.storyID = storyID; self.remoteID = remoteID; self.parentRemoteID = parentRemoteID
        self.author = author.map { SafeLine($0) }; self.date = date; self.score = score; self.body = body
        self.depth = depth; self.position = position; self.isDeleted = isDeleted; self.firstSeen = firstSeen
    }
}

/// The one rule for "how many comments" that the list's `[N]`, the article header and the comment pane
/// all show: comments that were not deleted (a deleted one keeps its place in the thread but is not counted,
/// as Hacker News counts `descendants`).
public enum CommentCount {
    public static func of(_ comments: [Comment]) -> Int { comments.reduce(0) { $0 + ($1.isDeleted ? 0 : 1) } }
    public static func of(_ comments: [FetchedComment]) -> Int { comments.reduce(0) { $0 + ($1.isDeleted ? 0 : 1) } }
}

/// A story's stored thread with what the reader needs to judge it: when it was fetched, and when the
/// reader last opened it (to mark what is new since).
public struct CommentThread: Sendable, Equatable {
    public var storyID: StoryID
    public var comments: [Comment]
    /// When the thread was last fetched from its source; nil when it never was (or came with the story).
    public var fetchedAt: Date?
    /// When the reader opened this story's comments before this time; nil the first time.
    public var lastOpened: Date?

    public init(storyID: StoryID, comments: [Comment], fetchedAt: Date? = nil, lastOpened: Date? = nil) {
        self.storyID = storyID; self.comments = comments; self.fetchedAt = fetchedAt; self.lastOpened = lastOpened
    }
}

/// A comment as fetched from a source, before the cache gives it an id. Sources return these in thread order.
public struct FetchedComment: Sendable, Equatable, Codable {
    public var remoteID: String
    public var parentRemoteID: String?
    public var author: String?
    public var date: Date?
    public var score: Int?
    public var body: String
    public var depth: Int
    public var isDeleted: Bool

    public init(remoteID: String, parentRemoteID: String? = nil, author: String? = nil, date: Date? = nil,
                score: Int? = nil, body: String, depth: Int = 0, isDeleted: Bool = false) {
        self.remoteID = remoteID; self.parentRemoteID = parentRemoteID; self.author = author; self.date = date
        self.score = score; self.body = body; self.depth = depth; self.isDeleted = isDeleted
    }
}

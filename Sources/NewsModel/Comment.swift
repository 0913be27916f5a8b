import Foundation

/// One reader comment, placed in its thread: `depth` 0 is a reply to the story itself.
public struct Comment: Sendable, Equatable, Codable, Identifiable {
    public var id: CommentID
    public var storyID: StoryID
    /// The source's own id for the comment (HN item id, Lobsters short id, a feed entry id).
    public var remoteID: String
    public var parentRemoteID: String?
    public var author: String?
    public var date: Date?
    /// The site's score or vote sum, when it has one (MercoPress: `+2`, `-1`).
    public var score: Int?
    /// Safe HTML fragment.
    public var body: String
    public var depth: Int
    /// Order within the whole thread, depth-first, as the source ranks it.
    public var position: Int
    public var isDeleted: Bool

    public init(id: CommentID, storyID: StoryID, remoteID: String, parentRemoteID: String? = nil,
                author: String? = nil, date: Date? = nil, score: Int? = nil, body: String, depth: Int = 0,
                position: Int, isDeleted: Bool = false) {
        self.id = id; self.storyID = storyID; self.remoteID = remoteID; self.parentRemoteID = parentRemoteID
        self.author = author; self.date = date; self.score = score; self.body = body; self.depth = depth
        self.position = position; self.isDeleted = isDeleted
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

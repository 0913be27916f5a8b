import Foundation

/// One entry as Miniflux's REST API gives it (`GET /v1/entries`), reduced to what Gazette keeps. The
/// server's own ids stay as they are: they are what marks are sent back with.
public struct MinifluxEntry: Sendable, Equatable {
    public var id: Int64
    public var feedID: Int64
    /// The title of its feed, as the entry carries it.
    public var feedTitle: String
    public var title: String
    public var url: String
    /// Empty when the feed names no discussion page.
    public var commentsURL: String
    public var author: String
    /// The entry's HTML, as Miniflux sanitised it.
    public var content: String
    public var published: Date?
    /// When the entry last changed on the server: its status, its star, or its text.
    public var changed: Date?
    public var status: Status
    public var starred: Bool
    public var tags: [String]

    /// `unread`, `read`, or `removed` (the user deleted it: it is gone from every list).
    public enum Status: String, Sendable, Equatable {
        case unread, read, removed
    }

    public init(id: Int64, feedID: Int64, feedTitle: String = "", title: String, url: String, commentsURL: String = "", author: String = "",
                content: String = "", published: Date? = nil, changed: Date? = nil, status: Status = .unread,
                starred: Bool = false, tags: [String] = []) {
        self.id = id; self.feedID = feedID; self.feedTitle = feedTitle; self.title = title; self.url = url; self.commentsURL = commentsURL
        self.author = author; self.content = content; self.published = published; self.changed = changed
        self.status = status; self.starred = starred; self.tags = tags
    }
}

/// One page of `GET /v1/entries`: `total` counts every entry the filter matches, not just this page.
public struct MinifluxEntryPage: Sendable, Equatable {
    public var total: Int
    public var entries: [MinifluxEntry]
    public init(total: Int, entries: [MinifluxEntry]) { self.total = total; self.entries = entries }
}

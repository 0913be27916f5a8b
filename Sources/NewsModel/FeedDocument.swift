import Foundation

/// A feed as parsed from one document, before it is stored: what `gazette parse` prints and what a refresh
/// hands to the cache. Text fields are plain text, already sanitised; `summary`/`content` are safe HTML
/// fragments with absolute URLs.
public struct FeedDocument: Sendable, Equatable, Codable {
    public var format: FeedFormat?
    public var title: String?
    public var link: String?
    public var subtitle: String?
    public var id: String?
    public var author: String?
    public var updated: Date?
    public var published: Date?
    /// The character encoding the bytes were decoded with (`utf-8`, `windows-1252`, …).
    public var encoding: String?
    public var entries: [FeedEntry]

    public init(format: FeedFormat? = nil, title: String? = nil, link: String? = nil, subtitle: String? = nil,
                id: String? = nil, author: String? = nil, updated: Date? = nil, published: Date? = nil,
                encoding: String? = nil, entries: [FeedEntry] = []) {
        self.format = format; self.title = title; self.link = link; self.subtitle = subtitle; self.id = id
        self.author = author; self.updated = updated; self.published = published; self.encoding = encoding
        self.entries = entries
    }
}

/// One item of a feed (a story, or a comment in a comment feed).
public struct FeedEntry: Sendable, Equatable, Codable {
    /// The entry's own id (guid, atom:id, JSON id), if it has one.
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    /// The author's name only.
    public var author: String?
    public var summary: String?
    public var content: String?
    public var categories: [String]
    public var enclosures: [Enclosure]
    /// A web page with the comments (RSS `<comments>`).
    public var commentsURL: String?
    /// The number of comments the feed claims (`slash:comments`, `thr:count`); a hint, may be stale.
    public var commentCount: Int?
    /// A feed of the comments (`wfw:commentRss`, Atom `link rel="replies"`).
    public var repliesFeedURL: String?
    /// For entries of a comment feed: the ids this entry replies to (`thr:in-reply-to ref`).
    public var inReplyTo: [String]
    /// A thumbnail image (Media RSS), if any.
    public var thumbnailURL: String?

    public init(id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil,
                categories: [String] = [], enclosures: [Enclosure] = [], commentsURL: String? = nil,
                commentCount: Int? = nil, repliesFeedURL: String? = nil, inReplyTo: [String] = [],
                thumbnailURL: String? = nil) {
        self.id = id; self.title = title; self.link = link; self.published = published; self.updated = updated
        self.author = author; self.summary = summary; self.content = content; self.categories = categories
        self.enclosures = enclosures; self.commentsURL = commentsURL; self.commentCount = commentCount
        self.repliesFeedURL = repliesFeedURL; self.inReplyTo = inReplyTo; self.thumbnailURL = thumbnailURL
    }
}

/// A file attached to an entry (podcast audio, an image).
public struct Enclosure: Sendable, Equatable, Codable {
    public var url: String
    public var type: String?
    public var length: Int64?
    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url; self.type = type; self.length = length
    }
}

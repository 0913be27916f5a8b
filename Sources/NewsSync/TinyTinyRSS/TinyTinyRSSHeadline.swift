import Foundation

/// One article as Tiny Tiny RSS's JSON API gives it (`getHeadlines`), reduced to what Gazette keeps.
public struct TinyTinyRSSHeadline: Sendable, Equatable {
    /// The server's article id: ids only grow, which is what `since_id` relies on.
    public var id: Int64
    public var feedID: Int64
    /// The title of its feed, as the article carries it.
    public var feedTitle: String
    public var title: String
    public var link: String
    public var author: String
    /// The article's HTML; empty unless asked for with `show_content`.
    public var content: String
    /// When the article was last updated in its feed.
    public var updated: Date?
    public var unread: Bool
    /// Starred, in TT-RSS's words.
    public var marked: Bool
    public var commentsLink: String
    public var tags: [String]

    public init(id: Int64, feedID: Int64, feedTitle: String = "", title: String, link: String, author: String = "", content: String = "",
                updated: Date? = nil, unread: Bool = true, marked: Bool = false, commentsLink: String = "",
                tags: [String] = []) {
        self.id = id; self.feedID = feedID; self.feedTitle = feedTitle; self.title = title; self.link = link; self.author = author
        self.content = content; self.updated = updated; self.unread = unread; self.marked = marked
        self.commentsLink = commentsLink; self.tags = tags
    }
}

/// A real subscription on a Tiny Tiny RSS server (`getFeeds`); the virtual feeds (starred, fresh,
/// labels...) are left out when decoding.
public struct TinyTinyRSSFeed: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var feedURL: String
    public var categoryID: Int64
    /// Its unread articles on the server, when the answer says.
    public var unread: Int?
    public init(id: Int64, title: String, feedURL: String, categoryID: Int64 = 0, unread: Int? = nil) {
        self.id = id; self.title = title; self.feedURL = feedURL; self.categoryID = categoryID; self.unread = unread
    }
}

/// A category on a Tiny Tiny RSS server (`getCategories`); the special ones (ids 0 and below) are left out.
public struct TinyTinyRSSCategory: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public init(id: Int64, title: String) { self.id = id; self.title = title }
}

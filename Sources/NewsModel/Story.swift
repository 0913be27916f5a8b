import Foundation
import TextSafety

/// One row of the headline list: just what the list draws, so a page of them is cheap to load. Its texts
/// are cleaned once, when the row is made, and drawn as they are on every frame.
public struct Headline: Sendable, Equatable, Codable, Identifiable {
    public var id: StoryID
    public var feedID: FeedID
    public var feedTitle: SafeLine
    public var title: SafeLine
    /// The date the list sorts by: published, else updated, else first seen.
    public var date: Date
    public var commentCount: Int?
    public var isRead: Bool
    public var isStarred: Bool

    public init(id: StoryID, feedID: FeedID, feedTitle: SafeLine, title: SafeLine, date: Date,
                commentCount: Int? = nil, isRead: Bool = false, isStarred: Bool = false) {
        self.id = id; self.feedID = feedID; self.feedTitle = feedTitle; self.title = title; self.date = date
        self.commentCount = commentCount; self.isRead = isRead; self.isStarred = isStarred
    }
}

/// A whole stored story, as the article pane shows it.
///
/// Its one-line texts (title, feed title, author) are `SafeLine`s, cleaned when the story is made, so the
/// article header draws them as they are.
public struct Story: Sendable, Equatable, Codable, Identifiable {
    public var id: StoryID
    public var feedID: FeedID
    public var feedTitle: SafeLine
    public var title: SafeLine
    public var link: String?
    public var author: SafeLine?
    public var published: Date?
    public var updated: Date?
    public var firstSeen: Date
    /// Safe HTML fragments from the feed; `content` is the full text when the feed carries it.
    public var summary: String?
    public var content: String?
    /// Full text extracted from the story's web page, when fetched.
    public var extractedText: String?
    public var categories: [String]
    public var enclosures: [Enclosure]
    public var commentsURL: String?
    public var repliesFeedURL: String?
    public var commentCount: Int?
    public var isRead: Bool
    public var isStarred: Bool
    /// The address of the story's feed (what per-feed settings are keyed by).
    public var feedURL: String?
    /// Why no article could be extracted from the story's page (an HTTP error, not HTML, nothing found);
    /// set once, so the page is not fetched again on every open.
    public var extractionNote: String?

    public init(id: StoryID, feedID: FeedID, feedTitle: String, title: String, link: String? = nil,
                author: String? = nil, published: Date? = nil, updated: Date? = nil, firstSeen: Date,
                summary: String? = nil, content: String? = nil, extractedText: String? = nil,
                categories: [String] = [], enclosures: [Enclosure] = [], commentsURL: String? = nil,
                repliesFeedURL: String? = nil, commentCount: Int? = nil, isRead: Bool = false,
                isStarred: Bool = false, feedURL: String? = nil, extractionNote: String? = nil) {
        self.id = id; self.feedID = feedID; self.feedTitle = SafeLine(feedTitle); self.title = SafeLine(title)
        self.link = link; self.author = author.map { SafeLine($0) }; self.published = published; self.updated = updated
        self.firstSeen = firstSeen
        self.summary = summary; self.content = content; self.extractedText = extractedText
        self.categories = categories; self.enclosures = enclosures; self.commentsURL = commentsURL
        self.repliesFeedURL = repliesFeedURL; self.commentCount = commentCount; self.isRead = isRead
        self.isStarred = isStarred; self.feedURL = feedURL; self.extractionNote = extractionNote
    }

    /// The date shown and sorted by: published, else updated, else when Gazette first saw it.
    public var displayDate: Date { published ?? updated ?? firstSeen }

    /// The best body available: extracted full text, else the feed's content, else its summary.
    public var bodyHTML: String? { extractedText ?? content ?? summary }

    /// The feed's own text: its content, else its summary.
    public var feedHTML: String? { content ?? summary }
}

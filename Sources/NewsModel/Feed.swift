import Foundation

/// A subscription as the reader shows it: where it comes from, what it is called and how it is doing.
public struct Feed: Sendable, Equatable, Codable, Identifiable {
    public var id: FeedID
    /// The subscribed URL (or scheme URL such as `hackernews:top`).
    public var url: String
    public var kind: SourceKind
    public var title: String
    public var tags: [String]
    /// The site's home page, from the feed's own link.
    public var siteURL: String?
    /// The last refresh's failure, in words a reader understands; nil when the last refresh worked.
    public var lastError: String?
    public var lastFetched: Date?
    public var unreadCount: Int
    public var totalCount: Int
    /// The sync account the feed comes through (`[[sync]]` in config.toml); nil for the urls file's feeds.
    public var account: String?

    public init(id: FeedID, url: String, kind: SourceKind = .feed, title: String, tags: [String] = [],
                siteURL: String? = nil, lastError: String? = nil, lastFetched: Date? = nil,
                unreadCount: Int = 0, totalCount: Int = 0, account: String? = nil) {
        self.id = id; self.url = url; self.kind = kind; self.title = title; self.tags = tags
        self.siteURL = siteURL; self.lastError = lastError; self.lastFetched = lastFetched
        self.unreadCount = unreadCount; self.totalCount = totalCount; self.account = account
    }
}

/// A subscription on a Miniflux server (`GET /v1/feeds`), with the category it is filed under.
public struct MinifluxFeed: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var feedURL: String
    public var siteURL: String
    public var category: MinifluxCategory?

    public init(id: Int64, title: String, feedURL: String, siteURL: String = "", category: MinifluxCategory? = nil) {
        self.id = id; self.title = title; self.feedURL = feedURL; self.siteURL = siteURL; self.category = category
    }
}

/// A category on a Miniflux server (`GET /v1/categories`); Gazette shows it as a tag of its feeds.
public struct MinifluxCategory: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public init(id: Int64, title: String) { self.id = id; self.title = title }
}

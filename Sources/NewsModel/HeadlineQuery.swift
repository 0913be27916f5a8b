import Foundation

/// Which stories the headline pane lists. The cache answers it a page at a time.
public struct HeadlineQuery: Sendable, Equatable, Hashable, Codable {
    /// The set of stories before the unread filter.
    public enum Scope: Sendable, Equatable, Hashable, Codable {
        case all
        case feed(FeedID)
        case tag(String)
        /// The stories of every feed that comes through the sync account of this name.
        case account(String)
        case starred
        /// Full-text search over titles and bodies, ranked.
        case search(String)
    }

    public var scope: Scope
    public var unreadOnly: Bool

    public init(scope: Scope = .all, unreadOnly: Bool = false) {
        self.scope = scope; self.unreadOnly = unreadOnly
    }
}

/// A position in the newest-first headline order, for keyset paging: the page after a cursor starts just
/// below it, so any page costs the same however deep it is.
public struct HeadlineCursor: Sendable, Equatable, Hashable, Codable {
    public var date: Date
    public var id: StoryID
    public init(date: Date, id: StoryID) { self.date = date; self.id = id }
    public init(_ headline: Headline) { self.date = headline.date; self.id = headline.id }
}

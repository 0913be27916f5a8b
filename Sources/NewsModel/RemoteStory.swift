import Foundation

/// A story's read and starred state as the server has it.
public struct RemoteStoryState: Sendable, Equatable {
    /// The server's id for the story; stable and unique within the account.
    public var remoteID: String
    /// Nil when this answer does not say (the Google Reader API lists unread and starred ids apart).
    public var isRead: Bool?
    public var isStarred: Bool?
    /// When the server last changed this state, when it says (Miniflux's `changed_at`, TT-RSS's
    /// `last_marked`); nil when the protocol does not tell (Google Reader), and a local mark then wins.
    public var changedAt: Date?

    public init(remoteID: String, isRead: Bool?, isStarred: Bool?, changedAt: Date? = nil) {
        self.remoteID = remoteID; self.isRead = isRead; self.isStarred = isStarred; self.changedAt = changedAt
    }
}

/// A whole story from a server: what the cache stores, and its state.
public struct RemoteStory: Sendable, Equatable {
    public var state: RemoteStoryState
    /// The `RemoteSubscription.remoteID` of its feed.
    public var feedRemoteID: String
    /// The feed's title and address as the story carries them, for a feed not in the subscription list.
    public var feedTitle: String?
    public var feedURL: String?
    public var title: String
    public var link: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    /// The body as HTML, as the server sent it: the engine cleans it as it cleans feeds.
    public var contentHTML: String?
    public var categories: [String]

    public init(state: RemoteStoryState, feedRemoteID: String, feedTitle: String? = nil, feedURL: String? = nil,
                title: String, link: String? = nil, author: String? = nil, published: Date? = nil,
                updated: Date? = nil, contentHTML: String? = nil, categories: [String] = []) {
        self.state = state; self.feedRemoteID = feedRemoteID; self.feedTitle = feedTitle; self.feedURL = feedURL
        self.title = title; self.link = link; self.author = author; self.published = published
        self.updated = updated; self.contentHTML = contentHTML; self.categories = categories
    }

    public var remoteID: String { state.remoteID }
}

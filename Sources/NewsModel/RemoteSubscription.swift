/// A feed as an aggregator server lists it.
public struct RemoteSubscription: Sendable, Equatable {
    /// The server's id for the feed (`feed/12` in Google Reader, a number in Miniflux and TT-RSS).
    public var remoteID: String
    /// The feed's own address.
    public var feedURL: String
    public var title: String
    /// The site the feed belongs to, when the server knows it.
    public var siteURL: String?
    /// The server's labels, categories or folders: Gazette's tags.
    public var labels: [String]

    public init(remoteID: String, feedURL: String, title: String, siteURL: String? = nil, labels: [String] = []) {
        self.remoteID = remoteID; self.feedURL = feedURL; self.title = title; self.siteURL = siteURL
        self.labels = labels
    }
}

/// Where a subscription's news comes from. Feeds are detected from their content; the others are named by a
/// scheme in the `urls` file (`hackernews:top`, `lobsters:hottest`).
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// An RSS, Atom, RDF or JSON feed fetched over HTTP or read from disk.
    case feed
    /// Hacker News lists and comment trees.
    case hackerNews = "hackernews"
    /// Lobsters lists and comment trees.
    case lobsters
    /// A news site's own pages and comment section (e.g. MercoPress).
    case webPage = "page"
    /// The bundled sample edition shown by `gazette --demo` and on first start.
    case sample
    /// A feed read through an account on an aggregator server (`[[sync]]` in config.toml): the sync fetches
    /// it, never the refresher. Its url is `sync:ACCOUNT/ID` (the account's name and the server's feed id).
    case synced = "sync"
}

/// The syntax a feed document was written in, as detected from its content.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss090 = "rss090", rss091 = "rss091", rss092 = "rss092", rss093 = "rss093", rss094 = "rss094"
    case rss20 = "rss20", rss10 = "rss10", atom03 = "atom03", atom10 = "atom10"
    case json10 = "json10", json11 = "json11"
}

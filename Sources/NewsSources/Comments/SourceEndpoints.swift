import Foundation
import TextSafety

/// The base URLs of the services Gazette reads (config.toml `[sources.hackernews]`, `[sources.lobsters]`),
/// so tests can point them at a server on 127.0.0.1. Each ends with a slash.
public struct SourceEndpoints: Sendable, Equatable {
    /// The Hacker News Firebase API.
    public var hackerNewsAPI: String
    /// The Hacker News search API (Algolia).
    public var hackerNewsSearch: String
    /// The Lobsters site.
    public var lobsters: String

    public init(hackerNewsAPI: String = "https://hacker-news.firebaseio.com/v0/",
                hackerNewsSearch: String = "https://hn.algolia.com/api/v1/",
                lobsters: String = "https://lobste.rs/") {
        self.hackerNewsAPI = Self.withSlash(hackerNewsAPI)
        self.hackerNewsSearch = Self.withSlash(hackerNewsSearch)
        self.lobsters = Self.withSlash(lobsters)
    }

    /// The web page of a Hacker News item: the story's discussion, wherever the API is served from.
    public static func hackerNewsItemPage(_ id: Int) -> String { "https://news.ycombinator.com/item?id=\(id)" }

    /// The item id in a Hacker News discussion URL (`…/item?id=123`), if it is one.
    public static func hackerNewsItemID(in url: String?) -> Int? {
        // URLResolver's components, not URLComponents: reading `host` there decodes IDNA through ICU, which
        // paged 2 MB of ICU data into the reader to check the first story's comments link.
        guard let url else { return nil }
        let components = URLResolver.Components(url.trimmingCharacters(in: .whitespaces))
        guard components.scheme == "https" || components.scheme == "http",
              components.host == "news.ycombinator.com", components.path == "/item",
              let value = components.queryValue("id") else { return nil }
        return Int(value).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The host of `url` for messages, or the URL itself.
    static func host(of url: String) -> String { URLResolver.host(of: url) ?? url }

    private static func withSlash(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }
}


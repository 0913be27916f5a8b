import TextSafety
import Foundation
import NewsModel

/// Finds where a web page is discussed: Hacker News (Algolia search restricted to story URLs) and
/// Lobsters (its lookup of stories by URL). Each site's failure is reported without hiding the other's
/// discussions.
public struct DiscussionFinder: Sendable {
    public let endpoints: SourceEndpoints
    private let fetcher: FeedFetcher

    public init(endpoints: SourceEndpoints, policy: FetchPolicy) {
        self.endpoints = endpoints
        fetcher = FeedFetcher(policy: policy)
    }

    /// The discussions of `url`, most commented first, and a message for each site that could not be asked.
    public func discussions(of url: String) async -> (discussions: [Discussion], problems: [String]) {
        async let hackerNews = onHackerNews(url)
        async let lobsters = onLobsters(url)
        var found: [Discussion] = []
        var problems: [String] = []
        for result in [await hackerNews, await lobsters] {
            switch result {
            case .success(let discussions): found += discussions
            case .failure(let error): problems.append(error.description)
            }
        }
        found.sort { $0.commentCount > $1.commentCount }
        return (found, problems)
    }

    func onHackerNews(_ url: String) async -> Result<[Discussion], CommentSourceError> {
        let host = SourceEndpoints.host(of: endpoints.hackerNewsSearch)
        let query = "search?tags=story&restrictSearchableAttributes=url&hitsPerPage=50&query=" + Self.encode(url)
        do {
            let object = try await fetcher.json(endpoints.hackerNewsSearch + query, host: host)
            guard let hits = (object as? [String: Any])?["hits"] as? [Any] else {
                return .failure(.malformed(host: host, detail: "search answer without hits"))
            }
            let target = Self.comparable(url)
            return .success(hits.compactMap { $0 as? [String: Any] }.compactMap { hit in
                guard let id = JSONField.int(hit["objectID"]), let found = JSONField.string(hit["url"]),
                      Self.comparable(found) == target else { return nil }
                return Discussion(site: "Hacker News", title: Sanitizer.cleanLine(JSONField.string(hit["title"]) ?? ""),
                                  url: SourceEndpoints.hackerNewsItemPage(id),
                                  commentCount: JSONField.int(hit["num_comments"]) ?? 0,
                                  score: JSONField.int(hit["points"]),
                                  date: JSONField.int(hit["created_at_i"]).map { Date(timeIntervalSince1970: TimeInterval($0)) })
            })
        } catch {
            return .failure(error)
        }
    }

    func onLobsters(_ url: String) async -> Result<[Discussion], CommentSourceError> {
        let host = SourceEndpoints.host(of: endpoints.lobsters)
        do {
            let object = try await fetcher.json(endpoints.lobsters + "stories/url/all.json?url=" + Self.encode(url),
                                                host: host)
            guard let stories = object as? [Any] else {
                return .failure(.malformed(host: host, detail: "stories/url/all.json is not a list"))
            }
            return .success(stories.compactMap { $0 as? [String: Any] }.compactMap { story in
                guard let page = JSONField.string(story["comments_url"]) ?? JSONField.string(story["short_id_url"])
                else { return nil }
                return Discussion(site: "Lobsters", title: Sanitizer.cleanLine(JSONField.string(story["title"]) ?? ""),
                                  url: page, commentCount: JSONField.int(story["comment_count"]) ?? 0,
                                  score: JSONField.int(story["score"]),
                                  date: JSONField.string(story["created_at"]).flatMap(LobstersClient.date))
            })
        } catch {
            // Lobsters answers 404 when nobody submitted the URL.
            if case .unreachable(_, .http(404, _)) = error { return .success([]) }
            return .failure(error)
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A URL as the sites match it: without scheme, `www.`, fragment or a final slash, host lower-cased.
    static func comparable(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = String(text.dropFirst(scheme.count)) }
        if text.lowercased().hasPrefix("www.") { text = String(text.dropFirst(4)) }
        while text.hasSuffix("/") { text.removeLast() }
        let host = text.prefix { $0 != "/" }
        return host.lowercased() + text.dropFirst(host.count)
    }
}

import Foundation
import NewsModel

extension HackerNewsClient {
    /// The first `limit` stories of a list as a feed document, in the list's order (deleted and dead
    /// items left out).
    public func stories(_ list: SourceAddress.HackerNewsList, limit: Int = 30) async throws(CommentSourceError)
        -> FeedDocument {
        let object = try await listIDs(list)
        let ids = Array(JSONField.ints(object).prefix(limit))
        let found = await BoundedFetch.all(ids, window: concurrency) { id in try? await self.item(id) }
        if found.isEmpty, !ids.isEmpty {
            throw .unreachable(host: firebaseHost, .other("none of the \(ids.count) stories could be fetched"))
        }
        let entries = ids.compactMap { found[$0] }.filter { !$0.isDeleted && !$0.isDead }.map(\.entry)
        return FeedDocument(title: "Hacker News: \(list.rawValue)", link: "https://news.ycombinator.com/",
                            id: "hackernews:\(list.rawValue)", encoding: "utf-8", entries: entries)
    }

    private func listIDs(_ list: SourceAddress.HackerNewsList) async throws(CommentSourceError) -> Any {
        let object = try await firebaseJSON(list.endpoint)
        guard object is [Any] else { throw .malformed(host: firebaseHost, detail: "\(list.endpoint) is not a list") }
        return object
    }
}

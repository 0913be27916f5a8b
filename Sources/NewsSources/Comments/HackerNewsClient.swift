import Foundation
import NewsModel

/// Hacker News: story lists and items from the Firebase API, whole comment trees from the Algolia API.
///
/// A thread comes from Algolia in one request, then is put in Hacker News's ranked order: every reply list
/// is re-ordered by the Firebase `kids` of its parent, fetched (bounded) for the comments that have replies.
/// When Algolia fails, the thread is fetched item by item from Firebase, `concurrency` requests at a time.
public struct HackerNewsClient: CommentSource {
    public let endpoints: SourceEndpoints
    /// Requests in flight at once to the Firebase API.
    public let concurrency: Int
    /// The most items one thread may cost through Firebase (a guard against a runaway tree).
    public let maxItems: Int
    private let fetcher: FeedFetcher

    public init(endpoints: SourceEndpoints, policy: FetchPolicy, concurrency: Int = 8, maxItems: Int = 20_000) {
        self.endpoints = endpoints
        self.concurrency = max(1, concurrency)
        self.maxItems = maxItems
        var policy = policy
        policy.perHostLimit = self.concurrency
        policy.overallLimit = self.concurrency
        fetcher = FeedFetcher(policy: policy)
    }

    public var name: String { "news.ycombinator.com" }

    public func handles(_ target: CommentTarget) -> Bool {
        SourceEndpoints.hackerNewsItemID(in: target.commentsURL) != nil
    }

    public func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment] {
        guard let id = SourceEndpoints.hackerNewsItemID(in: target.commentsURL) else { throw .noSource }
        return try await thread(id)
    }

    /// The thread of item `id`: Algolia ranked by Firebase, else Firebase alone.
    public func thread(_ id: Int) async throws(CommentSourceError) -> [FetchedComment] {
        do {
            return try await algoliaThread(id)
        } catch {
            return try await firebaseThread(id)
        }
    }

    /// The thread from Algolia's tree, each reply list ranked by its parent's Firebase `kids`.
    func algoliaThread(_ id: Int) async throws(CommentSourceError) -> [FetchedComment] {
        let host = SourceEndpoints.host(of: endpoints.hackerNewsSearch)
        let object = try await fetcher.json(endpoints.hackerNewsSearch + "items/\(id)", host: host)
        guard let root = object as? [String: Any], let story = HackerNewsItem(algolia: root) else {
            throw .malformed(host: host, detail: "items/\(id) is not an item")
        }
        var items: [Int: HackerNewsItem] = [:]
        var children: [Int: [Int]] = [:]
        // Walk the nested tree with an explicit stack: no recursion however deep the thread.
        var stack: [[String: Any]] = [root]
        while let node = stack.popLast() {
            guard let item = HackerNewsItem(algolia: node) else { continue }
            items[item.id] = item
            let nested = (node["children"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
            children[item.id] = nested.compactMap { JSONField.int($0["id"]) }
            stack.append(contentsOf: nested)
        }
        // The story is asked for its kids even when Algolia lists no reply: its missing ones may be dead.
        let parents = children.filter { !$0.value.isEmpty || $0.key == story.id }.map(\.key)
        let ranked = await kids(of: parents)
        // Algolia leaves out dead comments (and lags behind new ones): those named in `kids` come from
        // Firebase, so a dead comment keeps its place, marked.
        let missing = ranked.values.flatMap { $0 }.filter { items[$0] == nil }
        let extra = await BoundedFetch.all(missing, window: concurrency) { id in try? await self.item(id) }
        items.merge(extra) { first, _ in first }
        var ordered: [Int: [Int]] = [:]
        for parent in Set(children.keys).union(ranked.keys) {
            let found = (children[parent] ?? []) + (ranked[parent] ?? []).filter { extra[$0] != nil }
            if !found.isEmpty { ordered[parent] = CommentOrdering.rank(found, by: ranked[parent]) }
        }
        return CommentOrdering.depthFirst(roots: ordered[story.id] ?? [], children: ordered).compactMap { entry in
            items[entry.key]?.comment(depth: entry.depth)
        }
    }

    /// The thread fetched item by item from Firebase, level by level, `concurrency` at a time (what
    /// `thread` falls back to; public for the benchmark).
    public func firebaseThread(_ id: Int) async throws(CommentSourceError) -> [FetchedComment] {
        let story = try await item(id)
        var items: [Int: HackerNewsItem] = [:]
        var frontier = story.kids
        var budget = maxItems
        while !frontier.isEmpty, budget > 0 {
            let level = Array(frontier.prefix(budget))
            budget -= level.count
            let found = await BoundedFetch.all(level, window: concurrency) { id in try? await self.item(id) }
            if found.isEmpty { throw .unreachable(host: firebaseHost, .other("no comment of item \(id) could be fetched")) }
            items.merge(found) { first, _ in first }
            frontier = level.flatMap { found[$0]?.kids ?? [] }
        }
        let children = items.mapValues(\.kids).merging([story.id: story.kids]) { first, _ in first }
        return CommentOrdering.depthFirst(roots: story.kids, children: children).compactMap { entry in
            items[entry.key]?.comment(depth: entry.depth)
        }
    }

    /// The Firebase `kids` of each of `ids` that could be fetched.
    private func kids(of ids: [Int]) async -> [Int: [Int]] {
        await BoundedFetch.all(ids, window: concurrency) { id in (try? await self.item(id))?.kids }
    }

    /// One Firebase item.
    func item(_ id: Int) async throws(CommentSourceError) -> HackerNewsItem {
        let object = try await firebaseJSON("item/\(id).json")
        guard let item = HackerNewsItem(firebase: object) else {
            throw .malformed(host: firebaseHost, detail: "item/\(id).json is not an item")
        }
        return item
    }

    /// The JSON of a Firebase document (`topstories.json`, `item/1.json`).
    func firebaseJSON(_ path: String) async throws(CommentSourceError) -> Any {
        try await fetcher.json(endpoints.hackerNewsAPI + path, host: firebaseHost)
    }

    var firebaseHost: String { SourceEndpoints.host(of: endpoints.hackerNewsAPI) }
}

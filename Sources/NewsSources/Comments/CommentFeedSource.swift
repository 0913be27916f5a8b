import Foundation
import NewsModel

/// Comment feeds (`wfw:commentRss`, Atom `link rel="replies"`), as WordPress and most blogs publish them:
/// threaded by `thr:in-reply-to` when the entries carry it, oldest first, and flat otherwise. WordPress's
/// RSS comment feed (`…/feed/`) does not thread but its Atom twin (`…/feed/atom/`) does, so that one is
/// tried when the RSS one comes flat.
public struct CommentFeedSource: CommentSource {
    private let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher) { self.fetcher = fetcher }

    public var name: String { "comment feed" }

    public func handles(_ target: CommentTarget) -> Bool { target.repliesFeedURL != nil }

    public func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment] {
        guard let url = target.repliesFeedURL else { throw .noSource }
        let document = try await parse(url)
        if !Self.isThreaded(document), url.hasSuffix("/feed/") || url.hasSuffix("/feed"),
           let atom = try? await parse(url.hasSuffix("/") ? url + "atom/" : url + "/atom/"), Self.isThreaded(atom) {
            return Self.thread(atom)
        }
        return Self.thread(document)
    }

    private func parse(_ url: String) async throws(CommentSourceError) -> FeedDocument {
        let host = SourceEndpoints.host(of: url)
        let result: FetchResult
        do { result = try await fetcher.fetch(url) } catch { throw .unreachable(host: host, error) }
        guard case .fetched(let body) = result else { throw .malformed(host: host, detail: "304 without validators") }
        do {
            return try FeedParser.parse(data: body.data, url: body.finalURL, contentType: body.contentType,
                                        fetchedAt: Date()).feed
        } catch {
            throw .malformed(host: host, detail: "\(error)")
        }
    }

    /// Whether some entry replies to another entry of the same feed.
    static func isThreaded(_ document: FeedDocument) -> Bool {
        let ids = Set(document.entries.compactMap(\.id))
        return document.entries.contains { $0.inReplyTo.contains(where: ids.contains) }
    }

    /// The entries as a thread: a reply under the entry it answers, top-level comments (replies to the post
    /// itself, or with no threading at all) at depth 0, and each level oldest first.
    static func thread(_ document: FeedDocument) -> [FetchedComment] {
        let entries = document.entries.enumerated().map { index, entry in
            (key: entry.id ?? entry.link ?? "#\(index)", entry: entry, index: index)
        }
        let keys = Set(entries.map(\.key))
        let byKey = Dictionary(entries.map { ($0.key, $0) }) { first, _ in first }
        // Feeds list newest first; a thread reads oldest first (undated entries keep the feed's order, reversed).
        let chronological = entries.sorted { a, b in
            switch (a.entry.published ?? a.entry.updated, b.entry.published ?? b.entry.updated) {
            case let (x?, y?) where x != y: x < y
            default: a.index > b.index
            }
        }
        var roots: [String] = []
        var children: [String: [String]] = [:]
        var parents: [String: String] = [:]
        for item in chronological {
            if let parent = item.entry.inReplyTo.first(where: { keys.contains($0) && $0 != item.key }) {
                children[parent, default: []].append(item.key)
                parents[item.key] = parent
            } else {
                roots.append(item.key)
            }
        }
        return CommentOrdering.depthFirst(roots: roots, children: children).compactMap { node in
            guard let entry = byKey[node.key]?.entry else { return nil }
            return FetchedComment(remoteID: node.key, parentRemoteID: parents[node.key], author: entry.author,
                                  date: entry.published ?? entry.updated, body: entry.content ?? entry.summary ?? "",
                                  depth: node.depth)
        }
    }
}

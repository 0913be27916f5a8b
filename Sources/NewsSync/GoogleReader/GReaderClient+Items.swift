import Foundation
import NewsModel
import NewsSources

extension GReaderClient {
    /// The phases of a sync's changes, in order; the cursor is `phase` or `phase:continuation`.
    enum Phase: String {
        case unread, starred, recent
    }

    public func changes(since point: SyncPoint?, cursor: String?) async throws(SyncError) -> RemoteChangePage {
        let (phase, continuation) = Self.parse(cursor)
        var query: [(String, String)] = [("output", "json"), ("n", String(idsPageSize))]
        switch phase {
        case .unread: query += [("s", GReaderIDs.readingList), ("xt", GReaderIDs.read)]
        case .starred: query += [("s", GReaderIDs.starred)]
        case .recent:
            let since = point.flatMap { Int64($0.value) }
                ?? Int64(Date().timeIntervalSince1970 - Self.firstSyncWindow)
            query += [("s", GReaderIDs.readingList), ("ot", String(since))]
        }
        if let continuation { query.append(("c", continuation)) }
        let started = Date()
        let response = try await get("reader/api/0/stream/items/ids", query)
        let ids = try SyncHTTP.decode(GReaderItemIDs.self, from: response)
        let states: [RemoteStoryState] = (ids.itemRefs ?? []).map { ref in
            let id = GReaderIDs.shortForm(ref.id)
            return switch phase {
            case .unread: RemoteStoryState(remoteID: id, isRead: false, isStarred: nil)
            case .starred: RemoteStoryState(remoteID: id, isRead: nil, isStarred: true)
            case .recent: RemoteStoryState(remoteID: id, isRead: nil, isStarred: nil)
            }
        }
        var page = RemoteChangePage(states: states, listsAllUnreadAndStarred: true)
        if let next = ids.continuation, !next.isEmpty, !(ids.itemRefs ?? []).isEmpty {
            page.next = "\(phase.rawValue):\(next)"
        } else {
            switch phase {
            case .unread: page.next = Phase.starred.rawValue
            case .starred: page.next = Phase.recent.rawValue
            case .recent:
                // Items crawled while this sync ran are asked for again next time: a margin, not a gap.
                page.syncPoint = SyncPoint(String(Int64(started.timeIntervalSince1970) - 60))
            }
        }
        return page
    }

    private static func parse(_ cursor: String?) -> (Phase, String?) {
        guard let cursor else { return (.unread, nil) }
        let parts = cursor.split(separator: ":", maxSplits: 1).map(String.init)
        return (Phase(rawValue: parts.first ?? "") ?? .unread, parts.count > 1 ? parts[1] : nil)
    }

    /// Nonisolated: the request takes the session on the actor, but the answer is decoded on the caller's
    /// task, so the batches in flight decode at once instead of one after another on the actor.
    public nonisolated func contents(_ ids: [String]) async throws(SyncError) -> [RemoteStory] {
        guard !ids.isEmpty else { return [] }
        let response: HTTPResponse
        do {
            response = try await post("reader/api/0/stream/items/contents", [("output", "json")],
                                      form: ids.map { ("i", GReaderIDs.longForm($0)) })
        } catch .unreachable(.tooLarge(let limit)) {
            // A batch over the size limit is asked for in halves; one item over it is the limit's message.
            guard ids.count > 1 else { throw .unreachable(.tooLarge(limit: limit)) }
            let half = ids.count / 2
            return try await contents(Array(ids[..<half])) + contents(Array(ids[half...]))
        }
        let stream = try SyncHTTP.decode(GReaderStream.self, from: response)
        return stream.items.map(\.story)
    }
}

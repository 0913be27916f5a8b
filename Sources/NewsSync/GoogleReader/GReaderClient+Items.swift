import Foundation
import NewsModel
import NewsSources

extension GReaderClient {
    /// The phases of a sync's changes, in order; the cursor is `phase` or `phase:continuation`.
    enum Phase: String {
        case unread, starred, recent
    }

    /// One `stream/items/ids` answer and when it was asked for.
    struct IDAnswer: Sendable {
        var ids: GReaderItemIDs
        var started: Date
    }

    /// The first call (no cursor) also asks for the first page of the starred and recent lists, which the
    /// later calls then take instead of asking: the three lists are independent, and asking for one after
    /// another cost a round trip and the server's time each (most of an unchanged sync). Continuation
    /// pages are asked for when their cursor comes.
    public func changes(since point: SyncPoint?, cursor: String?) async throws(SyncError) -> RemoteChangePage {
        let (phase, continuation) = Self.parse(cursor)
        if cursor == nil {
            for pending in prefetched.values { pending.cancel() }
            prefetched = [:]
            for later in [Phase.starred, .recent] {
                prefetched[later.rawValue] = Task { () async -> Result<IDAnswer, SyncError> in
                    do throws(SyncError) {
                        return .success(try await self.itemIDs(later, since: point, continuation: nil))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        let answer: IDAnswer
        if continuation == nil, let pending = prefetched.removeValue(forKey: phase.rawValue) {
            answer = try await pending.value.get()
        } else {
            answer = try await itemIDs(phase, since: point, continuation: continuation)
        }
        let ids = answer.ids
        let states: [RemoteStoryState] = ids.ids.map { ref in
            let id = GReaderIDs.shortForm(ref)
            return switch phase {
            case .unread: RemoteStoryState(remoteID: id, isRead: false, isStarred: nil)
            case .starred: RemoteStoryState(remoteID: id, isRead: nil, isStarred: true)
            case .recent: RemoteStoryState(remoteID: id, isRead: nil, isStarred: nil)
            }
        }
        var page = RemoteChangePage(states: states, listsAllUnreadAndStarred: true)
        if let next = ids.continuation, !next.isEmpty, !ids.ids.isEmpty {
            page.next = "\(phase.rawValue):\(next)"
        } else {
            switch phase {
            case .unread: page.next = Phase.starred.rawValue
            case .starred: page.next = Phase.recent.rawValue
            case .recent:
                // Items crawled while this sync ran are asked for again next time: a margin, not a gap.
                page.syncPoint = SyncPoint(String(Int64(answer.started.timeIntervalSince1970) - 60))
            }
        }
        return page
    }

    /// One page of a phase's ids.
    func itemIDs(_ phase: Phase, since point: SyncPoint?, continuation: String?) async throws(SyncError) -> IDAnswer {
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
        return IDAnswer(ids: try SyncHTTP.read(response, GReaderItemIDs.read), started: started)
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
        return try SyncHTTP.read(response, GReaderStream.read)
    }
}

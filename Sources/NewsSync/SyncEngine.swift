import Foundation
import NewsCache
import NewsModel
import NewsSources

/// How far a sync has got, for a progress bar.
public struct SyncProgress: Sendable, Equatable {
    public var account: String
    /// Stories whose contents were fetched so far, of `total` to fetch.
    public var done: Int
    public var total: Int
}

/// What one account's sync did.
public struct SyncReport: Sendable, Equatable {
    public var account: String
    public var newStories = 0
    /// Stories whose read or starred flag the server changed.
    public var changedStates = 0
    public var marksSent = 0
    /// Local marks dropped because the server changed the story later.
    public var marksOverruled = 0
    /// Why the sync failed; nil when it worked.
    public var error: String?
    /// The failure was the server's absence (network, 429, 5xx): "could not be reached".
    public var unreachable = false

    public init(account: String) { self.account = account }
}

/// Syncs one account: the server's subscriptions, stories and states come down, local marks go up.
///
/// Nothing is lost on any failure: marks leave the queue only once the server took them, and the sync
/// point moves only when everything else is done. Conflicts: a queued local mark and the server's state
/// of the same flag — the newer change wins, by the mark's time and the server's `changedAt`; a server
/// that does not date its changes (Google Reader) loses to any mark not yet sent, which is newer than the
/// state the cache last had from it.
public struct SyncEngine: Sendable {
    public let cache: NewsCache
    /// Pages of changes a sync takes at most: a server whose cursor never ends is stopped.
    static let maxPages = 10_000

    public init(cache: NewsCache) { self.cache = cache }

    /// Syncs `account` through `service`. Never throws: failures are in the report, and in the cache for
    /// the reader's status bar.
    public func sync(_ account: SyncAccount, service: any SyncService, now: Date = Date(),
                     progress: @Sendable (SyncProgress) -> Void = { _ in }) async -> SyncReport {
        var report = SyncReport(account: account.name)
        let record: SyncAccountRecord
        do {
            record = try cache.syncAccount(name: account.name, kind: account.kind.rawValue, url: account.url)
        } catch {
            report.error = "\(error)"
            return report
        }
        if let waitUntil = record.retryAfter, waitUntil > now {
            report.error = "the server asked not to be called again before \(waitUntil.formatted(.iso8601))"
            report.unreachable = true
            return report
        }
        do {
            try await run(account, record: record, service: service, now: now, progress: progress, report: &report)
        } catch let error as SyncError {
            report.error = error.message
            report.unreachable = error.isUnreachable
            var retryAfter: Date?
            if case .http(_, let date) = error { retryAfter = date }
            try? cache.recordSync(account: record.id, point: nil, error: error.message, problem: error.problem,
                                  retryAfter: retryAfter, at: now)
        } catch {
            report.error = "\(error)"
            try? cache.recordSync(account: record.id, point: nil, error: "\(error)", retryAfter: nil, at: now)
        }
        return report
    }

    private func run(_ account: SyncAccount, record: SyncAccountRecord, service: any SyncService, now: Date,
                     progress: @Sendable (SyncProgress) -> Void, report: inout SyncReport) async throws {
        try await service.logIn()
        let subscriptions = try await service.subscriptions()
        var feeds = try cache.applySubscriptions(subscriptions, account: record.id, accountName: account.name)
        await service.useLocalState(LocalSyncState(unreadByFeed: try cache.syncedUnreadCounts(account: record.id)))

        // Everything that changed, page by page; a later page's flag overrides an earlier one's nil.
        var states: [String: RemoteStoryState] = [:]
        var stories: [String: RemoteStory] = [:]
        var complete = false
        var unreadFeeds: Set<String>?
        var point: SyncPoint?
        var cursor: String?
        var seen = Set<String>()
        for _ in 0..<Self.maxPages {
            let page = try await service.changes(since: record.syncPoint.map(SyncPoint.init), cursor: cursor)
            for story in page.stories { stories[story.remoteID] = story }
            for state in page.states { Self.merge(state, into: &states) }
            if page.listsAllUnreadAndStarred {
                complete = true
                unreadFeeds = page.unreadListedFeeds
            }
            if let next = page.syncPoint { point = next }
            guard let next = page.next else { cursor = nil; break }
            guard seen.insert(next).inserted else { throw SyncError.malformed("the server repeated a continuation") }
            cursor = next
        }
        if cursor != nil { throw SyncError.malformed("more than \(Self.maxPages) pages of changes") }

        // Queued marks against the server's states: the newer change of each flag wins.
        let known = try cache.syncedStoryIDs(account: record.id)
        let queued = try cache.queuedMarks(account: record.id)
        let decision = Self.judge(queued, states: states, stories: stories)
        report.marksOverruled = decision.overruled.count
        let context = StoreContext(account: record.id, accountName: account.name, states: states, known: known,
                                   complete: complete, keepRead: decision.keepRead, keepStarred: decision.keepStarred)

        // Whole stories from the pages, then the contents the cache lacks, each batch stored as it arrives.
        // Stories retention removed come back only when the server lists them unread or starred and no
        // local read mark waiting to go up says otherwise; the others are neither fetched nor stored.
        let readHere = Set(decision.send.lazy.filter { $0.mark.action == .read }.map(\.mark.remoteID))
        let purged = try cache.purgedStoryIDs(account: record.id)
        func wanted(_ id: String, isRead: Bool?, isStarred: Bool?) -> Bool {
            if known.contains(id) { return true }
            if readHere.contains(id) { return false }
            return !purged.contains(id) || isRead == false || isStarred == true
        }
        let missing = states.keys.filter { id in
            stories[id] == nil && !known.contains(id)
                && wanted(id, isRead: states[id]?.isRead, isStarred: states[id]?.isStarred)
        }.sorted()
        let whole = stories.values.map(context.synced).filter {
            wanted($0.entry.id ?? "", isRead: $0.isRead, isStarred: $0.isStarred)
        }
        if !whole.isEmpty {
            let prepared = try cache.prepareSynced(whole, account: record.id, feeds: feeds)
            report.newStories += try store(prepared, context, now: now, feeds: &feeds)
        }
        progress(SyncProgress(account: account.name, done: 0, total: missing.count))
        try await fetchAndStore(missing, from: service, context, now: now, feeds: &feeds, report: &report,
                                progress: progress)

        // Local marks up, in batches; each batch leaves the queue once the server took it.
        let winners = decision.send
        for start in stride(from: 0, to: winners.count, by: max(1, service.markBatchSize)) {
            let batch = Array(winners[start..<min(winners.count, start + max(1, service.markBatchSize))])
            try await service.send(batch.map(\.mark))
            try cache.removeQueuedMarks(batch.flatMap(\.rows))
            report.marksSent += batch.count
        }
        try cache.removeQueuedMarks(decision.overruled)

        report.changedStates = try cache.applyRemoteStates(
            Array(states.values), account: record.id, unreadAndStarredComplete: complete, unreadFeeds: unreadFeeds,
            keepRead: decision.keepRead, keepStarred: decision.keepStarred)
        try cache.recordSync(account: record.id, point: point?.value, error: nil, retryAfter: nil, at: now)
    }

    /// Batches of contents asked for at once: the server's answer time overlaps the next request's.
    static let contentWindow = 4

    /// What storing the server's stories needs to know: which flags to take from where.
    struct StoreContext: Sendable {
        var account: Int64
        var accountName: String
        /// The server's listed states, joined over all pages.
        var states: [String: RemoteStoryState]
        /// Remote ids stored before this sync.
        var known: Set<String>
        /// The listed states name every unread and every starred story.
        var complete: Bool
        /// Flags whose queued local mark wins: left as stored.
        var keepRead: Set<String>
        var keepStarred: Set<String>

        /// `story` as the cache stores it, with the flags to store: the story's own, overridden by what the
        /// lists say; for a story new to the cache and complete lists, what is not listed is read and not
        /// starred; a flag whose local mark wins is left alone.
        func synced(_ story: RemoteStory) -> SyncedStory {
            var state = story.state
            if let listed = states[story.remoteID] {
                state.isRead = listed.isRead ?? state.isRead
                state.isStarred = listed.isStarred ?? state.isStarred
            }
            if complete && !known.contains(story.remoteID) {
                state.isRead = state.isRead ?? true
                state.isStarred = state.isStarred ?? false
            }
            if keepRead.contains(story.remoteID) { state.isRead = nil }
            if keepStarred.contains(story.remoteID) { state.isStarred = nil }
            return SyncedStory(entry: SyncEngine.entry(story), feedRemoteID: story.feedRemoteID,
                               feedTitle: story.feedTitle, isRead: state.isRead, isStarred: state.isStarred)
        }
    }

    /// Writes prepared stories; feeds made for them join `feeds`. Returns how many were new.
    private func store(_ prepared: PreparedSyncedStories, _ context: StoreContext, now: Date,
                       feeds: inout [String: FeedID]) throws -> Int {
        let summary = try cache.storeSynced(prepared, account: context.account, accountName: context.accountName,
                                            fetchedAt: now)
        feeds.merge(summary.newFeeds) { old, _ in old }
        return summary.inserted
    }

    /// Fetches the contents of `ids`, `contentBatchSize` per request and `contentWindow` requests in flight,
    /// and stores each batch as it arrives. Decoding, cleaning and preparing a batch run on the task that
    /// fetched it, so they overlap the other requests and the writer, which stores one batch per transaction.
    private func fetchAndStore(_ ids: [String], from service: any SyncService, _ context: StoreContext, now: Date,
                               feeds: inout [String: FeedID], report: inout SyncReport,
                               progress: @Sendable (SyncProgress) -> Void) async throws {
        let size = max(1, service.contentBatchSize)
        let batches = stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min(ids.count, $0 + size)]) }
        guard !batches.isEmpty else { return }
        let cache = self.cache
        var done = 0
        try await withThrowingTaskGroup(of: (Int, PreparedSyncedStories).self) { group in
            var next = 0
            func start(_ known: [String: FeedID]) {
                let batch = batches[next]
                group.addTask {
                    let stories = try await service.contents(batch)
                    return (batch.count, try cache.prepareSynced(stories.map(context.synced), account: context.account,
                                                                  feeds: known))
                }
                next += 1
            }
            while next < min(Self.contentWindow, batches.count) { start(feeds) }
            while let (count, prepared) = try await group.next() {
                if next < batches.count { start(feeds) }
                report.newStories += try store(prepared, context, now: now, feeds: &feeds)
                done += count
                progress(SyncProgress(account: context.accountName, done: done, total: ids.count))
            }
        }
    }

    /// Joins what two pages say of one story.
    static func merge(_ state: RemoteStoryState, into states: inout [String: RemoteStoryState]) {
        guard var old = states[state.remoteID] else { states[state.remoteID] = state; return }
        old.isRead = state.isRead ?? old.isRead
        old.isStarred = state.isStarred ?? old.isStarred
        if let changed = state.changedAt { old.changedAt = max(old.changedAt ?? changed, changed) }
        states[state.remoteID] = old
    }

    /// The queue judged against the server: marks to send (the newest per story and flag, with every row
    /// it replaces), rows overruled by a newer server change, and the flags whose local value wins.
    struct Decision {
        struct Outgoing { var mark: RemoteMark; var rows: [Int64] }
        var send: [Outgoing] = []
        var overruled: [Int64] = []
        var keepRead = Set<String>()
        var keepStarred = Set<String>()
    }

    static func judge(_ queued: [QueuedMark], states: [String: RemoteStoryState],
                      stories: [String: RemoteStory]) -> Decision {
        var newest: [String: QueuedMark] = [:]
        var rows: [String: [Int64]] = [:]
        for item in queued {
            let isReadFlag = item.mark.action == .read || item.mark.action == .unread
            let key = (isReadFlag ? "r:" : "s:") + item.mark.remoteID
            rows[key, default: []].append(item.row)
            if let current = newest[key], current.mark.markedAt > item.mark.markedAt { continue }
            newest[key] = item
        }
        var decision = Decision()
        for (key, item) in newest.sorted(by: { $0.value.row < $1.value.row }) {
            let id = item.mark.remoteID
            let isReadFlag = key.hasPrefix("r:")
            let server = states[id] ?? stories[id]?.state
            let serverValue = isReadFlag ? server?.isRead : server?.isStarred
            let markValue = item.mark.action == .read || item.mark.action == .star
            if let changed = server?.changedAt, changed > item.mark.markedAt, let serverValue, serverValue != markValue {
                decision.overruled += rows[key] ?? []
                continue
            }
            decision.send.append(Decision.Outgoing(mark: item.mark, rows: rows[key] ?? []))
            if isReadFlag { decision.keepRead.insert(id) } else { decision.keepStarred.insert(id) }
        }
        return decision
    }

    /// A server's story as a feed entry, its HTML cleaned as a feed's is.
    static func entry(_ story: RemoteStory) -> FeedEntry {
        var entry = FeedEntry(id: story.remoteID, title: story.title, link: story.link, published: story.published,
                              updated: story.updated)
        entry.author = story.author
        entry.content = story.contentHTML.map { FeedHTMLSanitizer.sanitize(html: $0, baseURL: story.link) }
        entry.categories = story.categories
        return entry
    }
}

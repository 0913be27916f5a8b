import Foundation
import NewsModel

/// Paging through a Tiny Tiny RSS server's changes: new articles, then the unread and starred lists.
extension TinyTinyRSSClient {
    /// The phases of a sync, in order: `recent` (the first sync) or `new` (later ones), then `unread` and
    /// `starred`.
    enum Phase: String {
        case recent, new, unread, starred
    }

    /// On a first sync, read articles older than this are not fetched (unread and starred ones always are).
    static let firstSyncWindow: TimeInterval = 30 * 86_400
    /// Every unread article is listed at least this often, whatever the counts say (see `listing(after:)`).
    static let fullListingInterval: Int64 = 86_400
    /// Times one list is read again from its start when it moved under the paging.
    static let maxRestarts = 3

    /// Where paging stands, as text: `phase skip newest restarts tail feeds index listedAt`. `tail`: the
    /// previous page's last ids (comma-separated, `-` for none) that the next page must repeat; `feeds`: the
    /// feeds whose unread articles are listed one by one (`*`: all at once), `index` the one being listed;
    /// `listedAt`: when every unread article was last listed (Unix seconds).
    struct Cursor: Equatable {
        var phase: Phase
        var skip = 0
        var newest: Int64
        var restarts = 0
        var tail: [Int64] = []
        var feeds: [Int64]?
        var index = 0
        var listedAt: Int64

        init(phase: Phase, newest: Int64, listedAt: Int64) {
            self.phase = phase; self.newest = newest; self.listedAt = listedAt
        }

        init?(_ text: String?) {
            let parts = text?.split(separator: " ").map(String.init) ?? []
            guard parts.count == 8, let phase = Phase(rawValue: parts[0]), let skip = Int(parts[1]),
                  let newest = Int64(parts[2]), let restarts = Int(parts[3]), let index = Int(parts[6]),
                  let listedAt = Int64(parts[7]) else { return nil }
            self.phase = phase; self.skip = skip; self.newest = newest; self.restarts = restarts
            self.index = index; self.listedAt = listedAt
            tail = Self.ids(parts[4])
            feeds = parts[5] == "*" ? nil : Self.ids(parts[5])
        }

        private static func ids(_ text: String) -> [Int64] {
            text == "-" ? [] : text.split(separator: ",").compactMap { Int64($0) }
        }

        private static func text(_ ids: [Int64]) -> String {
            ids.isEmpty ? "-" : ids.map(String.init).joined(separator: ",")
        }

        var text: String {
            "\(phase.rawValue) \(skip) \(newest) \(restarts) \(Self.text(tail)) \(feeds.map(Self.text) ?? "*") \(index) \(listedAt)"
        }

        /// The start of `phase` (the same feeds to list).
        func next(_ phase: Phase) -> Cursor {
            var next = Cursor(phase: phase, newest: newest, listedAt: listedAt)
            next.feeds = feeds
            return next
        }

        /// The feed whose unread articles are listed now: -4 (all of them) or one feed.
        var unreadFeed: Int64 { feeds.map { index < $0.count ? $0[index] : -4 } ?? -4 }
    }

    /// Ids a page repeats of the one before it. `getHeadlines` pages by `skip`, so an article that leaves
    /// the unread list while it is read (a mark made elsewhere) moves every later article one place up and
    /// one would fall between two pages: the repeated ids show that the pages still meet, and when they do
    /// not, the list is read again from its start.
    var overlap: Int { pageSize > 1 ? max(1, min(10, pageSize / 4)) : 0 }

    public func useLocalState(_ state: LocalSyncState) async { local = state }

    public func changes(since point: SyncPoint?, cursor text: String?) async throws(SyncError) -> RemoteChangePage {
        let parts = point?.value.split(separator: " ").compactMap { Int64($0) } ?? []
        if text == nil { newUnread = [:] }
        var cursor = Cursor(text) ?? Cursor(phase: parts.isEmpty ? .recent : .new, newest: parts.first ?? 0,
                                            listedAt: parts.count > 1 ? parts[1] : 0)
        var parameters: [String: any Sendable] = [
            "feed_id": cursor.phase == .starred ? -1 : cursor.phase == .unread ? cursor.unreadFeed : -4,
            "view_mode": cursor.phase == .unread ? "unread" : "all_articles",
            "limit": pageSize, "skip": cursor.skip, "show_excerpt": false, "include_attachments": false, "is_cat": false,
            "show_content": cursor.phase == .recent || cursor.phase == .new,
            // Oldest first after the last article seen; newest first within the first sync's window.
            "order_by": cursor.phase == .recent ? "feed_dates" : "date_reverse",
        ]
        if cursor.phase == .new { parameters["since_id"] = cursor.newest }
        let items = try await call("getHeadlines", parameters, TinyTinyRSSCodec.headlines)
        var page = RemoteChangePage()
        let full = items.count == pageSize
        switch cursor.phase {
        case .recent:
            let cutoff = Date().addingTimeInterval(-Self.firstSyncWindow)
            let inWindow = items.filter { ($0.updated ?? .distantFuture) >= cutoff }
            page.stories = inWindow.map(Self.story)
            cursor.newest = items.reduce(cursor.newest) { max($0, $1.id) }
            if !full && inWindow.count == items.count {
                // The server keeps no older article: every one came with its marks, a listing of them all.
                page.syncPoint = SyncPoint("\(cursor.newest) \(Int64(Date().timeIntervalSince1970))")
            } else {
                page.next = (full && inWindow.count == items.count ? advance(cursor, items) : listing(after: cursor)).text
            }
        case .new:
            page.stories = items.map(Self.story)
            for item in items where item.unread { newUnread[String(item.feedID), default: 0] += 1 }
            cursor.newest = items.reduce(cursor.newest) { max($0, $1.id) }
            page.next = (full ? advance(cursor, items) : listing(after: cursor)).text
        case .unread, .starred:
            page.states = items.map(Self.state)
            if !cursor.tail.isEmpty, !items.contains(where: { cursor.tail.contains($0.id) }) {
                guard cursor.restarts < Self.maxRestarts else {
                    throw .malformed("the \(cursor.phase.rawValue) list kept changing while it was read; sync again")
                }
                var again = cursor
                again.skip = 0
                again.tail = []
                again.restarts += 1
                page.next = again.text
            } else if full {
                page.next = advance(cursor, items).text
            } else if cursor.phase == .unread, let feeds = cursor.feeds, cursor.index + 1 < feeds.count {
                var next = cursor.next(.unread)
                next.index = cursor.index + 1
                page.next = next.text
            } else if cursor.phase == .unread {
                page.next = cursor.next(.starred).text
            } else {
                // Every unread article (of the feeds whose counts moved) and every starred one was listed:
                // what is not listed is read, or not starred.
                page.listsAllUnreadAndStarred = true
                page.unreadListedFeeds = cursor.feeds.map { Set($0.map(String.init)) }
                page.syncPoint = SyncPoint("\(cursor.newest) \(cursor.listedAt)")
            }
        }
        return page
    }

    /// The cursor of the page after `items`; in the id lists it repeats their last `overlap` articles.
    func advance(_ cursor: Cursor, _ items: [TinyTinyRSSHeadline]) -> Cursor {
        // Only the id lists can lose an article under the paging; the article lists only gain some.
        let repeated = cursor.phase == .unread || cursor.phase == .starred ? overlap : 0
        var next = cursor
        next.skip = cursor.skip + items.count - repeated
        next.tail = items.suffix(repeated).map(\.id)
        return next
    }

    /// The unread listing after the new articles. TT-RSS dates no mark, so only a listing tells of marks
    /// made elsewhere; but a feed whose unread count on the server (`getFeeds`) is what the cache holds
    /// plus the new unread articles has no read mark to tell of unless another article of it was also
    /// marked unread elsewhere since. So only feeds whose counts moved are listed, each on its own, and
    /// every unread article is listed on the first sync, when the counts are unknown, when that would take
    /// fewer requests, and at least once a day, which catches such a swap.
    func listing(after cursor: Cursor) -> Cursor {
        var next = cursor.next(.unread)
        let now = Int64(Date().timeIntervalSince1970)
        next.feeds = nil
        guard cursor.phase == .new, let local, !serverUnread.isEmpty, now - cursor.listedAt < Self.fullListingInterval
        else {
            next.listedAt = now
            return next
        }
        let moved = serverUnread.filter { feed, count in count != (local.unreadByFeed[feed] ?? 0) + (newUnread[feed] ?? 0) }
            .keys.compactMap { Int64($0) }.sorted()
        let perFeed = moved.reduce(0) { $0 + Self.pages(serverUnread[String($1)] ?? 0, of: pageSize) }
        guard perFeed < Self.pages(serverUnread.values.reduce(0, +), of: pageSize) else {
            next.listedAt = now
            return next
        }
        next.feeds = moved
        return moved.isEmpty ? next.next(.starred) : next
    }

    /// Requests a list of `count` articles takes, `size` a page (an empty list takes one).
    static func pages(_ count: Int, of size: Int) -> Int { max(1, (count + size - 1) / size) }
}

import GRDB
import NewsModel

/// What the reader asks for on every screen of the list: one page of headlines with its counts and the
/// position of its first row, read in one transaction, so a refresh storing stories meanwhile can never
/// make the rows, the total and the position disagree.
extension NewsCache {
    /// The page `direction` names, with the query's total and unread counts and the absolute position of
    /// its first row, from one snapshot of the cache.
    public func headlinePage(_ query: HeadlineQuery, _ direction: PageDirection, limit: Int) throws -> HeadlinePage {
        try read { db in
            let total = try NewsCache.count(query, db)
            var unreadQuery = query
            unreadQuery.unreadOnly = true
            let unread = query.unreadOnly ? total : try NewsCache.count(unreadQuery, db)
            let rows: [Headline]
            var start = 0
            switch direction {
            case .first:
                rows = try NewsCache.page(query, bound: .newest, limit: limit, db)
            case .after(let cursor):
                rows = try NewsCache.page(query, bound: .olderThan(cursor), limit: limit, db)
            case .before(let cursor):
                rows = try NewsCache.page(query, bound: .newerThan(cursor), limit: limit, db)
            case .last:
                rows = try NewsCache.page(query, bound: .oldest, limit: limit, db)
                start = max(0, total - rows.count)
            case .around(let cursor):
                // Up to half a page just newer than the cursor, then the cursor's row and older ones; the
                // first page when nothing is newer.
                let newer = try NewsCache.page(query, bound: .newerThan(cursor), limit: max(1, limit / 2), db)
                if let oldestNewer = newer.last {
                    rows = newer + (try NewsCache.page(query, bound: .olderThan(HeadlineCursor(oldestNewer)),
                                                       limit: max(1, limit - newer.count), db))
                } else {
                    rows = try NewsCache.page(query, bound: .newest, limit: limit, db)
                }
            }
            switch direction {
            case .after, .before, .around:
                if let first = rows.first { start = try NewsCache.position(of: HeadlineCursor(first), in: query, db) }
            case .first, .last:
                break
            }
            return HeadlinePage(rows: rows, startIndex: start, total: total, unread: unread)
        }
    }
}

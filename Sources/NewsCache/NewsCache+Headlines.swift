import Foundation
import GRDB
import NewsModel
import TextSafety

/// Paged reads of the headline list. Every page is a keyset query on `(sort_date, id)` through a named
/// index (`INDEXED BY`, so SQLite can never fall back to scanning the table), newest first; a page costs
/// the same at the top of a 20-story feed as deep inside a 500,000-story cache.
extension NewsCache {
    /// The first page (`after == nil`) or the page strictly older than `after`, newest first.
    public func headlines(_ query: HeadlineQuery, after cursor: HeadlineCursor? = nil,
                          limit: Int) throws -> [Headline] {
        try page(query, bound: cursor.map { .olderThan($0) } ?? .newest, limit: limit)
    }

    /// The `limit` rows just newer than `before`, returned newest first (scrolling up).
    public func headlines(_ query: HeadlineQuery, before cursor: HeadlineCursor,
                          limit: Int) throws -> [Headline] {
        try page(query, bound: .newerThan(cursor), limit: limit)
    }

    /// The oldest `limit` rows, newest first (jumping to the end with `G`).
    public func lastPage(_ query: HeadlineQuery, limit: Int) throws -> [Headline] {
        try page(query, bound: .oldest, limit: limit)
    }

    /// How many stories the query lists. Counter-backed for all/feed/tag/account; an index count for
    /// starred and search.
    public func count(_ query: HeadlineQuery) throws -> Int {
        try read { db in try NewsCache.count(query, db) }
    }

    static func count(_ query: HeadlineQuery, _ db: Database) throws -> Int {
        do {
            let counter = query.unreadOnly ? "unread_count" : "total_count"
            switch query.scope {
            case .all:
                return try Int.fetchOne(db, sql: "SELECT coalesce(sum(\(counter)), 0) FROM feeds") ?? 0
            case let .feed(id):
                return try Int.fetchOne(db, sql: "SELECT \(counter) FROM feeds WHERE id = ?",
                                        arguments: [id.rawValue]) ?? 0
            case let .tag(tag):
                return try Int.fetchOne(db, sql: """
                    SELECT coalesce(sum(f.\(counter)), 0) FROM feed_tags t JOIN feeds f ON f.id = t.feed_id
                    WHERE t.tag = ?
                    """, arguments: [tag]) ?? 0
            case let .account(name):
                return try Int.fetchOne(db, sql: """
                    SELECT coalesce(sum(f.\(counter)), 0) FROM feeds f JOIN sync_accounts a ON a.id = f.account_id
                    WHERE a.name = ?
                    """, arguments: [name]) ?? 0
            case .starred, .search:
                guard let plan = try NewsCache.singlePlan(query) else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM stories s \(plan.indexClause) WHERE \(plan.filter)",
                                        arguments: plan.arguments) ?? 0
            }
        }
    }

    /// The 0-based index of the row at `cursor` in the list (the number of listed rows newer than it), so
    /// the UI can draw a scroll bar or "row 9,812 of 20,000" without loading anything.
    public func position(of cursor: HeadlineCursor, in query: HeadlineQuery) throws -> Int {
        try read { db in try NewsCache.position(of: cursor, in: query, db) }
    }

    static func position(of cursor: HeadlineCursor, in query: HeadlineQuery, _ db: Database) throws -> Int {
        do {
            var total = 0
            for plan in try NewsCache.plans(query, db) {
                total += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM stories s \(plan.indexClause)
                    WHERE \(plan.filter) AND (s.sort_date, s.id) > (?, ?)
                    """, arguments: plan.arguments + [cursor.date.cacheValue, cursor.id.rawValue]) ?? 0
            }
            return total
        }
    }

    // MARK: - plans

    /// Where a page starts.
    enum PageBound {
        case newest, oldest
        case olderThan(HeadlineCursor)
        case newerThan(HeadlineCursor)
    }

    /// One single-index query over `stories s`: the index to use (nil: let SQLite choose, for search) and
    /// the WHERE clause selecting the scope.
    struct ScopePlan {
        var index: String?
        var filter: String
        var arguments: StatementArguments
        var indexClause: String { index.map { "INDEXED BY \($0)" } ?? "" }
    }

    /// The plans answering `query`: one for most scopes; one per feed for a tag or an account (merged in
    /// Swift, so a tag of 5 feeds costs 5 small index probes, however many other stories the cache holds).
    static func plans(_ query: HeadlineQuery, _ db: Database) throws -> [ScopePlan] {
        let feeds: [Int64]
        switch query.scope {
        case let .tag(tag):
            feeds = try Int64.fetchAll(db, sql: "SELECT feed_id FROM feed_tags WHERE tag = ?", arguments: [tag])
        case let .account(name):
            feeds = try Int64.fetchAll(db, sql: """
                SELECT f.id FROM feeds f JOIN sync_accounts a ON a.id = f.account_id WHERE a.name = ?
                """, arguments: [name])
        default:
            return try singlePlan(query).map { [$0] } ?? []
        }
        return feeds.map { feedPlan(FeedID($0), unreadOnly: query.unreadOnly) }
    }

    /// The plan of a scope answered by one query; nil for a search with no terms (it lists nothing).
    static func singlePlan(_ query: HeadlineQuery) throws -> ScopePlan? {
        let unread = query.unreadOnly
        switch query.scope {
        case .all:
            return unread ? ScopePlan(index: "stories_unread_by_date", filter: "s.is_read = 0", arguments: [])
                : ScopePlan(index: "stories_by_date", filter: "1", arguments: [])
        case let .feed(id):
            return feedPlan(id, unreadOnly: unread)
        case .tag, .account:
            return nil
        case .starred:
            return ScopePlan(index: "stories_starred_by_date",
                             filter: "s.is_starred = 1" + (unread ? " AND s.is_read = 0" : ""), arguments: [])
        case let .search(text):
            guard let search = SearchPlan(text) else { return nil }
            let (subquery, arguments) = search.matchingRowIDs()
            return ScopePlan(index: nil, filter: "s.id IN (\(subquery))" + (unread ? " AND s.is_read = 0" : ""),
                             arguments: arguments)
        }
    }

    static func feedPlan(_ id: FeedID, unreadOnly: Bool) -> ScopePlan {
        unreadOnly
            ? ScopePlan(index: "stories_unread_by_feed_date", filter: "s.feed_id = ? AND s.is_read = 0",
                        arguments: [id.rawValue])
            : ScopePlan(index: "stories_by_feed_date", filter: "s.feed_id = ?", arguments: [id.rawValue])
    }

    /// The SQL of one page under `plan`; the arguments are the plan's, then the cursor's, then the limit.
    /// The columns a `Headline` is made from, over `stories s` and `feeds f`.
    static let headlineColumns = """
        s.id, s.feed_id, f.title AS feed_title, s.title, s.sort_date, s.comment_count, s.is_read, s.is_starred
        """

    static func pageSQL(_ plan: ScopePlan, bound: PageBound, keysOnly: Bool = false) -> String {
        let (condition, order): (String, String) = switch bound {
        case .newest: ("", "DESC")
        case .oldest: ("", "ASC")
        case .olderThan: (" AND (s.sort_date, s.id) < (?, ?)", "DESC")
        case .newerThan: (" AND (s.sort_date, s.id) > (?, ?)", "ASC")
        }
        let select = keysOnly ? "SELECT s.sort_date, s.id FROM stories s \(plan.indexClause)"
            : "SELECT \(headlineColumns) FROM stories s \(plan.indexClause) CROSS JOIN feeds f ON f.id = s.feed_id"
        return """
            \(select)
            WHERE \(plan.filter)\(condition)
            ORDER BY s.sort_date \(order), s.id \(order)
            LIMIT ?
            """
    }

    private func page(_ query: HeadlineQuery, bound: PageBound, limit: Int) throws -> [Headline] {
        try read { db in try NewsCache.page(query, bound: bound, limit: limit, db) }
    }

    static func page(_ query: HeadlineQuery, bound: PageBound, limit: Int, _ db: Database) throws -> [Headline] {
        guard limit > 0 else { return [] }
        do {
            let plans = try NewsCache.plans(query, db)
            func arguments(_ plan: ScopePlan) -> StatementArguments {
                var arguments = plan.arguments
                switch bound {
                case let .olderThan(cursor), let .newerThan(cursor):
                    arguments += [cursor.date.cacheValue, cursor.id.rawValue]
                case .newest, .oldest:
                    break
                }
                return arguments + [limit]
            }
            guard plans.count > 1 else {
                guard let plan = plans.first else { return [] }
                let statement = try db.cachedStatement(sql: NewsCache.pageSQL(plan, bound: bound))
                let rows = try Row.fetchAll(statement, arguments: arguments(plan)).map(NewsCache.headline(from:))
                switch bound {
                case .newest, .olderThan: return rows
                case .oldest, .newerThan: return rows.reversed()
                }
            }
            // Several feeds (a tag): first the keys alone, read from the covering per-feed indexes, merged
            // here; then whole rows for just the `limit` keys nearest the bound.
            var keys: [(date: Int64, id: Int64)] = []
            for plan in plans {
                let statement = try db.cachedStatement(sql: NewsCache.pageSQL(plan, bound: bound, keysOnly: true))
                let rows = try Row.fetchCursor(statement, arguments: arguments(plan))
                while let row = try rows.next() { keys.append((row[0], row[1])) }
            }
            keys.sort { ($0.date, $0.id) > ($1.date, $1.id) }
            let chosen: ArraySlice<(date: Int64, id: Int64)> = switch bound {
            case .newest, .olderThan: keys.prefix(limit)
            case .oldest, .newerThan: keys.suffix(limit)
            }
            guard !chosen.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: chosen.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(NewsCache.headlineColumns)
                FROM stories s CROSS JOIN feeds f ON f.id = s.feed_id
                WHERE s.id IN (\(marks))
                """, arguments: StatementArguments(chosen.map(\.id)))
            return rows.map(NewsCache.headline(from:)).sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        }
    }

    static func headline(from row: Row) -> Headline {
        Headline(id: StoryID(row["id"] as Int64), feedID: FeedID(row["feed_id"] as Int64),
                 feedTitle: SafeLine(row["feed_title"]), title: SafeLine(row["title"]),
                 date: Date(cacheValue: row["sort_date"] as Int64), commentCount: row["comment_count"],
                 isRead: row["is_read"], isStarred: row["is_starred"])
    }
}

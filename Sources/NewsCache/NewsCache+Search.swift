import Foundation
import GRDB
import NewsModel

extension NewsCache {
    /// Above this many matches a search lists the newest instead of ranking them all.
    public static let rankingLimit = 10_000

    /// Full-text search over titles and bodies, best first (bm25, a title match weighing 4× a body match),
    /// ordered by FTS5's own `rank` so that it can stop after `limit` rows and build snippets for those only,
    /// with matches marked in the title and in a snippet of the body. See `SearchPlan` for what matches;
    /// a query matching more than `rankingLimit` stories is answered newest first instead of by rank.
    public func search(_ text: String, limit: Int) throws -> [SearchHit] {
        try search(text, limit: limit, rankingLimit: NewsCache.rankingLimit)
    }

    /// `search(_:limit:)` with the ranking threshold as a parameter, for tests.
    func search(_ text: String, limit: Int, rankingLimit: Int) throws -> [SearchHit] {
        guard limit > 0, let plan = SearchPlan(text) else { return [] }
        let (condition, arguments) = plan.ftsCondition()
        let columns = """
            s.id, s.feed_id, f.title AS feed_title, s.title, s.sort_date, s.comment_count, s.is_read, s.is_starred
            """
        let from = """
            FROM stories_fts CROSS JOIN stories s ON s.id = stories_fts.rowid CROSS JOIN feeds f ON f.id = s.feed_id
            """
        return try read { db in
            // Ranking scores every match; for a word in most stories that costs seconds. Past
            // `rankingLimit` matches the query says little anyway, so list the newest matches instead,
            // which FTS5 answers by walking its index backwards and stopping at `limit`.
            let matches = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT rowid FROM stories_fts WHERE \(condition) LIMIT \(rankingLimit + 1))
                """, arguments: arguments) ?? 0
            let order = matches > rankingLimit ? "ORDER BY stories_fts.rowid DESC"
                : "AND stories_fts.rank MATCH 'bm25(4.0, 1.0)' ORDER BY stories_fts.rank"
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(columns),
                       highlight(stories_fts, 0, char(57344), char(57345)) AS title_marked,
                       snippet(stories_fts, 1, char(57344), char(57345), '…', 32) AS body_marked
                \(from)
                WHERE \(condition) \(order)
                LIMIT ?
                """, arguments: arguments + [limit])
            return rows.map { row in
                SearchHit(headline: NewsCache.headline(from: row),
                          title: MarkedText(markedWith: row["title_marked"]),
                          snippet: MarkedText(markedWith: row["body_marked"]))
            }
        }
    }
}

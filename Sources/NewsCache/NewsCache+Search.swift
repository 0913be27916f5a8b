import Foundation
import GRDB
import NewsModel

extension NewsCache {
    /// Above this many matches a search lists the newest instead of ranking them all.
    public static let rankingLimit = 10_000

    /// Full-text search over titles and bodies, best first (bm25, a title match weighing 4× a body match),
    /// ordered by FTS5's own `rank` so that it can stop after `limit` rows and build snippets for those only,
    /// with matches marked in the title and in a snippet of the body. See `SearchPlan` for what matches;
    /// a query of only 1–2 character words, or one matching more than `rankingLimit` stories, is answered
    /// newest first instead of by rank.
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
            if plan.match != nil {
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
                           snippet(stories_fts, 1, char(57344), char(57345), '…', 48) AS body_marked
                    \(from)
                    WHERE \(condition) \(order)
                    LIMIT ?
                    """, arguments: arguments + [limit])
                return rows.map { row in
                    SearchHit(headline: NewsCache.headline(from: row),
                              title: NewsCache.mark(MarkedText(markedWith: row["title_marked"]), plan.shortWords),
                              snippet: NewsCache.mark(MarkedText(markedWith: row["body_marked"]), plan.shortWords))
                }
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(columns), stories_fts.title AS fts_title, stories_fts.body AS fts_body
                \(from)
                WHERE \(condition)
                ORDER BY stories_fts.rowid DESC
                LIMIT ?
                """, arguments: arguments + [limit])
            return rows.map { row in
                SearchHit(headline: NewsCache.headline(from: row),
                          title: NewsCache.mark(MarkedText(text: row["fts_title"]), plan.shortWords),
                          snippet: NewsCache.mark(NewsCache.excerpt(row["fts_body"], around: plan.shortWords),
                                                  plan.shortWords))
            }
        }
    }

    /// Adds the occurrences of `words` (case-insensitive) to the matches of `text`.
    static func mark(_ text: MarkedText, _ words: [String]) -> MarkedText {
        guard !words.isEmpty else { return text }
        let characters = Array(text.text)
        var ranges = text.matches + MatchRanges.of(words, in: characters)
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, last.upperBound >= range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return MarkedText(text: text.text, matches: merged)
    }

    /// About 60 characters of `body` around the first occurrence of any of `words`, with `…` where cut.
    static func excerpt(_ body: String, around words: [String]) -> MarkedText {
        let characters = Array(body)
        let lowered = body.lowercased()
        var first = 0
        for word in words {
            if let range = lowered.range(of: word.lowercased()) {
                first = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                break
            }
        }
        // `lowercased` can change lengths in rare scripts; clamp rather than trust the offset blindly.
        first = min(first, max(0, characters.count - 1))
        let start = max(0, first - 20)
        let end = min(characters.count, start + 60)
        var text = String(characters[start..<end])
        if start > 0 { text = "…" + text }
        if end < characters.count { text += "…" }
        return MarkedText(text: text)
    }
}

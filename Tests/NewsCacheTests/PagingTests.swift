import Foundation
import GRDB
import Testing
import NewsModel
@testable import NewsCache

@Suite("Headline pages")
struct PagingTests {
    @Test("paging forward visits every story once, newest first")
    func forward() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 25)
        let rows = try walk(cache, HeadlineQuery(), pageSize: 7)
        #expect(rows.count == 25)
        #expect(Set(rows.map(\.id)).count == 25)
        #expect(rows.first?.title == "Story e 24" && rows.last?.title == "Story e 0")
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.date >= $1.date })
    }

    @Test("stories with the same date are ordered by id and never skipped or repeated")
    func ties() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let same = (0..<9).map { FeedEntry(id: "t\($0)", title: "T\($0)", published: referenceDate) }
        try cache.store(FeedDocument(entries: same), feedID: feed, fetchedAt: referenceDate)
        let rows = try walk(cache, HeadlineQuery(), pageSize: 2)
        #expect(rows.count == 9 && Set(rows.map(\.id)).count == 9)
        #expect(rows.map(\.id) == rows.map(\.id).sorted(by: >))
    }

    @Test("a page before a cursor holds the rows just newer than it, newest first")
    func backward() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 20)
        let all = try cache.headlines(HeadlineQuery(), limit: 20)
        let previous = try cache.headlines(HeadlineQuery(), before: HeadlineCursor(all[10]), limit: 4)
        #expect(previous == Array(all[6..<10]))
        let atTop = try cache.headlines(HeadlineQuery(), before: HeadlineCursor(all[2]), limit: 5)
        #expect(atTop == Array(all[0..<2]))
    }

    @Test("the last page holds the oldest rows, newest first")
    func last() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 20)
        let all = try cache.headlines(HeadlineQuery(), limit: 20)
        #expect(try cache.lastPage(HeadlineQuery(), limit: 6) == Array(all[14..<20]))
    }

    @Test("count and position describe the list without loading it")
    func countAndPosition() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 20)
        let all = try cache.headlines(HeadlineQuery(), limit: 20)
        try cache.setRead(all[3].id, true)
        #expect(try cache.count(HeadlineQuery()) == 20)
        #expect(try cache.count(HeadlineQuery(scope: .feed(feed), unreadOnly: true)) == 19)
        #expect(try cache.position(of: HeadlineCursor(all[0]), in: HeadlineQuery()) == 0)
        #expect(try cache.position(of: HeadlineCursor(all[12]), in: HeadlineQuery()) == 12)
        #expect(try cache.position(of: HeadlineCursor(all[12]), in: HeadlineQuery(unreadOnly: true)) == 11)
    }

    @Test("scopes list one feed, one tag, starred stories or unread ones")
    func scopes() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let tech = try cache.addFeed(url: "https://tech.example/feed", tags: ["tech"])
        let more = try cache.addFeed(url: "https://more.example/feed", tags: ["tech", "misc"])
        let world = try cache.addFeed(url: "https://world.example/feed", tags: ["world"])
        try cache.store(FeedDocument(entries: entries(6, prefix: "t")), feedID: tech, fetchedAt: referenceDate)
        try cache.store(FeedDocument(entries: entries(6, prefix: "m", start: referenceDate.addingTimeInterval(30))),
                        feedID: more, fetchedAt: referenceDate)
        try cache.store(FeedDocument(entries: entries(6, prefix: "w")), feedID: world, fetchedAt: referenceDate)
        let tagged = try walk(cache, HeadlineQuery(scope: .tag("tech")), pageSize: 5)
        #expect(tagged.count == 12 && Set(tagged.map(\.feedID)) == [tech, more])
        #expect(zip(tagged, tagged.dropFirst()).allSatisfy { ($0.date, $0.id) > ($1.date, $1.id) })
        #expect(try cache.count(HeadlineQuery(scope: .tag("tech"))) == 12)
        #expect(try cache.position(of: HeadlineCursor(tagged[7]), in: HeadlineQuery(scope: .tag("tech"))) == 7)
        #expect(try cache.lastPage(HeadlineQuery(scope: .tag("tech")), limit: 3) == Array(tagged[9..<12]))
        #expect(try cache.headlines(HeadlineQuery(scope: .tag("tech")), before: HeadlineCursor(tagged[5]), limit: 3)
                == Array(tagged[2..<5]))
        #expect(try walk(cache, HeadlineQuery(scope: .feed(world)), pageSize: 4).count == 6)

        try cache.setStarred(tagged[1].id, true)
        try cache.setStarred(tagged[4].id, true)
        try cache.setRead(tagged[4].id, true)
        #expect(try cache.headlines(HeadlineQuery(scope: .starred), limit: 10).map(\.id) == [tagged[1].id, tagged[4].id])
        #expect(try cache.headlines(HeadlineQuery(scope: .starred, unreadOnly: true), limit: 10).map(\.id) == [tagged[1].id])
        #expect(try cache.count(HeadlineQuery(scope: .starred)) == 2)
        let unreadTech = try walk(cache, HeadlineQuery(scope: .tag("tech"), unreadOnly: true), pageSize: 5)
        #expect(unreadTech.count == 11 && !unreadTech.contains { $0.id == tagged[4].id })
        #expect(try cache.headlines(HeadlineQuery(scope: .tag("none")), limit: 5).isEmpty)
    }

    @Test("a search scope lists the matching stories newest first")
    func searchScope() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 12)
        let query = HeadlineQuery(scope: .search("Story e 1"))
        let rows = try walk(cache, query, pageSize: 2)
        // "Story" and "e" and "1": stories 1, 10, 11.
        #expect(rows.map(\.title) == ["Story e 11", "Story e 10", "Story e 1"])
        #expect(try cache.count(query) == 3)
        #expect(try cache.headlines(HeadlineQuery(scope: .search("   ")), limit: 5).isEmpty)
    }

    @Test("every paging query is answered through an index, never a scan of the stories table or a sort")
    func queryPlans() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 50)
        let scopes: [HeadlineQuery.Scope] = [.all, .feed(feed), .starred]
        let cursor = HeadlineCursor(date: referenceDate, id: StoryID(10))
        try cache.pool.read { db in
            for scope in scopes {
                for unread in [false, true] {
                    let plan = try #require(try NewsCache.singlePlan(HeadlineQuery(scope: scope, unreadOnly: unread)))
                    let bounds: [NewsCache.PageBound] = [.newest, .oldest, .olderThan(cursor), .newerThan(cursor)]
                    for bound in bounds {
                        var arguments = plan.arguments
                        if case .olderThan = bound { arguments += [0, 0] }
                        if case .newerThan = bound { arguments += [0, 0] }
                        arguments += [20]
                        let details = try planDetails(db, NewsCache.pageSQL(plan, bound: bound), arguments)
                        let label = "\(scope) unread=\(unread) \(bound): \(details)"
                        #expect(details.contains { $0.hasPrefix("SCAN s USING") || $0.hasPrefix("SEARCH s USING") }, "\(label)")
                        #expect(!details.contains { $0 == "SCAN s" || $0.hasPrefix("SCAN s ") && !$0.contains("INDEX") }, "\(label)")
                        #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(label)")
                        // A cursor must seek into the index, not walk it from the top to the cursor.
                        switch bound {
                        case .olderThan, .newerThan:
                            #expect(details.contains { $0.hasPrefix("SEARCH s USING INDEX") && $0.contains("sort_date") }, "\(label)")
                        case .newest, .oldest:
                            break
                        }
                        #expect(details.contains { $0.hasPrefix("SEARCH f USING INTEGER PRIMARY KEY") }, "\(label)")
                    }
                }
            }
        }
    }

    /// The unread probes must read `is_read` from the row: the partial index implies it but SQLite still
    /// checks it. The full probes read the index alone.
    @Test("the per-feed key probes behind a tag page seek their index, and the full ones read only the index")
    func tagKeyPlans() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 5)
        try cache.pool.read { db in
            for unread in [false, true] {
                let plan = NewsCache.feedPlan(feed, unreadOnly: unread)
                let sql = NewsCache.pageSQL(plan, bound: .olderThan(HeadlineCursor(date: referenceDate, id: StoryID(3))),
                                            keysOnly: true)
                let details = try planDetails(db, sql, plan.arguments + [0, 0, 20])
                let expected = unread ? "SEARCH s USING INDEX stories_unread_by_feed_date"
                    : "SEARCH s USING COVERING INDEX stories_by_feed_date"
                #expect(details.count == 1 && details[0].hasPrefix(expected), "\(details)")
            }
        }
    }

    @Test("the lookups behind store, comments, tags and mark-all-read use indexes")
    func otherPlans() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 5)
        try cache.pool.read { db in
            let queries: [(String, StatementArguments)] = [
                ("SELECT id, fingerprint, first_seen FROM stories WHERE feed_id = ? AND identity = ?", [1, "id:x"]),
                ("SELECT * FROM comments WHERE story_id = ? ORDER BY position", [1]),
                ("SELECT feed_id FROM feed_tags WHERE tag = ?", ["tech"]),
                ("SELECT tag FROM feed_tags WHERE feed_id = ? ORDER BY tag", [1]),
                ("UPDATE stories INDEXED BY stories_unread_by_feed_date SET is_read = 1 WHERE feed_id = ? AND is_read = 0", [1]),
            ]
            for (sql, arguments) in queries {
                let details = try planDetails(db, sql, arguments)
                #expect(details.allSatisfy { $0.hasPrefix("SEARCH") }, "\(sql): \(details)")
                #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(sql): \(details)")
            }
        }
    }

    @Test("counts and positions are answered through indexes too")
    func countPlans() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 5)
        try cache.pool.read { db in
            for query in [HeadlineQuery(unreadOnly: true), HeadlineQuery(scope: .starred), HeadlineQuery()] {
                let plan = try #require(try NewsCache.singlePlan(query))
                let details = try planDetails(db, """
                    SELECT count(*) FROM stories s \(plan.indexClause)
                    WHERE \(plan.filter) AND (s.sort_date, s.id) > (?, ?)
                    """, plan.arguments + [0, 0])
                #expect(details.allSatisfy { $0.contains("USING") && $0.contains("INDEX") }, "\(query): \(details)")
            }
        }
    }
}

import Foundation
import GRDB
import Testing
import NewsModel
@testable import NewsCache

/// The search index's segment merging (`CacheSchema.v9FTSAutomerge`): set on new and older caches, and
/// without effect on what a search finds or how it ranks and marks it.
@Suite("Search index merging")
struct SearchIndexMergeTests {
    private static let words = ["harbour", "fisheries", "squid", "penguin", "stanley", "governor", "election",
                                "weather", "ferry", "tourism", "wool", "falklands", "montevideo", "krill"]

    /// A feed's worth of stories of `count` entries, its words picked by a fixed rule from `seed`.
    private static func entries(batch: Int, count: Int) -> [FeedEntry] {
        (0..<count).map { index in
            let n = batch * count + index
            let pick = { (k: Int) in words[(n * 7 + k * 3 + n / 5) % words.count] }
            return FeedEntry(id: "b\(batch)-\(index)", title: "\(pick(0).capitalized) \(pick(1)) report \(n)",
                             published: referenceDate.addingTimeInterval(Double(n * 60)),
                             content: "<p>\(pick(2)) and \(pick(3)) near the \(pick(4)); \(pick(1)) again.</p>")
        }
    }

    private static func automerge(_ cache: NewsCache) throws -> Int? {
        try cache.pool.read { try Int.fetchOne($0, sql: "SELECT v FROM stories_fts_config WHERE k = 'automerge'") }
    }

    @Test("a new cache merges the search index's segments 16 at a time")
    func newCache() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        #expect(try Self.automerge(cache) == CacheSchema.searchAutomerge)
        #expect(CacheSchema.searchAutomerge == 16)
    }

    @Test("an older cache gets the setting when it is opened, its index intact")
    func olderCache() throws {
        let directory = try TemporaryDirectory()
        do {
            let queue = try DatabaseQueue(path: directory.cachePath)
            try CacheSchema.migrator.migrate(queue, upTo: "v8-sync-fast")
            #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT v FROM stories_fts_config WHERE k = 'automerge'") } == nil)
        }
        let cache = try NewsCache(path: directory.cachePath)
        #expect(try Self.automerge(cache) == 16)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        try cache.store(FeedDocument(entries: Self.entries(batch: 0, count: 30)), feedID: feed, fetchedAt: referenceDate)
        #expect(try !cache.search("penguin", limit: 50).isEmpty)
        #expect(try cache.integrityCheck() == ["ok"])
    }

    @Test("searches find, rank and mark the same stories whether segments merge 4 or 16 at a time")
    func sameResults() throws {
        var results: [[SearchHit]] = []
        for merge in [4, 16] {
            let directory = try TemporaryDirectory()
            let cache = try NewsCache(path: directory.cachePath)
            try cache.pool.write { db in
                try db.execute(sql: "INSERT INTO stories_fts(stories_fts, rank) VALUES ('automerge', \(merge))")
            }
            // One store per feed is one transaction, each a new segment: 40 of them make FTS5 merge (at 4).
            for batch in 0..<40 {
                let feed = try cache.addFeed(url: "https://example.org/feed\(batch)")
                try cache.store(FeedDocument(entries: Self.entries(batch: batch, count: 12)), feedID: feed,
                                fetchedAt: referenceDate)
            }
            var hits: [SearchHit] = []
            for query in ["penguin", "squid ferry", "falk", "report 1", "governor wool harbour", "krill"] {
                hits += try cache.search(query, limit: 600)
            }
            #expect(hits.count > 300)
            results.append(hits)
        }
        #expect(results[0] == results[1])
    }
}

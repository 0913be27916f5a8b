import Foundation
import GRDB
import NewsModel
import Testing
@testable import NewsCache

/// Checkpoints off the writer (`WALCheckpointer`): what a refresh stores is copied into the cache file by
/// another connection, the writer's own checkpoint waits until the WAL is large, and closing the cache
/// leaves no WAL behind.
@Suite("WAL checkpoints beside the writer")
struct WALCheckpointerTests {
    @Test("Stories a refresh stores reach the cache file without the writer's checkpoint")
    func refreshStoresReachTheFile() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feeds = try (0..<6).map { try cache.addFeed(url: "https://example.org/feed/\($0)") }
        try await withThrowingTaskGroup(of: StoreSummary.self) { group in
            for (index, feed) in feeds.enumerated() {
                group.addTask {
                    try await cache.store(FeedDocument(entries: entries(40, prefix: "f\(index)")), feedID: feed,
                                          fetchedAt: referenceDate)
                }
            }
            for try await summary in group { #expect(summary.inserted == 40) }
        }
        try await cache.pool.write { _ in }  // the last batch has asked for its checkpoint
        cache.checkpointer.finish()
        // A few hundred small stories are far below the writer's own threshold: only the checkpointer can
        // have put them into the file. A copy of the file alone (no WAL) must hold every one.
        let copy = directory.path + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: directory.cachePath, toPath: copy)
        let (stored, indexed) = try fileCounts(copy)
        #expect(stored == 6 * 40)
        #expect(indexed == 6 * 40)
    }

    /// The stories and the search entries matching "story" in the cache file at `path`.
    private func fileCounts(_ path: String) throws -> (Int?, Int?) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM stories"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM stories_fts WHERE stories_fts MATCH 'story'"))
        }
    }

    @Test("The writer checkpoints on its own only past the backstop size, whatever the page size")
    func writerBackstop() throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let pages = try cache.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(pages == NewsCache.walBackstopBytes / NewsCache.pageSize)

        // A cache made before 16 KB pages keeps its 4 KB pages, and the same backstop in bytes.
        let oldPath = directory.path + "/old.sqlite"
        try DatabaseQueue(path: oldPath).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t(x)")
        }
        let old = try NewsCache(path: oldPath)
        let oldPages = try old.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(oldPages == NewsCache.walBackstopBytes / 4096)
    }

    @Test("Closing the cache after a refresh leaves no WAL")
    func closingRemovesTheWAL() async throws {
        let directory = try TemporaryDirectory()
        do {
            let cache = try NewsCache(path: directory.cachePath)
            let feed = try cache.addFeed(url: "https://example.org/feed")
            _ = try await cache.store(FeedDocument(entries: entries(50)), feedID: feed, fetchedAt: referenceDate)
            try await cache.pool.write { _ in }
            #expect(FileManager.default.fileExists(atPath: directory.cachePath + "-wal"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.cachePath + "-wal"))
        let reopened = try NewsCache(path: directory.cachePath, access: .readOnly)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stories") } == 50)
    }
}

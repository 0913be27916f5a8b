import Foundation
import GRDB
import NewsModel
import Testing
@testable import NewsCache

/// Records the writer's `wal_autocheckpoint` at each commit that inserted stories (on the writer's queue only).
private final class AutocheckpointAtCommit: TransactionObserver, @unchecked Sendable {
    // @unchecked Sendable: GRDB calls the observer on the writer's queue only; the test reads `values` after
    // every write has finished.
    private(set) var values: [Int] = []
    private var inserted = false

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "stories" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) { inserted = true }
    func databaseWillCommit() throws {}
    func databaseDidCommit(_ db: Database) {
        if inserted, let value = try? Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") { values.append(value) }
        inserted = false
    }
    func databaseDidRollback(_ db: Database) { inserted = false }
}

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

    @Test("During a refresh's stores the writer checkpoints only past the backstop size; other writes keep SQLite's default")
    func writerBackstop() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let during = try await backstopDuringStore(cache)
        #expect(during == NewsCache.walBackstopBytes / NewsCache.pageSize)
        let after = try await cache.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(after == NewsCache.defaultAutocheckpointPages)

        // A cache made before 16 KB pages keeps its 4 KB pages, and the same backstop in bytes.
        let oldPath = directory.path + "/old.sqlite"
        try await DatabaseQueue(path: oldPath).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t(x)")
        }
        let oldDuring = try await backstopDuringStore(try NewsCache(path: oldPath))
        #expect(oldDuring == NewsCache.walBackstopBytes / 4096)
    }

    /// The writer's `wal_autocheckpoint` as a refresh's store commits.
    private func backstopDuringStore(_ cache: NewsCache) async throws -> Int? {
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let observer = AutocheckpointAtCommit()
        cache.pool.add(transactionObserver: observer, extent: .databaseLifetime)
        _ = try await cache.store(FeedDocument(entries: entries(5)), feedID: feed, fetchedAt: referenceDate)
        try await cache.pool.write { _ in }
        return observer.values.last
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

    @Test("close() removes the WAL while something else still holds the cache, and later use fails cleanly")
    func explicitCloseRemovesTheWAL() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feeds = try (0..<4).map { try cache.addFeed(url: "https://example.org/feed/\($0)") }
        try await withThrowingTaskGroup(of: StoreSummary.self) { group in
            for (index, feed) in feeds.enumerated() {
                group.addTask {
                    try await cache.store(FeedDocument(entries: entries(30, prefix: "f\(index)")), feedID: feed,
                                          fetchedAt: referenceDate)
                }
            }
            for try await summary in group { #expect(summary.inserted == 30) }
        }
        // A reader reference too, as the reader and a refresh's tasks hold: its connection must not be the
        // last one open.
        #expect(try cache.feeds().count == 4)
        #expect(FileManager.default.fileExists(atPath: directory.cachePath + "-wal"))
        // `cache` stays referenced until the end of this test, as a late release would keep it.
        cache.close()
        #expect(!FileManager.default.fileExists(atPath: directory.cachePath + "-wal"))
        #expect(throws: (any Error).self) { try cache.feeds() }
        cache.close()
        let reopened = try NewsCache(path: directory.cachePath, access: .readOnly)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stories") } == 120)
    }
}

import Foundation
import GRDB
import Testing
import NewsModel
@testable import NewsCache

@Suite("Opening, sharing and failing clearly")
struct OpeningTests {
    @Test("two writers on one file both write and each sees the other's stories (no lock refuses one)")
    func twoWriters() throws {
        let directory = try TemporaryDirectory()
        let (first, feed) = try cacheWithFeed(directory, stories: 3)
        let second = try NewsCache(path: directory.cachePath)
        let id = try second.headlines(HeadlineQuery(), limit: 1)[0].id
        try second.setRead(id, true)
        #expect(try first.story(id)?.isRead == true)
        try first.store(FeedDocument(entries: entries(2, prefix: "later")), feedID: feed, fetchedAt: referenceDate)
        #expect(try second.count(HeadlineQuery()) == 5)
        let reader = try NewsCache(path: directory.cachePath, access: .readOnly)
        #expect(throws: CacheError.readOnly(path: directory.cachePath)) { try reader.setRead(id, false) }
    }

    @Test("a write waits for another connection's long transaction instead of failing")
    func writeWaits() async throws {
        let directory = try TemporaryDirectory()
        let (first, feed) = try cacheWithFeed(directory, stories: 1)
        let second = try NewsCache(path: directory.cachePath)
        let id = try second.headlines(HeadlineQuery(), limit: 1)[0].id
        let started = DispatchSemaphore(value: 0)
        let holder = Task.detached {
            try first.write { db in
                try db.execute(sql: "UPDATE feeds SET title = 'Held' WHERE id = ?", arguments: [feed.rawValue])
                started.signal()
                Thread.sleep(forTimeInterval: 0.4)  // the other writer must wait this out
            }
        }
        started.wait()
        try second.setStarred(id, true)  // blocked until the holder commits; must not throw
        try await holder.value
        #expect(try first.story(id)?.isStarred == true)
        #expect(try second.feeds().first?.title == "Held")
    }

    @Test("the cache's change stamp moves when another connection adds stories, not when it marks them")
    func changeStamp() throws {
        let directory = try TemporaryDirectory()
        let (first, feed) = try cacheWithFeed(directory, stories: 2)
        let other = try NewsCache(path: directory.cachePath)
        let before = try first.changeStamp()
        try other.setRead(try other.headlines(HeadlineQuery(), limit: 1)[0].id, true)
        #expect(try first.changeStamp() == before)
        try other.store(FeedDocument(entries: entries(1, prefix: "new")), feedID: feed, fetchedAt: referenceDate)
        #expect(try first.changeStamp() != before)
    }

    @Test("a read-only data folder refuses writing, even to root, and reading still works")
    func readOnlyFolder() throws {
        let directory = try TemporaryDirectory()
        do { _ = try cacheWithFeed(directory, stories: 2) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        #expect(throws: CacheError.readOnly(path: directory.cachePath)) {
            _ = try NewsCache(path: directory.cachePath)
        }
        let message = CacheError.readOnly(path: directory.cachePath).description
        #expect(message.contains("reading works") && message.contains("chmod u+w") && message.contains("--data-dir"))
        let reader = try NewsCache(path: directory.cachePath, access: .readOnly)
        #expect(try reader.count(HeadlineQuery()) == 2)
    }

    @Test("a read-only cache file is reported as such, even to root")
    func readOnlyFile() throws {
        let directory = try TemporaryDirectory()
        do { _ = try cacheWithFeed(directory, stories: 2) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: directory.cachePath)
        #expect(throws: CacheError.readOnly(path: directory.cachePath)) {
            _ = try NewsCache(path: directory.cachePath)
        }
        #expect(CacheError.readOnly(path: "/x/cache.sqlite").description.contains("is read-only"))
        let reader = try NewsCache(path: directory.cachePath, access: .readOnly)
        #expect(try reader.count(HeadlineQuery()) == 2)
    }

    @Test("a file that is not a database is reported as damaged")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: directory.cachePath))
        #expect {
            _ = try NewsCache(path: directory.cachePath)
        } throws: { error in
            guard case .corrupt = error as? CacheError else { return false }
            return true
        }
    }

    @Test("a full disk fails the write cleanly and keeps what was committed")
    func diskFull() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed) = try cacheWithFeed(directory, stories: 5)
        // Simulate the disk filling up: SQLite reports SQLITE_FULL exactly as for ENOSPC.
        let pages = try cache.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        try cache.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        let big = (0..<200).map { FeedEntry(id: "big\($0)", title: "Big \($0)", content: String(repeating: "lorem ipsum ", count: 400)) }
        #expect(throws: CacheError.diskFull(path: directory.cachePath)) {
            try cache.store(FeedDocument(entries: big), feedID: feed, fetchedAt: referenceDate)
        }
        #expect(try cache.count(HeadlineQuery()) == 5)
        #expect(try cache.integrityCheck() == ["ok"])
        #expect(CacheError.diskFull(path: "/c").description.contains("is full"))
    }

    @Test("a real full file system (a tiny tmpfs) gives the same clear error",
          .enabled(if: TinyFileSystem.isAvailable))
    func realDiskFull() throws {
        // Big enough for an empty cache (about 30 pages of 16 KB), far too small for the stores below.
        let mount = try TinyFileSystem(kilobytes: 1_200)
        defer { mount.unmount() }
        let path = mount.path + "/cache.sqlite"
        let cache = try NewsCache(path: path)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        var failure: (any Error)?
        for round in 0..<50 where failure == nil {
            let batch = (0..<50).map {
                FeedEntry(id: "r\(round)-\($0)", title: "Round \(round)", content: String(repeating: "filler text ", count: 200))
            }
            do { try cache.store(FeedDocument(entries: batch), feedID: feed, fetchedAt: referenceDate) } catch { failure = error }
        }
        #expect(failure as? CacheError == .diskFull(path: path))
        #expect(try cache.integrityCheck() == ["ok"])
    }

    @Test("a cache made by the first schema version migrates to the latest and becomes searchable")
    func migration() throws {
        let directory = try TemporaryDirectory()
        do {
            let queue = try DatabaseQueue(path: directory.cachePath)
            try CacheSchema.migrator.migrate(queue, upTo: "v1-core")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO feeds (url, kind, title) VALUES ('https://old.example/feed', 'feed', 'Old')")
                try db.execute(sql: """
                    INSERT INTO stories (feed_id, identity, fingerprint, title, sort_date, first_seen, content, is_read)
                    VALUES (1, 'id:1', 0, 'Zanzibar spice', 1000, 1000, '<p>cloves &amp; pepper</p>', 1),
                           (1, 'id:2', 0, 'Other', 2000, 2000, NULL, 0)
                    """)
            }
        }
        let cache = try NewsCache(path: directory.cachePath)
        #expect(try cache.feeds().map(\.unreadCount) == [1])
        #expect(try cache.search("cloves & pepper", limit: 5).map(\.headline.title) == ["Zanzibar spice"])
        #expect(try cache.search("zanzibar", limit: 5).count == 1)
        let applied = try cache.pool.read { try CacheSchema.migrator.appliedIdentifiers($0) }
        #expect(applied.contains(CacheSchema.latest))
    }

    @Test("a new cache has 16 KB pages and a small writer page cache; an older 4 KB cache keeps its pages and works")
    func pageSize() throws {
        let fresh = try TemporaryDirectory()
        let cache = try NewsCache(path: fresh.cachePath)
        #expect(try cache.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == NewsCache.pageSize)
        #expect(try cache.pool.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -NewsCache.writerCacheKiB)

        let older = try TemporaryDirectory()
        do {
            let queue = try DatabaseQueue(path: older.cachePath)
            try CacheSchema.migrator.migrate(queue, upTo: CacheSchema.latest)
            #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4_096)
        }
        let reopened = try NewsCache(path: older.cachePath)
        let feed = try reopened.addFeed(url: "https://example.org/feed")
        try reopened.store(FeedDocument(entries: entries(300)), feedID: feed, fetchedAt: referenceDate)
        #expect(try reopened.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4_096)
        #expect(try reopened.search("summary", limit: 500).count == 300)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test("a reader refuses a cache that still needs migrating, and a newer schema is refused by all")
    func schemaVersions() throws {
        let directory = try TemporaryDirectory()
        do {
            let queue = try DatabaseQueue(path: directory.cachePath)
            try CacheSchema.migrator.migrate(queue, upTo: "v1-core")
        }
        #expect(throws: CacheError.needsMigration(path: directory.cachePath)) {
            _ = try NewsCache(path: directory.cachePath, access: .readOnly)
        }
        do {
            _ = try NewsCache(path: directory.cachePath)
            let queue = try DatabaseQueue(path: directory.cachePath)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        }
        #expect(throws: CacheError.newerSchema(path: directory.cachePath)) {
            _ = try NewsCache(path: directory.cachePath)
        }
    }

    @Test("the default path follows XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(NewsCache.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/gazette/cache.sqlite")
        #expect(NewsCache.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/gazette/cache.sqlite")
        #expect(NewsCache.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/gazette/cache.sqlite")
    }
}

/// A tmpfs of a few hundred kilobytes, for a real "no space left on device". Mounting needs root (or
/// CAP_SYS_ADMIN); where that is not allowed the test using it is skipped and the simulated one still runs.
struct TinyFileSystem {
    let path: String

    static let isAvailable: Bool = {
        guard let probe = try? TinyFileSystem(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        path = NSTemporaryDirectory() + "gazette-tmpfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = TinyFileSystem.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        _ = TinyFileSystem.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

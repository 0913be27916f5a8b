import Foundation
import GRDB

/// The soak's and the kill test's view of the cache file, read with SQLite directly (not through Gazette's
/// code, which is what is under test): integrity, stories by title token, marks.
struct SoakCache {
    let path: String

    /// A story's marks as stored.
    struct Marks: Equatable, CustomStringConvertible {
        var isRead: Bool
        var isStarred: Bool
        var description: String { "read \(isRead), starred \(isStarred)" }

        /// Whether these marks still hold `shown`, the last ones the driver saw the reader make: the same
        /// star (only the driver's `s` stars), and read if it was read (only the driver's `N` marks a story
        /// unread, while opening it, n/p, A and C mark read).
        func holds(_ shown: Marks) -> Bool {
            isStarred == shown.isStarred && (isRead || !shown.isRead)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    /// Holds the cache's write lock for `seconds` (nothing is written), as a long refresh or vacuum in
    /// another process does: the reader's writes wait meanwhile, its reads go on.
    func holdWriter(for seconds: TimeInterval) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            Thread.sleep(forTimeInterval: seconds)
            try db.execute(sql: "ROLLBACK")
        }
    }

    /// `PRAGMA integrity_check`'s rows ("ok" alone when sound).
    func integrityCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    /// The marks of the story whose title holds `token`, nil when there is none.
    func marks(token: String) throws -> Marks? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT is_read, is_starred FROM stories WHERE title LIKE ?",
                             arguments: ["% \(token) %"]).map { Marks(isRead: $0[0], isStarred: $0[1]) }
        }
    }

    /// Every story's feed URL and identity, the key under which a store is idempotent.
    func storyKeys() throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT feeds.url || ' ' || stories.identity FROM stories JOIN feeds ON feeds.id = stories.feed_id
                """))
        }
    }

    /// Every story's marks by title token, for stories whose title holds a soak token.
    func allMarks() throws -> [String: Marks] {
        try read { db in
            var result: [String: Marks] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT title, is_read, is_starred FROM stories") {
                let title: String = row[0]
                guard let token = title.split(separator: " ").first(where: { $0.hasPrefix("qz") }) else { continue }
                result[String(token)] = Marks(isRead: row[1], isStarred: row[2])
            }
            return result
        }
    }
}

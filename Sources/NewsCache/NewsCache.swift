import Foundation
import GRDB
import NewsModel

/// The local cache: every feed, story, comment and read mark, in one SQLite file in WAL mode.
///
/// One process writes (it holds `<path>.lock`, see `WriterLock`); any number may read. A reader opened with
/// `.readOnly` never takes the lock and never writes, and sees each committed transaction as a whole (WAL
/// snapshots), so it is safe beside a live writer. Every method is synchronous and thread-safe: reads run on
/// a pool of reader connections, writes on the single writer connection, each in its own transaction.
public final class NewsCache: Sendable {
    /// How a cache is opened.
    public enum Access: Sendable, Equatable {
        /// Takes the writer lock, creates the file and migrates it if needed.
        case readWrite
        /// Never writes; fails with `CacheError.needsMigration` when the file is older than this Gazette.
        case readOnly
    }

    /// The cache file.
    public let path: String
    public let access: Access
    let pool: DatabasePool
    /// Held for the life of a `.readWrite` cache; nil for readers.
    private let lock: WriterLock?
    /// Joins concurrent refresh stores into shared transactions (see `store(_:feedID:fetchedAt:fetch:) async`).
    let batcher = StoreBatcher()

    /// The default location: `$XDG_DATA_HOME/gazette/cache.sqlite`, else `~/.local/share/gazette/cache.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/gazette/cache.sqlite"
    }

    /// Opens (and for writers creates and migrates) the cache at `path`.
    ///
    /// Throws `CacheError.locked` when another process is the writer: the caller may then open `.readOnly`.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        self.access = access
        let fileManager = FileManager.default
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "gazette-cache"
        switch access {
        case .readWrite:
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw CacheError.cannotOpen(path: path, reason: "cannot create \(directory)")
                }
            }
            if NewsCache.isMarkedReadOnly(path) { throw CacheError.readOnly(path: path) }
            lock = try WriterLock(cachePath: path)
            configuration.prepareDatabase { db in
                // WAL + NORMAL: a commit survives the process being killed at any moment (the WAL is in the
                // OS's hands); only a power cut may lose the last commits, never consistency.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        case .readOnly:
            guard fileManager.fileExists(atPath: path) else {
                throw CacheError.cannotOpen(path: path, reason: "no such file")
            }
            lock = nil
            configuration.readonly = true
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = CacheSchema.migrator
            if access == .readWrite {
                try pool.read { db in
                    if try migrator.hasBeenSuperseded(db) { throw CacheError.newerSchema(path: path) }
                }
                try migrator.migrate(pool)
            } else {
                try pool.read { db in
                    if try migrator.hasBeenSuperseded(db) { throw CacheError.newerSchema(path: path) }
                    if try !migrator.hasCompletedMigrations(db) { throw CacheError.needsMigration(path: path) }
                }
            }
        } catch {
            throw CacheError.from(error, path: path)
        }
    }

    /// A file the user made read-only is refused for writing even when running as root, who could
    /// otherwise write through the permission bits; the user's intent is what counts.
    private static func isMarkedReadOnly(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return false }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o222 == 0 { return true }
        return !FileManager.default.isWritableFile(atPath: path)
    }

    /// Runs a read transaction, translating failures into `CacheError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw CacheError.from(error, path: path) }
    }

    /// Runs one write transaction (all or nothing), translating failures into `CacheError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard access == .readWrite else { throw CacheError.readOnly(path: path) }
        do { return try pool.write(body) } catch { throw CacheError.from(error, path: path) }
    }

    /// `PRAGMA integrity_check`'s verdict: `["ok"]` for a sound file.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

/// Whole milliseconds since 1970, the cache's storage form for dates. Integers, not `REAL` seconds: a
/// `Date` → `REAL` → `Date` round trip can move by one ulp, and a keyset cursor that moves skips or repeats
/// a row; rounding to milliseconds makes the round trip exact.
extension Date {
    var cacheValue: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(cacheValue: Int64) { self.init(timeIntervalSince1970: Double(cacheValue) / 1000) }
}

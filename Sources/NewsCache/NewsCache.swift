import Foundation
import GRDB
import NewsModel

/// The local cache: every feed, story, comment and read mark, in one SQLite file in WAL mode.
///
/// Any number of processes may open it at once, each for writing (a reader beside a `gazette refresh`
/// from cron, two readers in two terminals): SQLite's own locking serialises their writes. Each write is a
/// short IMMEDIATE transaction that waits up to `busyTimeout` for another process's to end rather than
/// failing, and WAL lets reads go on while one writes, each seeing committed transactions whole. `.readOnly`
/// is for commands that only read and for files or folders the user made read-only. Every method is
/// synchronous and thread-safe: reads run on a pool of reader connections, writes on this process's writer
/// connection.
public final class NewsCache: Sendable {
    /// How a cache is opened.
    public enum Access: Sendable, Equatable {
        /// Creates the file and migrates it if needed; writes wait their turn beside other processes.
        case readWrite
        /// Never writes; fails with `CacheError.needsMigration` when the file is older than this Gazette.
        case readOnly
    }

    /// How long a write waits for another process's transaction before giving up: long enough for the
    /// longest write Gazette makes (a `gazette vacuum` of a large cache), so nothing that could wait fails.
    public static let busyTimeout: TimeInterval = 60

    /// The page size of a new cache file. A story row (HTML body and summary, ~3 KB in a typical feed) and
    /// its search entry (~2 KB of plain text) fit one to a 4 KB page, leaving a third of the file empty;
    /// 16 KB pages hold five rows or seven entries, so a refresh writes and checkpoints ~28 % fewer bytes
    /// (measured: 220 → 160 MB for 25,000 stories, 19 % less CPU on the writer thread). A file keeps the
    /// size it was made with: WAL mode fixes it.
    static let pageSize = 16_384

    /// The writer connection's page cache. SQLite's default (2,000 KiB) held 500 pages of 4 KB but only
    /// 125 of 16 KB and raised a refresh's peak RSS by 5 MB with the larger pages; 1,500 KiB keeps the peak
    /// where it was, and costs the writer less than 1,000 KiB did (measured on a 500-feed cold refresh).
    static let writerCacheKiB = 1_500

    /// How much WAL the writer lets grow during a refresh's stores before it checkpoints on its own (SQLite's
    /// `wal_autocheckpoint`, here in bytes rather than pages). Those stores have `WALCheckpointer` copy their
    /// pages off the writer as they commit; the writer's own checkpoint is then a backstop that finds little
    /// left to copy and restarts the WAL. At SQLite's default (1,000 pages, 16 MB with 16 KB pages) the writer
    /// still waited 0.5 s of a 500-feed cold refresh on the syncs of what the last batches had added; at 64 MB,
    /// 0.1 s. It bounds the WAL that a killed refresh leaves for the next process to read again. Other writes
    /// keep SQLite's default (`defaultAutocheckpointPages`).
    static let walBackstopBytes = 64 << 20

    /// SQLite's own `wal_autocheckpoint`, which every write but a refresh's batches keeps.
    static let defaultAutocheckpointPages = 1_000

    /// The cache file.
    public let path: String
    public let access: Access
    let pool: DatabasePool
    /// Joins concurrent refresh stores into shared transactions (see `store(_:feedID:fetchedAt:fetch:) async`).
    let batcher = StoreBatcher()
    /// Checkpoints what a refresh's stores commit, beside the writer (see `WALCheckpointer`).
    let checkpointer: WALCheckpointer

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
    /// Throws `CacheError.readOnly` when the file or its folder cannot (or, by its permission bits, should
    /// not) be written: the caller may then open `.readOnly`.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        self.access = access
        checkpointer = WALCheckpointer(path: path)
        let fileManager = FileManager.default
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
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
            configuration.prepareDatabase { db in
                // WAL + NORMAL: a commit survives the process being killed at any moment (the WAL is in the
                // OS's hands); only a power cut may lose the last commits, never consistency.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Only a file not made yet takes it (GRDB turns WAL on after this, which fixes the size).
                try db.execute(sql: "PRAGMA page_size = \(NewsCache.pageSize)")
            }
        case .readOnly:
            guard fileManager.fileExists(atPath: path) else {
                throw CacheError.cannotOpen(path: path, reason: "no such file")
            }
            configuration.readonly = true
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = CacheSchema.migrator
            if access == .readWrite {
                try pool.read { db in
                    if try migrator.hasBeenSuperseded(db) { throw CacheError.newerSchema(path: path) }
                }
                do {
                    try migrator.migrate(pool)
                } catch {
                    // Two processes opening a new (or older) file at once both migrate; the one that lost
                    // the race finds the work done, which is success.
                    guard try pool.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
                }
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA cache_size = -\(NewsCache.writerCacheKiB)")
                }
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

    deinit {
        // A checkpoint still running finishes before the pool closes, so the last connection to close is the
        // writer's, which checkpoints what is left and removes the WAL.
        checkpointer.finish()
    }

    /// Closes the file now, as the last release of this cache would: the checkpoint connection, then the
    /// readers, then the writer, which copies what is left in the WAL into the file and removes the WAL.
    /// A command calls it before its process exits: the release that would close the cache can come late
    /// from another thread (a finished refresh task's last reference), and a process that exits first leaves
    /// the whole WAL, up to ~100 MB after a cold refresh, for the next open to read. Any use after this
    /// throws; closing twice does nothing.
    public func close() {
        checkpointer.finish()
        // Closing idle readers first leaves the writer as the last connection, the one that cleans up (a
        // read-only connection leaves the WAL where it is).
        pool.releaseMemory()
        try? pool.close()
    }

    /// A file or folder the user made read-only is refused for writing even when running as root, who
    /// could otherwise write through the permission bits; the user's intent is what counts. (SQLite writes
    /// its `-wal` and `-shm` files beside the cache, so the folder counts too.)
    private static func isMarkedReadOnly(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        for item in [path, directory.isEmpty ? "." : directory] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: item) else { continue }
            if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o222 == 0 { return true }
            if !FileManager.default.isWritableFile(atPath: item) { return true }
        }
        return false
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

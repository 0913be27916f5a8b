import Foundation
import GRDB

/// Copies the pages that a refresh's stores commit from the WAL into the cache file on a connection and thread of
/// its own, so that the writer, which bounds a cold refresh, does not wait for the copy and its syncs.
///
/// SQLite checkpoints on the committing connection once the WAL holds `wal_autocheckpoint` pages: it syncs the
/// WAL, copies the pages into the file and syncs the file, and the writer waits for both syncs (0.9–1.3 s of
/// a 500-feed cold refresh). A passive checkpoint runs beside the writer on another connection without
/// blocking it or its readers. After each stored batch this one copies what was committed; when the writer's
/// own checkpoint comes due (`NewsCache.walBackstopBytes`) little is left for it, and it restarts the WAL, so
/// the file stays bounded. Durability is SQLite's: a checkpoint only copies committed pages, and one cut
/// short by a crash is finished by the next.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked Sendable: `scheduled` is only touched under `lock`; `connection` only on `queue`.
    private let path: String
    private let queue = DispatchQueue(label: "gazette-cache-checkpoint", qos: .utility)
    private let lock = NSLock()
    private var scheduled = false
    private var connection: DatabaseQueue?

    init(path: String) {
        self.path = path
    }

    /// Asks for a passive checkpoint soon. Requests made while one waits to start are the same request; one
    /// made while a checkpoint runs starts another after it, which copies what was committed meanwhile.
    func checkpointSoon() {
        let start = lock.withLock {
            if scheduled { return false }
            scheduled = true
            return true
        }
        guard start else { return }
        queue.async {
            self.lock.withLock { self.scheduled = false }
            self.checkpoint()
        }
    }

    /// Waits until the checkpoints asked for so far have run, then closes the connection (a later request
    /// opens it again).
    func finish() {
        queue.sync { connection = nil }
    }

    /// On `queue`. A failure (the file locked by another process's checkpoint, a full disk) leaves the pages
    /// in the WAL for the next checkpoint, this one's or the writer's.
    private func checkpoint() {
        do {
            if connection == nil {
                var configuration = Configuration()
                configuration.label = "gazette-cache-checkpoint"
                configuration.prepareDatabase { db in
                    // A checkpoint syncs as its own connection says: the same level as the writer's.
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            try connection?.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch {
            connection = nil
        }
    }
}

import Foundation
import GRDB
import NewsModel

/// Group commit for refreshes: the stores that arrive while the writer is busy are written together, in
/// one transaction, as soon as it is free.
///
/// A refresh of hundreds of feeds asks for hundreds of small writes. Each transaction costs a WAL commit,
/// and FTS5 writes its pending index data as a new segment at every commit, which it must later merge;
/// measured with 10,000 stories over 500 feeds, writing ten feeds per transaction cut SQLite's CPU by a
/// third. Nothing waits to fill a batch: a store that finds the writer idle is written at once.
final class StoreBatcher: @unchecked Sendable {
    // @unchecked Sendable: `pending` and `draining` are only touched while holding `lock`.

    /// One `store` waiting for the writer.
    struct Job: Sendable {
        let document: PreparedDocument
        let feedID: FeedID
        let fetchedAt: Date
        let fetch: FetchRecord?
        let continuation: CheckedContinuation<StoreSummary, any Error>
    }

    /// At most this many entries go into one transaction, so one batch stays a short write.
    static let maximumEntries = 5_000

    private let lock = NSLock()
    private var pending: [Job] = []
    private var draining = false

    /// Queues `job`; starts a drain on the writer unless one is running (it will take the job).
    func enqueue(_ job: Job, cache: NewsCache) {
        let start = lock.withLock {
            pending.append(job)
            if draining { return false }
            draining = true
            return true
        }
        if start {
            cache.pool.asyncWriteWithoutTransaction { db in self.drain(db, cache: cache) }
        }
    }

    /// On the writer: writes batches until nothing is pending. Meanwhile the writer's own checkpoint waits
    /// for `NewsCache.walBackstopBytes` of WAL, since `WALCheckpointer` copies each batch that stored stories;
    /// other writes find SQLite's default again.
    private func drain(_ db: Database, cache: NewsCache) {
        let pageSize = (try? Int.fetchOne(db, sql: "PRAGMA page_size")) ?? NewsCache.pageSize
        try? db.execute(sql: "PRAGMA wal_autocheckpoint = \(NewsCache.walBackstopBytes / max(pageSize, 512))")
        defer { try? db.execute(sql: "PRAGMA wal_autocheckpoint = \(NewsCache.defaultAutocheckpointPages)") }
        while let batch = takeBatch() {
            if write(batch, db, cache: cache) { cache.checkpointer.checkpointSoon() }
        }
    }

    /// The next jobs to write together, or nil (and no longer draining) when there are none.
    private func takeBatch() -> [Job]? {
        lock.withLock {
            guard !pending.isEmpty else {
                draining = false
                return nil
            }
            var entries = 0
            var count = 0
            for job in pending {
                if count > 0 && entries + job.document.entries.count > Self.maximumEntries { break }
                entries += job.document.entries.count
                count += 1
            }
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            return batch
        }
    }

    /// Writes `batch` in one transaction. A feed that no longer exists fails alone (`apply` checks before
    /// writing anything); any other error rolls the whole transaction back and fails every job in it.
    /// Returns whether story rows were committed (a batch of 304 answers writes a few feed rows only, which
    /// the writer's own checkpoint can take).
    private func write(_ batch: [Job], _ db: Database, cache: NewsCache) -> Bool {
        var results: [Result<StoreSummary, any Error>] = []
        do {
            try db.inTransaction {
                results = []
                for job in batch {
                    do {
                        results.append(.success(try cache.apply(job.document, feedID: job.feedID,
                                                                fetchedAt: job.fetchedAt, fetch: job.fetch, db)))
                    } catch CacheError.unknownFeed(let id) {
                        results.append(.failure(CacheError.unknownFeed(id)))
                    }
                }
                return .commit
            }
        } catch {
            let failure = CacheError.from(error, path: cache.path)
            results = batch.map { _ in .failure(failure) }
        }
        var storedStories = false
        for (job, result) in zip(batch, results) {
            if case .success(let summary) = result, summary.inserted + summary.updated > 0 { storedStories = true }
            job.continuation.resume(with: result)
        }
        return storedStories
    }
}

import Foundation
import GRDB
import NewsModel
import Testing
@testable import NewsCache

/// Counts the story rows each committed transaction inserted (on the writer's queue only).
private final class CommitSizes: TransactionObserver, @unchecked Sendable {
    // @unchecked Sendable: GRDB calls the observer on the writer's queue only; the test reads `sizes` after
    // every write has finished.
    private(set) var sizes: [Int] = []
    private var current = 0

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "stories" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) { current += 1 }
    func databaseDidCommit(_ db: Database) {
        if current > 0 { sizes.append(current) }
        current = 0
    }
    func databaseDidRollback(_ db: Database) { current = 0 }
}

/// The refresh's group commit (`StoreBatcher`): stores arriving together share transactions, and no
/// transaction grows past `maximumEntries` entries, so a big refresh is many short writes, not one long one
/// that holds the writer (and the memory of every queued document) until it ends.
@Suite("Group commit of refresh stores")
struct GroupCommitTests {
    @Test("Many concurrent stores commit in bounded transactions and lose nothing")
    func boundedTransactions() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feeds = try (0..<40).map { try cache.addFeed(url: "https://example.org/feed/\($0)") }
        let observer = CommitSizes()
        cache.pool.add(transactionObserver: observer, extent: .databaseLifetime)
        let perFeed = 400
        try await withThrowingTaskGroup(of: StoreSummary.self) { group in
            for (index, feed) in feeds.enumerated() {
                group.addTask {
                    try await cache.store(FeedDocument(title: "Feed \(index)",
                                                       entries: entries(perFeed, prefix: "f\(index)")),
                                          feedID: feed, fetchedAt: referenceDate)
                }
            }
            for try await summary in group { #expect(summary.inserted == perFeed) }
        }
        try await cache.pool.write { _ in }  // every queued batch has run
        let sizes = observer.sizes
        #expect(sizes.reduce(0, +) == feeds.count * perFeed)
        #expect(sizes.allSatisfy { $0 <= StoreBatcher.maximumEntries }, "commit sizes: \(sizes)")
        #expect(try cache.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stories") } == feeds.count * perFeed)
    }

    @Test("One document larger than the bound is written alone, whole")
    func oversizedDocumentAlone() async throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let big = try cache.addFeed(url: "https://example.org/big")
        let small = try cache.addFeed(url: "https://example.org/small")
        let observer = CommitSizes()
        cache.pool.add(transactionObserver: observer, extent: .databaseLifetime)
        let bigCount = StoreBatcher.maximumEntries + 10
        async let first = cache.store(FeedDocument(entries: entries(bigCount, prefix: "big")), feedID: big,
                                      fetchedAt: referenceDate)
        async let second = cache.store(FeedDocument(entries: entries(30, prefix: "small")), feedID: small,
                                       fetchedAt: referenceDate)
        let (a, b) = try await (first, second)
        #expect(a.inserted == bigCount && b.inserted == 30)
        #expect(observer.sizes.filter { $0 > StoreBatcher.maximumEntries } == [bigCount])
    }
}

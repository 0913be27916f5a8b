import Foundation
import GRDB

/// Another connection holding the cache's write lock, as a refresh in another process does while it stores:
/// the reader's writes wait (SQLite's busy timeout) until `release()`, while its reads go on (WAL).
final class HeldWriter: @unchecked Sendable {
    // @unchecked Sendable: GRDB's queue serialises every use of the connection.
    private let connection: DatabaseQueue

    /// Opens `path` and takes the write lock (`BEGIN IMMEDIATE`) until `release()`.
    init(path: String) throws {
        var configuration = Configuration()
        // The transaction is left open between accesses on purpose: that is the hold.
        configuration.allowsUnsafeTransactions = true
        connection = try DatabaseQueue(path: path, configuration: configuration)
        try connection.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    }

    /// Ends the transaction (nothing was written), letting waiting writers in.
    func release() {
        try? connection.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
    }

    /// Releases after `seconds` on another thread.
    func release(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { self.release() }
    }

    deinit { release() }
}

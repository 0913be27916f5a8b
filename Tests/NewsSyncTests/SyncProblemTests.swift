import Foundation
import NewsCache
import NewsModel
import NewsSources
import Testing
import TestSupport
@testable import NewsSync

/// Each failed sync leaves its kind with the account, so the feed list and `gazette feeds` can say
/// "wrong password" or "unreachable" without reading the message.
@Suite struct SyncProblemTests {
    func status(_ setup: GReaderSyncTests.Setup) throws -> SyncAccountStatus? {
        try setup.cache.accountStatuses().first { $0.name == "fresh" }
    }

    @Test func eachFailureIsStoredWithItsKindAndAWorkingSyncClearsIt() async throws {
        let setup = try GReaderSyncTests.Setup(feeds: 1, items: 3)
        // Whole seconds: the cache keeps milliseconds.
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded())
        _ = await setup.sync(password: "wrong", now: start)
        #expect(try status(setup)?.problem == .wrongPassword)
        #expect(try status(setup)?.problemLabel == "wrong password")
        #expect(try status(setup)?.lastAttempt == start)
        #expect(try status(setup)?.lastSynced == nil)

        setup.fixture.fail(.html)
        _ = await setup.sync(now: start.addingTimeInterval(1))
        #expect(try status(setup)?.problem == .notTheAPI)

        setup.fixture.fail(.status(429, retryAfter: 120))
        _ = await setup.sync(now: start.addingTimeInterval(2))
        #expect(try status(setup)?.problem == .busy)
        #expect(try status(setup)?.retryAfter != nil)

        let fine = await setup.sync(now: start.addingTimeInterval(3600))
        #expect(fine.error == nil)
        #expect(try status(setup)?.isFailing == false)
        #expect(try status(setup)?.problem == nil)
        #expect(try status(setup)?.lastSynced == start.addingTimeInterval(3600))

        setup.fixture.stop()
        _ = await setup.sync(now: start.addingTimeInterval(3700))
        #expect(try status(setup)?.problem == .unreachable)
        #expect(try status(setup)?.lastSynced == start.addingTimeInterval(3600), "the last good sync is kept")
    }

    @Test func theKindFollowsTheError() {
        #expect(SyncError.http(status: 500, retryAfter: nil).problem == .serverError)
        #expect(SyncError.http(status: 503, retryAfter: nil).problem == .busy)
        #expect(SyncError.unreachable(.tooLarge(limit: 1 << 20)).problem == .tooLarge)
        #expect(SyncError.password("exit status 1").problem == .passwordCommand)
        #expect(SyncError.refused("API_DISABLED").problem == .refused)
    }
}

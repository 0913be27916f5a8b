import Foundation
import NewsModel
import ReaderCore

/// The runtime's refresh machinery: runs a refresh as an effect's work, hands its progress back to the
/// loop at most `progressSpacing` apart (so a 500-feed refresh costs the screen ~10 redraws a second, not
/// 500), and fires the automatic-refresh timer.
@MainActor
final class RefreshDriver {
    /// The least time between two progress actions.
    static let progressSpacing: Duration = .milliseconds(100)

    private let refresher: (any FeedRefreshing)?
    private let interval: TimeInterval?
    private var nextAutomatic: Date?
    private var current: (id: RequestID, box: ProgressBox)?
    private var lastEmitted: ContinuousClock.Instant?
    /// Where refreshes run: off the cooperative pool, so the reader's loop never waits behind them.
    private let executor: BackgroundExecutor?
    /// Re-reads the urls file into the cache before each refresh (see `RefreshOptions.subscriptions`).
    private let subscriptions: (@Sendable () throws -> [String])?
    /// Syncs every account (nil) after the feeds of a refresh of everything (and at start), or one.
    private let sync: (@Sendable (_ account: String?) async -> SyncOutcome)?
    /// Applies the subscriptions read at start (see `RefreshOptions.applyOnStart`).
    private let applyOnStart: (@Sendable () throws -> Bool)?

    /// - Parameter intervalMinutes: minutes between automatic refreshes, counted from `start`; 0 is off.
    init(refresher: (any FeedRefreshing)?, intervalMinutes: Int, start: Date,
         subscriptions: (@Sendable () throws -> [String])? = nil,
         sync: (@Sendable (_ account: String?) async -> SyncOutcome)? = nil,
         applyOnStart: (@Sendable () throws -> Bool)? = nil) {
        self.refresher = refresher
        self.subscriptions = subscriptions
        self.sync = sync
        self.applyOnStart = applyOnStart
        interval = intervalMinutes > 0 && refresher != nil ? TimeInterval(intervalMinutes) * 60 : nil
        nextAutomatic = interval.map { start.addingTimeInterval($0) }
        executor = refresher == nil ? nil
            : BackgroundExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))
    }

    isolated deinit { executor?.stop() }

    var isAvailable: Bool { refresher != nil }

    /// The work of a `.refresh` effect: reads the feeds, refreshes those in scope, answers with the tally.
    func work(for request: RefreshRequest) -> @Sendable (any ReaderStore) async -> Action? {
        let box = ProgressBox()
        current = (request.id, box)
        lastEmitted = nil
        let refresher = self.refresher
        let executor = self.executor
        // The start-up fetch follows the start's own update from the urls file: reading the file again
        // would only repeat it.
        let subscriptions = request.scope == .unfetched && applyOnStart != nil ? nil : self.subscriptions
        let sync = self.sync
        return { store in
            guard let refresher else {
                return .refreshFinished(request.id, RefreshTally(done: 0, total: 0, errors: 1,
                                                                 firstError: "refreshing is not available"))
            }
            let feeds: [Feed]
            var problems: [String] = []
            do {
                if let subscriptions { problems = try subscriptions() }
                feeds = try await store.feeds()
            } catch {
                return .refreshFinished(request.id, RefreshTally(done: 0, total: 0, errors: 1,
                                                                 firstError: "cannot read the feeds: \(error)"))
            }
            var chosen: [Feed] = []
            var accounts = AccountChoice.noAccount
            switch request.scope {
            case .all:
                chosen = feeds
                accounts = .every
            case .unfetched:
                chosen = feeds.filter { $0.lastFetched == nil && $0.kind != .sample }
                accounts = .every
            case .feed(let id, _):
                chosen = feeds.filter { $0.id == id }
                // A synced feed is fetched by its account's sync, never on its own.
                if let account = chosen.first?.account {
                    accounts = .one(account)
                    box.setAccount(account)
                }
            case .account(let name):
                accounts = .one(name)
            }
            let inScope = chosen
            let report = await withTaskExecutorPreference(executor) {
                await refresher.refresh(inScope, force: false) { box.set($0) }
            }
            let failures = report.failures
            if case .every = accounts, sync != nil { box.setSyncingAll() }
            let synced = await accounts.sync(with: sync)
            let first = failures.first.map { outcome -> String in
                let name = outcome.title.isEmpty ? outcome.url : outcome.title
                if case .failed(let message) = outcome.status { return "\(name): \(message)" }
                return name
            } ?? synced.failures.first ?? problems.first
            let total = report.outcomes.count + synced.accounts
            return .refreshFinished(request.id, RefreshTally(done: total, total: total,
                                                             newStories: report.newStories + synced.newStories,
                                                             errors: failures.count + synced.failures.count,
                                                             firstError: first, syncedAccount: box.account,
                                                             accounts: synced.accounts))
        }
    }

    /// The work of an `.applySubscriptions` effect, on the refresh's threads: a first start with a large
    /// urls file writes thousands of feeds, which must not take the loop's thread or the cooperative pool.
    func applyWork(_ id: RequestID) -> @Sendable (any ReaderStore) async -> Action? {
        let apply = applyOnStart
        let executor = self.executor
        return { _ in
            guard let apply else { return .subscriptionsApplied(id, changed: false, failure: nil) }
            return await withTaskExecutorPreference(executor) {
                do {
                    return .subscriptionsApplied(id, changed: try apply(), failure: nil)
                } catch {
                    return .subscriptionsApplied(id, changed: false, failure: "\(error)")
                }
            }
        }
    }

    /// Actions due now: the latest progress (if it changed and the last one is old enough) and the timer.
    func dueActions(now: Date) -> [Action] {
        var actions: [Action] = []
        let instant = ContinuousClock.now
        if let current, lastEmitted.map({ instant - $0 >= Self.progressSpacing }) ?? true,
           case let (progress, account, syncingAll)? = current.box.takeChanged() {
            lastEmitted = instant
            var tally = RefreshTally(done: progress?.done ?? 0, total: progress?.total ?? 0,
                                     newStories: progress?.newStories ?? 0, errors: progress?.errors ?? 0,
                                     syncedAccount: account)
            tally.isSyncingAccounts = syncingAll
            actions.append(.refreshProgressed(current.id, tally, at: now))
        }
        if let interval, let next = nextAutomatic, now >= next {
            nextAutomatic = now.addingTimeInterval(interval)
            actions.append(.refreshTimerFired)
        }
        return actions
    }
}

/// Which sync accounts a refresh syncs after its feeds.
private enum AccountChoice {
    case noAccount, every
    case one(String)

    /// Runs the sync; an account asked for by name when there is no sync at all (no `[[sync]]` left in
    /// config.toml, its feeds still in the cache) is a failure that says so.
    func sync(with sync: (@Sendable (_ account: String?) async -> SyncOutcome)?) async -> SyncOutcome {
        switch self {
        case .noAccount:
            return SyncOutcome(accounts: 0, newStories: 0, failures: [])
        case .every:
            return await sync?(nil) ?? SyncOutcome(accounts: 0, newStories: 0, failures: [])
        case .one(let name):
            guard let sync else {
                return SyncOutcome(accounts: 1, newStories: 0, failures: [SyncOutcome.notConfigured(name)])
            }
            return await sync(name)
        }
    }
}

/// The latest progress of a refresh, written from the refresh's tasks and read by the loop.
private final class ProgressBox: @unchecked Sendable {
    // @unchecked Sendable: `latest`, `synced`, `syncingAll` and `changed` are only touched under `lock`.
    private let lock = NSLock()
    private var latest: RefreshProgress?
    private var synced: String?
    private var syncingAll = false
    private var changed = false

    func set(_ progress: RefreshProgress) {
        lock.withLock { latest = progress; changed = true }
    }

    /// The refresh of one feed turned out to be a sync of its account.
    func setAccount(_ name: String) {
        lock.withLock { synced = name; changed = true }
    }

    /// The feeds are done; every account is being synced.
    func setSyncingAll() {
        lock.withLock { syncingAll = true; changed = true }
    }

    var account: String? { lock.withLock { synced } }

    /// The latest progress, account and whether the accounts are syncing, if any changed since the last call.
    func takeChanged() -> (RefreshProgress?, String?, Bool)? {
        lock.withLock {
            guard changed else { return nil }
            changed = false
            return (latest, synced, syncingAll)
        }
    }
}

import ArgumentParser
import Foundation
import NewsCache
import NewsSources
import ReaderApp
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `gazette refresh`: fetches every subscription once, for cron and scripts.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch every subscribed feed once (for cron and scripts).",
        discussion: """
            Shows a progress bar on a terminal and prints only errors otherwise (or with --quiet). Runs beside \
            open readers and other refreshes on the same cache: writes wait their turn, nothing is refused. \
            Then applies [retention] from config.toml (see gazette vacuum). Exits 0 when the refresh ran, even \
            if some feeds failed; non-zero when it could not run (bad configuration, cache unwritable, every \
            feed failed).
            """)

    @OptionGroup var location: PathOptions
    @Option(help: "Feeds fetched at once (default: refresh.jobs in config.toml, 16).") var jobs: Int?
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Flag(help: "Fetch feeds even when their server asked to wait (Retry-After).") var force = false

    func run() async throws {
        #if canImport(Glibc)
        // Before any body is fetched (see MallocThreshold).
        MallocThreshold.fix()
        #endif
        let paths = (try location.resolved())
        var settings = try loadSettings(paths)
        if let jobs {
            guard jobs >= 1 else { throw CommandFailure(message: "--jobs must be at least 1", status: 2) }
            settings.fetch.overallLimit = jobs
        }
        let subscriptions = try loadSubscriptions(paths)
        guard !subscriptions.isEmpty else {
            throw CommandFailure(message: "no subscriptions in \(paths.urlsFile); add one with: gazette add URL")
        }
        // libcurl starts up beside the cache's opening; the command never exits before it has.
        let transfers = FeedFetcher.prepareTransfers()
        defer { transfers.wait() }
        let cache: NewsCache
        do {
            cache = try NewsCache(path: paths.cacheFile)
            try SubscriptionSync.apply(subscriptions, to: cache)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        // Closed here, not by its last release: see `NewsCache.close`.
        defer { cache.close() }
        let feeds = try cache.feeds()
        let interactive = !quiet && isatty(STDERR_FILENO) == 1
        let bar = ProgressLine(enabled: interactive)
        #if os(Linux)
        // Start-up is over (arguments, settings, the cache opened): its pages need not stay resident.
        StartupPages.release()
        #endif
        let report = await Refresher(cache: cache, policy: settings.fetch, endpoints: settings.endpoints)
            .refresh(feeds, force: force) { progress in bar.show(progress) }
        bar.finish()
        for outcome in report.outcomes {
            if case .failed(let message) = outcome.status {
                printError("gazette: \(outcome.url): \(message)")
            }
            if let moved = outcome.movedTo {
                printError("gazette: \(outcome.url) has moved permanently to \(moved); update it with: "
                           + "gazette remove \(outcome.url) && gazette add \(moved)")
            }
        }
        _ = try? cache.purge(RetentionRule(keepDays: settings.keepDays, maxPerFeed: settings.maxPerFeed), now: Date())
        if !quiet && isatty(STDOUT_FILENO) == 1 { print(report.summary) }
        let attempted = report.outcomes.filter { if case .deferred = $0.status { false } else { true } }
        if !attempted.isEmpty && attempted.allSatisfy(\.isFailure) {
            throw CommandFailure(message: "every feed failed to refresh (\(report.summary))")
        }
    }
}

/// Reads the urls file for a command; bad lines are reported with their numbers and skipped.
func loadSubscriptions(_ paths: GazettePaths) throws -> [Subscription] {
    do {
        let (subscriptions, problems) = try SubscriptionsFile(path: paths.urlsFile).load()
        for problem in problems { printError("gazette: warning: \(paths.urlsFile): \(problem)") }
        return subscriptions
    } catch {
        throw CommandFailure(message: "\(error)")
    }
}

/// A one-line progress bar on standard error, redrawn in place (`\r` is ours, never a feed's).
final class ProgressLine: @unchecked Sendable {
    // @unchecked Sendable: `lastDrawn` is only touched under `lock`; progress arrives from the refresh task.
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn = -1

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: RefreshProgress) {
        guard enabled else { return }
        lock.withLock {
            guard progress.done != lastDrawn else { return }
            lastDrawn = progress.done
            let width = 30
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r\(bar) \(progress.done)/\(progress.total) feeds, \(progress.newStories) new, "
                + "\(progress.errors) errors\u{1B}[K"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }

    func finish() {
        guard enabled else { return }
        _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) }
    }
}

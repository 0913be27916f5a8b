import ArgumentParser
import Foundation
import NewsCache
import NewsSources
import NewsSync
import ReaderApp
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `gazette sync`: brings the accounts of config.toml's `[[sync]]` tables and the cache in line.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync with the aggregator accounts of config.toml ([[sync]]).",
        discussion: """
            Brings down each account's subscriptions (labels as tags), new stories and read and starred states, \
            and sends up the marks made here since the last sync (also those of gazette mark). A mark and a \
            server change of the same story: the newer wins. Shows a progress bar on a terminal and prints \
            only errors otherwise. Exits non-zero when an account failed; its marks stay queued.
            """)

    @OptionGroup var location: PathOptions
    @Option(help: ArgumentHelp("Sync only this account ([[sync]] name, else the server's host name).",
                               valueName: "name"))
    var account: String?
    @Flag(help: "Print nothing but errors.") var quiet = false

    func run() async throws {
        let paths = try location.resolved()
        let settings = try loadSettings(paths)
        var accounts = settings.syncAccounts
        guard !accounts.isEmpty else {
            throw CommandFailure(message: "no accounts: add a [[sync]] table to \(paths.configFile) (see README)", status: 2)
        }
        if let account {
            accounts = accounts.filter { $0.name == account }
            guard !accounts.isEmpty else {
                throw CommandFailure(message: "no account named '\(account)' in \(paths.configFile) (accounts: "
                                     + settings.syncAccounts.map(\.name).joined(separator: ", ") + ")", status: 2)
            }
        }
        // libcurl starts up beside the cache's opening; the command never exits before it has.
        let transfers = FeedFetcher.prepareTransfers()
        defer { transfers.wait() }
        let cache: NewsCache
        do { cache = try NewsCache(path: paths.cacheFile) } catch { throw CommandFailure(message: "\(error)") }
        // Closed here, not by its last release: see `NewsCache.close`.
        defer { cache.close() }
        let line = SyncProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let reports = await SyncEngine(cache: cache).syncAll(accounts, policy: settings.fetch) { line.show($0) }
        line.finish()
        var failed = 0
        for report in reports {
            if let error = report.error {
                failed += 1
                printError("gazette: \(report.account): \(error)")
            } else if !quiet && isatty(STDOUT_FILENO) == 1 {
                print("\(report.account): \(report.newStories) new stories, \(report.changedStates) marks from the server, "
                      + "\(report.marksSent) sent")
            }
        }
        if failed > 0 {
            throw CommandFailure(message: failed == reports.count ? "sync failed" : "\(failed) of \(reports.count) accounts failed")
        }
    }
}

/// The sync's progress on standard error, redrawn in place.
final class SyncProgressLine: @unchecked Sendable {
    // @unchecked Sendable: `last` is only touched under `lock`; progress arrives from the sync tasks.
    private let enabled: Bool
    private let lock = NSLock()
    private var last: SyncProgress?

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SyncProgress) {
        guard enabled else { return }
        lock.withLock {
            guard progress != last else { return }
            last = progress
            let width = 30
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let text = "\r\(bar) \(progress.account): \(progress.done)/\(progress.total) stories\u{1B}[K"
            _ = text.withCString { write(2, $0, strlen($0)) }
        }
    }

    func finish() {
        guard enabled else { return }
        _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) }
    }
}

import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import NewsSync
import ReaderApp
import TextSafety

/// `gazette feeds`: every subscription in the urls file (the source of truth), with its unread and total
/// counts and last error from the cache; those never fetched yet are marked so. Then each sync account of
/// config.toml (and any the cache still holds) with how its last sync went, and the feeds it brought.
/// Problems with the urls file and config.toml are reported too (on standard error), so a skipped line is
/// noticed.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List subscriptions with unread and total counts and the last refresh error.",
        discussion: """
            Lists every line of the urls file, fetched or not (never fetched ones are marked so; the reader \
            fetches them as it starts, or run gazette refresh), then each sync account ([[sync]] in \
            config.toml) with its last sync's outcome and the feeds it brought (in --json, the field account). \
            Bad lines in the urls file and config.toml are reported as warnings.
            """)

    @OptionGroup var location: CacheLocationOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// One subscription as `--json` prints it; `id` and `lastFetched` are absent until it was fetched;
    /// `account` names the sync account of a synced feed.
    struct Row: Encodable {
        var id: Int64?
        var title: String
        var url: String
        var kind: String
        var tags: [String]
        var unread: Int
        var total: Int
        var lastFetched: String?
        var lastError: String?
        var account: String?

        init(id: Int64?, title: String, url: String, kind: String, tags: [String], unread: Int, total: Int,
             lastFetched: String? = nil, lastError: String? = nil, account: String? = nil) {
            self.id = id; self.title = title; self.url = url; self.kind = kind; self.tags = tags
            self.unread = unread; self.total = total; self.lastFetched = lastFetched; self.lastError = lastError
            self.account = account
        }

        init(_ feed: Feed) {
            self.init(id: feed.id.rawValue, title: feed.title, url: feed.url, kind: feed.kind.rawValue, tags: feed.tags,
                      unread: feed.unreadCount, total: feed.totalCount,
                      lastFetched: feed.lastFetched.map(CommandDate.iso), lastError: feed.lastError,
                      account: feed.account)
        }
    }

    func run() throws {
        let paths = try location.location.resolved()
        var configured: [SyncAccount] = []
        do {
            let (settings, warnings) = try loadSettingsQuietly(paths)
            configured = settings.syncAccounts
            for warning in warnings { printError("gazette: warning: \(warning)") }
        } catch let failure as CommandFailure {
            printError("gazette: warning: \(failure.message)")
        }
        let subscriptions = try loadSubscriptions(paths)
        let directory = try location.openForReading()?.feedDirectory()
        let feeds = directory?.feeds ?? []
        let byURL = Dictionary(feeds.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = subscriptions.map { subscription -> Row in
            guard let feed = byURL[subscription.url] else {
                return Row(id: nil, title: subscription.title ?? subscription.url, url: subscription.url,
                           kind: subscription.kind.rawValue, tags: subscription.tags, unread: 0, total: 0)
            }
            return Row(feed)
        }
        let accounts = AccountListing.accounts(configured: configured, known: directory?.accounts ?? [])
        let synced = Dictionary(grouping: feeds.filter { $0.account != nil }) { $0.account ?? "" }
        if json {
            try CommandJSON.print(rows + accounts.flatMap { (synced[$0.name] ?? []).map(Row.init) })
            return
        }
        if rows.isEmpty && accounts.isEmpty {
            print("No subscriptions yet in \(paths.urlsFile); add one with: gazette add URL")
            return
        }
        let allRows = rows + synced.values.joined().map(Row.init)
        let idWidth = allRows.map { $0.id.map { String($0).count } ?? 1 }.max() ?? 1
        let countWidth = allRows.map { "\($0.unread)/\($0.total)".count }.max() ?? 3
        func show(_ row: Row) {
            let id = (row.id.map { String($0) } ?? "-").leftPadded(to: idWidth)
            let counts = "\(row.unread)/\(row.total)".leftPadded(to: countWidth)
            var line = "\(id)  \(counts)  \(Sanitizer.cleanLine(row.title))  <\(Sanitizer.cleanLine(row.url))>"
            if row.lastFetched == nil && row.lastError == nil { line += "  (never fetched)" }
            if let error = row.lastError { line += "  ! " + Sanitizer.cleanLine(error) }
            print(line)
        }
        rows.forEach(show)
        for account in accounts {
            print(Sanitizer.cleanLine(account.line))
            (synced[account.name] ?? []).map(Row.init).forEach(show)
        }
    }
}

/// The sync accounts `gazette feeds` lists: those of config.toml in its order, then any the cache still
/// holds that config.toml no longer names; each with a line on how its last sync went.
struct AccountListing {
    var name: String
    var line: String

    static func accounts(configured: [SyncAccount], known: [SyncAccountStatus]) -> [AccountListing] {
        let byName = Dictionary(known.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var listed = configured.map { account in
            AccountListing(name: account.name, line: line(name: account.name, kind: account.kind.rawValue,
                                                         status: byName[account.name], isConfigured: true))
        }
        let names = Set(configured.map(\.name))
        for status in known where !names.contains(status.name) {
            listed.append(AccountListing(name: status.name, line: line(name: status.name, kind: status.kind,
                                                                       status: status, isConfigured: false)))
        }
        return listed
    }

    /// `account home (greader): synced 2026-12-04T19:40:00Z, 2 marks to send`, or the failure with its kind:
    /// `account home (greader): unreachable at …: cannot reach the server: … (last synced …)`.
    static func line(name: String, kind: String, status: SyncAccountStatus?, isConfigured: Bool) -> String {
        var text = "account \(name) (\(kind)): "
        let synced = status?.lastSynced.map { "synced " + CommandDate.iso($0) }
        if let status, let error = status.lastError {
            text += (status.problemLabel ?? "failed")
            if let attempt = status.lastAttempt { text += " at " + CommandDate.iso(attempt) }
            text += ": " + error
            if let retry = status.retryAfter { text += "; retry after " + CommandDate.iso(retry) }
            text += " (" + (synced.map { "last " + $0 } ?? "never synced") + ")"
        } else {
            text += synced ?? "never synced (run gazette sync)"
        }
        if let queued = status?.queuedMarks, queued > 0 {
            text += queued == 1 ? ", 1 mark to send" : ", \(queued) marks to send"
        }
        if !isConfigured { text += " — no longer in config.toml" }
        return text
    }
}

extension String {
    /// Right-aligned in `width` characters (numbers in columns).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

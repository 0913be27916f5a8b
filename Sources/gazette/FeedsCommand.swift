import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import TextSafety

/// `gazette feeds`: every subscription in the urls file (the source of truth), with its unread and total
/// counts and last error from the cache; those never fetched yet are marked so. Problems with the urls file
/// and config.toml are reported too (on standard error), so a skipped line is noticed.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List subscriptions with unread and total counts and the last refresh error.",
        discussion: """
            Lists every line of the urls file, fetched or not (never fetched ones are marked so; the reader \
            fetches them as it starts, or run gazette refresh). Bad lines in the urls file and config.toml \
            are reported as warnings.
            """)

    @OptionGroup var location: CacheLocationOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// One subscription as `--json` prints it; `id` and `lastFetched` are absent until it was fetched.
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
    }

    func run() throws {
        let paths = try location.location.resolved()
        do {
            for warning in try loadSettingsQuietly(paths).1 { printError("gazette: warning: \(warning)") }
        } catch let failure as CommandFailure {
            printError("gazette: warning: \(failure.message)")
        }
        let subscriptions = try loadSubscriptions(paths)
        let feeds = try location.openForReading()?.feeds() ?? []
        let byURL = Dictionary(feeds.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = subscriptions.map { subscription -> Row in
            guard let feed = byURL[subscription.url] else {
                return Row(id: nil, title: subscription.title ?? subscription.url, url: subscription.url,
                           kind: subscription.kind.rawValue, tags: subscription.tags, unread: 0, total: 0)
            }
            return Row(id: feed.id.rawValue, title: feed.title, url: feed.url, kind: feed.kind.rawValue, tags: feed.tags,
                       unread: feed.unreadCount, total: feed.totalCount,
                       lastFetched: feed.lastFetched.map(CommandDate.iso), lastError: feed.lastError)
        }
        if json {
            try CommandJSON.print(rows)
            return
        }
        if rows.isEmpty {
            print("No subscriptions yet in \(paths.urlsFile); add one with: gazette add URL")
            return
        }
        let idWidth = rows.map { $0.id.map { String($0).count } ?? 1 }.max() ?? 1
        let countWidth = rows.map { "\($0.unread)/\($0.total)".count }.max() ?? 3
        for row in rows {
            let id = (row.id.map { String($0) } ?? "-").leftPadded(to: idWidth)
            let counts = "\(row.unread)/\(row.total)".leftPadded(to: countWidth)
            var line = "\(id)  \(counts)  \(Sanitizer.cleanLine(row.title))  <\(Sanitizer.cleanLine(row.url))>"
            if row.lastFetched == nil && row.lastError == nil { line += "  (never fetched)" }
            if let error = row.lastError { line += "  ! " + Sanitizer.cleanLine(error) }
            print(line)
        }
    }
}

extension String {
    /// Right-aligned in `width` characters (numbers in columns).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

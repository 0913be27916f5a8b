import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import TextSafety

/// `gazette feeds`: the subscriptions with their unread and total counts and last error.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List subscriptions with unread and total counts and the last refresh error.")

    @OptionGroup var location: CacheLocationOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// One feed as `--json` prints it.
    struct Row: Encodable {
        var id: Int64
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
        let feeds = try location.openForReading()?.feeds() ?? []
        if json {
            try CommandJSON.print(feeds.map {
                Row(id: $0.id.rawValue, title: $0.title, url: $0.url, kind: $0.kind.rawValue, tags: $0.tags,
                    unread: $0.unreadCount, total: $0.totalCount, lastFetched: $0.lastFetched.map(CommandDate.iso),
                    lastError: $0.lastError)
            })
            return
        }
        if feeds.isEmpty {
            print("No subscriptions yet.")
            return
        }
        let idWidth = feeds.map { String($0.id.rawValue).count }.max() ?? 1
        let countWidth = feeds.map { "\($0.unreadCount)/\($0.totalCount)".count }.max() ?? 3
        for feed in feeds {
            let id = String(feed.id.rawValue).leftPadded(to: idWidth)
            let counts = "\(feed.unreadCount)/\(feed.totalCount)".leftPadded(to: countWidth)
            var line = "\(id)  \(counts)  \(Sanitizer.cleanLine(feed.title))  <\(Sanitizer.cleanLine(feed.url))>"
            if let error = feed.lastError { line += "  ! " + Sanitizer.cleanLine(error) }
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

import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import TextSafety

/// `gazette search QUERY`: full-text search of the cache, best matches first.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search stored stories' titles and text (every word must occur; CJK words too).")

    @OptionGroup var location: CacheLocationOptions

    @Argument(help: "The words to look for.")
    var words: [String]

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, help: "At most this many results.")
    var limit = 20

    /// One result as `--json` prints it; `matches` are [start, end) character offsets.
    struct Row: Encodable {
        var id: Int64
        var feedID: Int64
        var feed: String
        var title: String
        var titleMatches: [[Int]]
        var date: String
        var snippet: String
        var snippetMatches: [[Int]]
        var read: Bool
        var starred: Bool
    }

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try location.openForReading()?.search(words.joined(separator: " "), limit: limit) ?? []
        if json {
            try CommandJSON.print(hits.map { hit in
                Row(id: hit.headline.id.rawValue, feedID: hit.headline.feedID.rawValue, feed: hit.headline.feedTitle,
                    title: hit.title.text, titleMatches: hit.title.matches.map { [$0.lowerBound, $0.upperBound] },
                    date: CommandDate.iso(hit.headline.date), snippet: hit.snippet.text,
                    snippetMatches: hit.snippet.matches.map { [$0.lowerBound, $0.upperBound] },
                    read: hit.headline.isRead, starred: hit.headline.isStarred)
            })
            return
        }
        if hits.isEmpty {
            print("No stories match.")
            return
        }
        for hit in hits {
            let title = Sanitizer.cleanLine(hit.title.marked(open: "[", close: "]"))
            let feed = Sanitizer.cleanLine(hit.headline.feedTitle)
            print("\(hit.headline.id)  \(CommandDate.text(hit.headline.date))  \(feed)  \(title)")
            let snippet = Sanitizer.cleanLine(hit.snippet.marked(open: "[", close: "]"))
            if !snippet.isEmpty { print("    " + snippet) }
        }
    }
}

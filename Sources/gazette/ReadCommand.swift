import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderApp
import ReaderCore
import TextSafety

/// `gazette read ID`: one stored story, and optionally its comments, as plain text.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print one stored story (and with --comments its comments) as text.",
        discussion: "IDs are shown by `gazette search`. Printing a story does not mark it read.")

    @OptionGroup var location: CacheLocationOptions

    @Argument(help: "The story's id.")
    var id: Int64

    @Flag(name: .long, help: "Print the comments after the story (fetched first when none are stored).")
    var comments = false

    /// Columns the text is laid out at: a terminal's usual width, so the output reads in a pager or a mail.
    static let width = 80

    /// A story or comment body as rows of plain text, laid out by ArticleText exactly as the reader lays it
    /// out (paragraphs, lists, quotes, the numbered link list after the text).
    static func rows(_ html: String, width: Int) -> [String] {
        ArticleRenderer.render(html: html, width: max(20, width)).lines.map(\.plainText)
    }

    func run() async throws {
        guard let cache = try location.openForReading(),
              let story = try cache.story(StoryID(id))
        else { throw CacheError.unknownStory(StoryID(id)) }
        print(story.title.text)  // title, feed title and author are SafeLines, cleaned when read
        var source = [story.feedTitle.text, CommandDate.text(story.displayDate)]
        if let author = story.author { source.append(author.text) }
        print(source.joined(separator: " · "))
        if let link = story.link { print(Sanitizer.cleanLine(link)) }
        print("")
        for line in Self.rows(story.bodyHTML ?? "", width: Self.width) { print(line) }
        guard comments else { return }
        let (stored, note) = try await threadFetchingIfNone(story, cache: cache)
        let thread = stored.comments
        let count = CommentCount.of(thread)
        var heading = "\(count) \(count == 1 ? "comment" : "comments")"
        if let fetchedAt = stored.fetchedAt { heading += " (fetched \(CommandDate.text(fetchedAt)))" }
        if let note { heading = thread.isEmpty ? note : heading + "; \(note)" }
        print("")
        print("── \(heading) ──")
        for comment in thread {
            let indent = String(repeating: "  ", count: min(comment.depth, 12))
            var heading = [comment.isDeleted ? "[deleted]" : (comment.author?.text ?? "anonymous")]
            if let date = comment.date { heading.append(CommandDate.text(date)) }
            if let score = comment.score { heading.append(score > 0 ? "+\(score)" : "\(score)") }
            print("")
            print(indent + heading.joined(separator: " · "))
            for line in Self.rows(comment.body, width: Self.width - indent.count) { print(indent + line) }
        }
    }

    /// The stored thread; when none was ever fetched, fetched now from its source (and stored, unless
    /// another Gazette holds the cache). The note says why there are none, or why a fetch failed.
    private func threadFetchingIfNone(_ story: Story, cache: NewsCache) async throws -> (CommentThread, String?) {
        let stored = try cache.thread(for: story.id)
        guard stored.comments.isEmpty, stored.fetchedAt == nil else { return (stored, nil) }
        let settings = try loadSettings(try location.location.resolved())
        let writer = cache.access == .readWrite ? cache : (try? NewsCache(path: cache.path, access: .readWrite))
        let fetcher = CommentFetcher(cache: writer ?? cache, settings: settings)
        switch await fetcher.fetchComments(for: story.id) {
        case .fetched(let thread): return (thread, nil)
        case .failed(let message): return (stored, "no comments: \(message)")
        case .unavailable(let message): return (stored, message)
        }
    }
}

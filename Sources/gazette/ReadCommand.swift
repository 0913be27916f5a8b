import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import TextSafety

/// `gazette read ID`: one stored story, and optionally its comments, as plain text.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print one stored story (and with --comments its comments) as text.",
        discussion: "IDs are shown by `gazette search`. Printing a story does not mark it read.")

    @OptionGroup var location: CacheLocationOptions

    @Argument(help: "The story's id.")
    var id: Int64

    @Flag(name: .long, help: "Print the stored comments after the story.")
    var comments = false

    /// Columns the text is laid out at: a terminal's usual width, so the output reads in a pager or a mail.
    static let width = 80

    /// A story or comment body as rows of plain text, laid out by ArticleText exactly as the reader lays it
    /// out (paragraphs, lists, quotes, the numbered link list after the text).
    static func rows(_ html: String, width: Int) -> [String] {
        ArticleRenderer.render(html: html, width: max(20, width)).lines.map(\.plainText)
    }

    func run() throws {
        guard let cache = try location.openForReading(),
              let story = try cache.story(StoryID(id))
        else { throw CacheError.unknownStory(StoryID(id)) }
        print(Sanitizer.cleanLine(story.title))
        var source = [Sanitizer.cleanLine(story.feedTitle), CommandDate.text(story.displayDate)]
        if let author = story.author { source.append(Sanitizer.cleanLine(author)) }
        print(source.joined(separator: " · "))
        if let link = story.link { print(Sanitizer.cleanLine(link)) }
        print("")
        for line in Self.rows(story.bodyHTML ?? "", width: Self.width) { print(line) }
        guard comments else { return }
        let thread = try cache.comments(for: story.id)
        print("")
        print("── \(thread.count) \(thread.count == 1 ? "comment" : "comments") ──")
        for comment in thread {
            let indent = String(repeating: "  ", count: min(comment.depth, 12))
            var heading = [comment.isDeleted ? "[deleted]" : Sanitizer.cleanLine(comment.author ?? "anonymous")]
            if let date = comment.date { heading.append(CommandDate.text(date)) }
            if let score = comment.score { heading.append(score > 0 ? "+\(score)" : "\(score)") }
            print("")
            print(indent + heading.joined(separator: " · "))
            for line in Self.rows(comment.body, width: Self.width - indent.count) { print(indent + line) }
        }
    }
}

import ArgumentParser
import ArticleText
import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderApp
import ReaderCore

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

    func run() async throws {
        guard let cache = try location.openForReading(),
              let story = try cache.story(StoryID(id))
        else { throw CacheError.unknownStory(StoryID(id)) }
        print(Sanitizer.cleanLine(story.title))
        var source = [Sanitizer.cleanLine(story.feedTitle), CommandDate.text(story.displayDate)]
        if let author = story.author { source.append(Sanitizer.cleanLine(author)) }
        print(source.joined(separator: " · "))
        if let link = story.link { print(Sanitizer.cleanLine(link)) }
        print("")
        print(HTMLText.plain(story.bodyHTML ?? ""))
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
            var heading = [comment.isDeleted ? "[deleted]" : Sanitizer.cleanLine(comment.author ?? "anonymous")]
            if let date = comment.date { heading.append(CommandDate.text(date)) }
            if let score = comment.score { heading.append(score > 0 ? "+\(score)" : "\(score)") }
            print("")
            print(indent + heading.joined(separator: " · "))
            for line in HTMLText.plain(comment.body).split(separator: "\n", omittingEmptySubsequences: false) {
                print(indent + line)
            }
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

/// A plain-text rendering of a safe HTML fragment for shell output: paragraphs and line breaks become
/// line breaks, list items get a bullet, links keep their URL, tags go, common entities are decoded, and
/// the result passes through `Sanitizer.clean`. The reader's own layout lives in ArticleText; this is only
/// the shell's view.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var pendingHref: String?
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" }).first.map(String.init) ?? ""
                let closing = tag.hasPrefix("/")
                switch name {
                case "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "figure", "table":
                    out += "\n\n"
                case "br", "tr":
                    out += "\n"
                case "li":
                    if !closing { out += "\n• " }
                case "a":
                    if closing {
                        if let href = pendingHref, !out.hasSuffix(href) { out += " <\(href)>" }
                        pendingHref = nil
                    } else {
                        pendingHref = attribute("href", in: String(html[index...close]))
                    }
                default:
                    break
                }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";"),
               let decoded = entity(String(html[html.index(after: index)..<semicolon])) {
                out += decoded
                index = html.index(after: semicolon)
                continue
            }
            out.append(character)
            index = html.index(after: index)
        }
        let cleaned = Sanitizer.clean(out)
        // Fold runs of blank lines and trailing spaces that tag boundaries leave behind.
        var lines: [String] = []
        for line in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            let number: UInt32? = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            return number.flatMap(Unicode.Scalar.init).map { String($0) }
        }
    }
}

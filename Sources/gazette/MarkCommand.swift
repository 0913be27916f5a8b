import ArgumentParser
import NewsCache
import NewsModel
import NewsSync

/// `gazette mark`: marks stories from scripts; marks on synced stories go up with the next sync.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark stories read, unread, starred or not (by id, as gazette search --json shows it).",
        discussion: """
            A story of a [[sync]] account keeps the mark queued in the cache until the next gazette sync (or \
            R in the reader) sends it to the server, even when it already had that state here.
            """)

    @OptionGroup var location: PathOptions
    @Argument(help: "Story ids.") var ids: [Int64]
    @Flag(exclusivity: .exclusive, help: "What to do.") var action: Action

    /// One of the four marks.
    enum Action: String, EnumerableFlag {
        case read, unread, star, unstar
    }

    func run() throws {
        let paths = try location.resolved()
        guard !ids.isEmpty else { throw CommandFailure(message: "give at least one story id", status: 2) }
        let cache: NewsCache
        do { cache = try NewsCache(path: paths.cacheFile) } catch { throw CommandFailure(message: "\(error)") }
        let mark: RemoteMark.Action = switch action {
        case .read: .read
        case .unread: .unread
        case .star: .star
        case .unstar: .unstar
        }
        let missing: [StoryID]
        do { missing = try cache.mark(ids.map { StoryID($0) }, mark) } catch { throw CommandFailure(message: "\(error)") }
        if !missing.isEmpty {
            throw CommandFailure(message: "no such story: " + missing.map { String($0.rawValue) }.joined(separator: ", "))
        }
    }
}

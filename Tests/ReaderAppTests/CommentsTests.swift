import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing
import TestSupport

/// Comments from their sources into the real cache and onto the screen: a `hackernews:top` subscription
/// refreshed from a loopback Hacker News, its thread fetched and stored, the reader showing it.
@Suite("Comments: fetching, caching and showing")
@MainActor
struct CommentsTests {
    static func temporaryCache() throws -> (NewsCache, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-comments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path), dir)
    }

    /// One Hacker News story (id 100, submitted by pat) with a thread of six comments, one of them deleted.
    static func hackerNews() -> HackerNewsFixture {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 100, type: "story", by: "pat", title: "Show HN: A pocket loom", text: "<p>I built a loom.</p>"))
        hn.add(.init(id: 101, by: "ann", text: "Lovely work.", parent: 100))
        hn.add(.init(id: 102, by: "bob", text: "How long did it take?", parent: 100))
        hn.add(.init(id: 103, parent: 100, isDeleted: true))
        hn.add(.init(id: 105, by: "carl", text: "Agreed.", parent: 101))
        hn.add(.init(id: 106, by: "pat", text: "Two years.", parent: 101))
        hn.setList("top", [100])
        return hn
    }

    static func settings(_ server: LoopbackServer) -> Settings {
        var settings = Settings()
        settings.endpoints = SourceEndpoints(hackerNewsAPI: HackerNewsFixture.apiBase(server),
                                             hackerNewsSearch: HackerNewsFixture.searchBase(server))
        settings.fetch = FetchPolicy(timeoutSeconds: 5)
        return settings
    }

    /// A cache subscribed to `hackernews:top` and refreshed from `server`; the story's id.
    static func refreshed(_ server: LoopbackServer, cache: NewsCache) async throws -> StoryID {
        _ = try cache.addFeed(url: "hackernews:top", kind: .hackerNews)
        let settings = settings(server)
        let report = await Refresher(cache: cache, policy: settings.fetch, endpoints: settings.endpoints)
            .refresh(try cache.feeds())
        #expect(report.outcomes.allSatisfy { !$0.isFailure }, "\(report.outcomes)")
        let headline = try #require(try cache.headlines(HeadlineQuery(), limit: 10).first)
        #expect(headline.title == "Show HN: A pocket loom" && headline.feedTitle == "Hacker News: top")
        return headline.id
    }

    @Test("A hackernews:top subscription refreshes; its thread is fetched, stored with the time, and counted once")
    func fetchAndStore() async throws {
        let hn = Self.hackerNews()
        let server = try LoopbackServer { hn.reply($0) }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = try await Self.refreshed(server, cache: cache)
        let first = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = LockedClock(first)
        let fetcher = CommentFetcher(cache: cache, sources: CommentSources(endpoints: Self.settings(server).endpoints,
                                                                           policy: FetchPolicy(timeoutSeconds: 5),
                                                                           pageReader: PageCommentReading.extracted),
                                     now: { clock.now })
        guard case .fetched(let thread) = await fetcher.fetchComments(for: id) else {
            Issue.record("no thread"); return
        }
        #expect(thread.comments.map(\.author) == ["ann", "carl", "pat", "bob", nil])
        #expect(thread.fetchedAt == first)
        #expect(try cache.story(id)?.commentCount == 4)
        #expect(try cache.headlines(HeadlineQuery(), limit: 1).first?.commentCount == 4)
        // A new reply arrives; fetching again keeps when each old comment was first seen.
        hn.add(.init(id: 107, by: "dana", text: "Late reply.", parent: 102))
        clock.now = first.addingTimeInterval(3600)
        guard case .fetched(let again) = await fetcher.fetchComments(for: id) else { Issue.record("no thread"); return }
        #expect(again.comments.map(\.remoteID) == ["101", "105", "106", "102", "107", "103"])
        #expect(again.comments.filter { $0.firstSeen == first }.count == 5)
        #expect(again.comments[4].firstSeen == clock.now)
        #expect(again.fetchedAt == clock.now)
    }

    @Test("A story with no comment source says so; an unreachable source says which host and why")
    func noSourceAndOffline() async throws {
        let hn = Self.hackerNews()
        let server = try LoopbackServer { hn.reply($0) }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = try await Self.refreshed(server, cache: cache)
        let plain = try cache.addFeed(url: "https://example.org/feed", title: "Plain")
        _ = try await cache.store(FeedDocument(title: "Plain", entries: [FeedEntry(id: "p1", title: "No talk")]),
                            feedID: plain, fetchedAt: Date())
        let plainID = try #require(try cache.storyID(feedID: plain, entry: FeedEntry(id: "p1")))
        let fetcher = CommentFetcher(cache: cache, settings: Self.settings(server))
        #expect(await fetcher.fetchComments(for: plainID)
                == .unavailable("No comments yet: this story names no comment feed or discussion."))
        hn.failAlgolia(with: 503)
        hn.failFirebase(with: 503)
        guard case .failed(let message) = await fetcher.fetchComments(for: id) else { Issue.record("no failure"); return }
        #expect(message == "could not reach 127.0.0.1: HTTP 503 Service Unavailable")
    }

    @Test("The reader shows the cached thread, fetches it in the background and draws it beside the story")
    func readerFetchesInBackground() async throws {
        let hn = Self.hackerNews()
        let server = try LoopbackServer { hn.reply($0) }
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await Self.refreshed(server, cache: cache)
        let backend = TestBackend(width: 180, height: 40, events: [.key(.character("c"))],
                                  whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: .utc, clock: { Date(timeIntervalSince1970: 1_790_000_600) },
                                    settlesEffectsBeforeInput: true,
                                    comments: CommentOptions(fetcher: CommentFetcher(cache: cache, settings: Self.settings(server)),
                                                             besideStory: true))
        await runtime.run()
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        // The pane opened by itself at 180 columns (c then went to it) with the fetched thread.
        let last = try #require(screens.last)
        #expect(last.contains("Comments (4)"))
        #expect(last.contains("ann") && last.contains("Lovely work.") && last.contains("[deleted]"))
        #expect(last.contains("pat (submitter)"))
        #expect(last.contains("[4]") && last.contains("4 comments"))
        #expect(runtime.currentState.focus == .comments)
    }

    @Test("Regression: the sample's long thread shows one count in the list, the header and the pane (was 44 and 45)")
    func sampleCountsAgree() async throws {
        let (cache, dir) = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleEdition.load(into: cache)
        let headlines = try cache.headlines(HeadlineQuery(), limit: 100)
        let index = try #require(headlines.firstIndex { $0.title.text.hasPrefix("We moved our CI from the cloud") })
        let comments = try cache.comments(for: headlines[index].id)
        #expect(comments.count == 45 && comments.filter(\.isDeleted).count == 1)
        let backend = TestBackend(width: 200, height: 50,
                                  events: Array(repeating: .key(.down), count: index) + [.key(.character("c"))],
                                  whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    timeZone: .utc, clock: { Date(timeIntervalSince1970: 1_795_000_000) },
                                    settlesEffectsBeforeInput: true)
        await runtime.run()
        let last = try #require(backend.frames.last).lines.joined(separator: "\n")
        #expect(last.contains("Comments (44)"))
        #expect(last.contains("44 comments"))
        #expect(last.contains("[44]"))
    }
}

/// A clock a test can move.
final class LockedClock: @unchecked Sendable {
    // @unchecked Sendable: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Date
    init(_ date: Date) { stored = date }
    var now: Date {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

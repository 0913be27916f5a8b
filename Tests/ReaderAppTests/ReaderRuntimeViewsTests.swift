import Foundation
import NewsCache
import NewsModel
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing

@Suite("ReaderRuntime: views, marks, the feed list and search over a real cache")
@MainActor
struct ReaderRuntimeViewsTests {
    /// Runs the reader over `store` with `events`, then Ctrl-C.
    func run(_ events: [InputEvent], store: NewsCache, markReadOnOpen: Bool = true) async -> (TestBackend, ReaderRuntime) {
        let backend = TestBackend(width: 160, height: 48, events: events, whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: store, theme: .builtinDefault,
                                    timeZone: .utc, clock: { Fixtures.now },
                                    settlesEffectsBeforeInput: true, markReadOnOpen: markReadOnOpen)
        await runtime.run()
        return (backend, runtime)
    }

    func keys(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }
    func text(_ screen: Screen?) -> String { screen?.lines.joined(separator: "\n") ?? "" }

    @Test("F, End, Enter switches to the last feed: only its stories, titled with its name")
    func switchToFeed() async throws {
        let store = Fixtures.store()
        let (backend, runtime) = await run(keys("F") + [.key(.end), .key(.enter)], store: store)
        let state = runtime.currentState
        let wire = try #require(try store.feeds().first { $0.title == "Sample Wire" })
        #expect(state.list.query.scope == .feed(wire.id))
        #expect(state.list.total == 14)
        #expect(state.list.rows.allSatisfy { $0.feedID == wire.id })
        let screen = text(backend.lastFrame)
        #expect(screen.contains("Headlines · Sample Wire"))
        #expect(!screen.contains("Surprise turnaround"))
    }

    @Test("the feed list shows both feeds with their counts")
    func feedListShown() async throws {
        let store = Fixtures.store()
        let backend = TestBackend(width: 160, height: 48, events: keys("F"), whenExhausted: nil)
        let runtime = ReaderRuntime(backend: backend, store: store, theme: .builtinDefault, clock: { Fixtures.now },
                                    settlesEffectsBeforeInput: true)
        backend.enqueue(.key(.control("c")))
        await runtime.run()
        let frame = try #require(backend.frames.last { $0.lines.joined().contains("Feeds · unread/total") })
        let lines = frame.lines
        #expect(lines.contains { $0.hasPrefix("   All stories") && $0.contains("15/15") })
        #expect(lines.contains { $0.hasPrefix("   MercoPress") && $0.contains("1/1") })
        #expect(lines.contains { $0.hasPrefix("   Sample Wire") && $0.contains("14/14") })
    }

    @Test("u after reading the seed story lists only the unread ones")
    func unreadOnly() async throws {
        let store = Fixtures.store()
        let (backend, runtime) = await run([.key(.enter), .key(.escape)] + keys("u"), store: store)
        let state = runtime.currentState
        #expect(state.list.query.unreadOnly)
        #expect(state.list.total == 14)
        #expect(!state.list.rows.contains { $0.title.text == Fixtures.seedTitle })
        #expect(text(backend.lastFrame).contains("All stories (unread)"))
    }

    @Test("s stars the story in the cache, and * lists it alone")
    func star() async throws {
        let store = Fixtures.store()
        let (_, runtime) = await run(keys("s*"), store: store)
        let seedID = try #require(try Fixtures.id(of: Fixtures.seed, in: store))
        #expect(try store.story(seedID)?.isStarred == true)
        #expect(runtime.currentState.list.query.scope == .starred)
        #expect(runtime.currentState.list.rows.map(\.id) == [seedID])
    }

    @Test("N toggles read in the cache")
    func toggleRead() async throws {
        let store = Fixtures.store()
        let seedID = try #require(try Fixtures.id(of: Fixtures.seed, in: store))
        _ = await run(keys("N"), store: store)
        #expect(try store.story(seedID)?.isRead == true)
        _ = await run(keys("NN"), store: store)
        #expect(try store.story(seedID)?.isRead == true)
        _ = await run(keys("N"), store: store)
        #expect(try store.story(seedID)?.isRead == false)
    }

    @Test("A on a filler story marks its whole feed read, and only that feed")
    func markFeedRead() async throws {
        let store = Fixtures.store()
        let (backend, runtime) = await run([.key(.down)] + keys("A"), store: store)
        let feeds = try store.feeds()
        #expect(feeds.first { $0.title == "Sample Wire" }?.unreadCount == 0)
        #expect(feeds.first { $0.title == "MercoPress" }?.unreadCount == 1)
        let state = runtime.currentState
        #expect(state.list.unread == 1)
        #expect(state.list.rows.filter { !$0.isRead }.map(\.title.text) == [Fixtures.seedTitle])
        #expect(text(backend.lastFrame).contains("Marked 14 stories of Sample Wire read"))
    }

    @Test("/ Maduro Enter lists the seed story with the word highlighted; Esc returns to all stories")
    func search() async throws {
        let store = Fixtures.store()
        let backend = TestBackend(width: 160, height: 48, events: keys("/Maduro") + [.key(.enter)], whenExhausted: nil)
        let runtime = ReaderRuntime(backend: backend, store: store, theme: .builtinDefault, clock: { Fixtures.now },
                                    settlesEffectsBeforeInput: true)
        backend.enqueue(.key(.escape), .key(.control("c")))
        await runtime.run()
        let results = try #require(backend.frames.last { $0.lines[0].contains("Search: Maduro") })
        #expect(results.lines[1].contains("Surprise turnaround"))
        #expect(!text(results).contains("Filler story"))
        #expect(results.lines[47].hasPrefix(" Search: Maduro  1/1"))
        let state = runtime.currentState
        #expect(state.list.query == HeadlineQuery())
        #expect(state.list.total == 15)
    }

    @Test("the search's matched words reach the state for highlighting")
    func searchMatches() async throws {
        let store = Fixtures.store()
        let backend = TestBackend(width: 160, height: 48, events: keys("/maduro") + [.key(.enter)], whenExhausted: nil)
        let runtime = ReaderRuntime(backend: backend, store: store, theme: .builtinDefault, clock: { Fixtures.now },
                                    settlesEffectsBeforeInput: true)
        backend.enqueue(.key(.control("c")))
        await runtime.run()
        let seedID = try #require(try Fixtures.id(of: Fixtures.seed, in: store))
        let state = runtime.currentState
        #expect(state.list.rows.map(\.id) == [seedID])
        #expect(state.views.titleMatches[seedID]?.map { $0.lowercased() } == ["maduro"])
    }

    @Test("with markReadOnOpen off, opening a story leaves it unread")
    func markReadOnOpenOff() async throws {
        let store = Fixtures.store()
        _ = await run([.key(.enter)], store: store, markReadOnOpen: false)
        let seedID = try #require(try Fixtures.id(of: Fixtures.seed, in: store))
        #expect(try store.story(seedID)?.isRead == false)
    }
}

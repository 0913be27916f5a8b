import Foundation
import NewsCache
import NewsModel
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing

@Suite("ReaderRuntime drives the reader through a test backend")
@MainActor
struct ReaderRuntimeTests {
    /// Runs the reader over `store` with `keys`, then Ctrl-C if the keys did not quit, and returns the backend.
    func run(_ events: [InputEvent], store: any ReaderStore = Fixtures.store(), width: Int = 160, height: Int = 48,
             hint: String? = nil) async -> (TestBackend, ReaderRuntime) {
        let backend = TestBackend(width: width, height: height, events: events, whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: store, theme: .builtinDefault, hint: hint,
                                    timeZone: .utc, clock: { Fixtures.now },
                                    settlesEffectsBeforeInput: true)
        await runtime.run()
        return (backend, runtime)
    }

    func text(_ screen: Screen?) -> String { screen?.lines.joined(separator: "\n") ?? "" }

    @Test("the first frame lists the seed headline and shows its story beside the list")
    func firstFrame() async throws {
        let (backend, _) = await run([])
        let first = try #require(backend.frames.first { $0.lines.joined().contains("Surprise turnaround") })
        #expect(text(first).contains("MercoPress"))
        #expect(text(backend.frames.last).contains("White House admitted on"))
    }

    @Test("Ctrl-L repaints the whole screen: the backend forgets what it drew and the same frame is drawn again")
    func redraw() async throws {
        let (backend, _) = await run([.key(.control("l"))])
        #expect(backend.invalidations == 1)
        let frames = backend.frames.filter { $0.lines.joined().contains("Surprise turnaround") }
        #expect(frames.count >= 2 && frames[frames.count - 1] == frames[frames.count - 2])
    }

    @Test("C then y marks every story of the view read in the cache")
    func markViewRead() async throws {
        let store = Fixtures.store()
        #expect(try store.count(HeadlineQuery(unreadOnly: true)) > 0)
        _ = await run([.key(.character("C")), .key(.character("y"))], store: store)
        #expect(try store.count(HeadlineQuery(unreadOnly: true)) == 0)
    }

    @Test("without settling for tests, the very first frame drawn already lists the headlines")
    func firstFrameComplete() async throws {
        // The wait is bounded in the product (150 ms); here it is long enough never to run out on a busy machine.
        let backend = TestBackend(width: 160, height: 48, events: [], whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    timeZone: .utc, clock: { Fixtures.now },
                                    firstFrameWait: .seconds(60))
        await runtime.run()
        let first = text(backend.frames.first)
        #expect(first.contains("Surprise turnaround"))
        #expect(first.contains("Filler story number 5"))
        #expect(!first.contains("Loading headlines"))
    }

    @Test("down moves the selection to the second headline")
    func downMovesSelection() async throws {
        let store = Fixtures.store()
        let (_, runtime) = await run([.key(.down)], store: store)
        #expect(runtime.currentState.list.selected == 1)
        #expect(runtime.currentState.articleStoryID == (try Fixtures.id(of: Fixtures.filler(0), in: store)))
    }

    @Test("Enter opens the story full-screen, Esc returns to the list")
    func openAndBack() async throws {
        let backend = TestBackend(width: 160, height: 48, events: [.key(.enter)], whenExhausted: nil)
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, settlesEffectsBeforeInput: true)
        backend.enqueue(.key(.escape), .key(.character("q")))
        await runtime.run()
        let full = try #require(backend.frames.first { $0.lines.joined().contains("full screen") })
        #expect(text(full).contains("White House admitted on Monday"))
        #expect(!text(full).contains("Filler story number 0"))
        #expect(text(backend.lastFrame).contains("Filler story number 0"))
        #expect(runtime.currentState.mode == .normal)
        #expect(runtime.currentState.isQuitting)
    }

    @Test("opening a story marks it read in the store")
    func openMarksRead() async throws {
        let store = Fixtures.store()
        _ = await run([.key(.enter)], store: store)
        let seedID = try #require(try Fixtures.id(of: Fixtures.seed, in: store))
        let story = try #require(try store.story(seedID))
        #expect(story.isRead)
    }

    @Test("c shows the comment pane with both comments")
    func commentsShown() async {
        let (backend, runtime) = await run([.key(.character("c"))])
        let screen = text(backend.lastFrame)
        #expect(screen.contains("imoyaro"))
        #expect(screen.contains("Tænk"))
        #expect(screen.contains("Comments (2)"))
        #expect(runtime.currentState.focus == .comments)
    }

    @Test("q on the headline list quits")
    func qQuits() async {
        let (backend, runtime) = await run([.key(.character("q"))])
        #expect(runtime.currentState.isQuitting)
        #expect(backend.pendingEvents.isEmpty)
    }

    @Test("resizing to 80x24 and 50x15 keeps the panes readable")
    func resizing() async {
        let (backend, _) = await run([.resize(width: 80, height: 24), .key(.enter), .key(.escape),
                                      .resize(width: 50, height: 15)])
        let narrow = text(backend.lastFrame)
        #expect(narrow.contains("Surprise turnaround"))
        #expect(backend.lastFrame?.width == 50)
        let medium = backend.frames.first { $0.width == 80 }
        #expect(text(medium).contains("Surprise turnaround"))
    }

    @Test("a termination request (a signal) ends the run from any view")
    func terminate() async {
        let backend = TestBackend(width: 80, height: 24, events: [.key(.enter), .key(.character("c")), .terminate])
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, settlesEffectsBeforeInput: true)
        await runtime.run()
        #expect(runtime.currentState.isQuitting)
        #expect(backend.pendingEvents.isEmpty)
    }

    @Test("the hint shows in the status bar")
    func hint() async {
        let (backend, _) = await run([], hint: "No subscriptions yet: this is the sample edition.")
        #expect(backend.lastFrame?.lines.last?.contains("No subscriptions yet") == true)
    }

    @Test("paging down through 500 stories keeps only a window of rows")
    func pagingWindow() async {
        var events: [InputEvent] = Array(repeating: .key(.pageDown), count: 30)
        events.append(.key(.end))
        let (backend, runtime) = await run(events, store: Fixtures.store(fillerCount: 499))
        let state = runtime.currentState
        #expect(state.list.selected == 499)
        #expect(state.list.total == 500)
        #expect(state.list.rows.count < 300)
        #expect(text(backend.lastFrame).contains("500/500"))
        #expect(text(backend.lastFrame).contains("Filler story number 498"))
    }

    @Test("a store failure becomes a status message, not a crash")
    func failureBecomesMessage() async {
        let (backend, runtime) = await run([], store: FailingStore())
        #expect(runtime.currentState.isQuitting)
        #expect(text(backend.lastFrame).contains("Could not load headlines: disk on fire"))
    }
}

/// A store whose every read fails, to check that failures reach the status bar.
struct FailingStore: ReaderStore {
    struct Failure: Error, CustomStringConvertible { var description: String { "disk on fire" } }
    func feeds() async throws -> [Feed] { throw Failure() }
    func headlinePage(_ query: HeadlineQuery, _ direction: PageDirection, limit: Int) async throws -> HeadlinePage {
        throw Failure()
    }
    func count(_ query: HeadlineQuery) async throws -> Int { throw Failure() }
    func story(_ id: StoryID) async throws -> Story? { throw Failure() }
    func comments(for id: StoryID) async throws -> [NewsModel.Comment] { throw Failure() }
    func setRead(_ id: StoryID, _ isRead: Bool) async throws { throw Failure() }
    func setStarred(_ id: StoryID, _ isStarred: Bool) async throws { throw Failure() }
    func feedDirectory() async throws -> FeedDirectory { throw Failure() }
    func markFeedRead(_ feedID: FeedID) async throws -> Int { throw Failure() }
    func search(_ text: String, limit: Int) async throws -> [SearchHit] { throw Failure() }
    func setExtraction(_ html: String?, note: String?, for id: StoryID) async throws { throw Failure() }
    func extractionCandidates(limit: Int) async throws -> [ExtractionCandidate] { throw Failure() }
    func markRead(matching query: HeadlineQuery) async throws -> Int { throw Failure() }
    func changeStamp() async throws -> Int64 { throw Failure() }
}

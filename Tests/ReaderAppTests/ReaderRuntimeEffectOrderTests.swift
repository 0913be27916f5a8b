import Foundation
import NewsCache
import NewsModel
import ReaderApp
import ReaderCore
import TermCore
import Testing

/// Frames drawn so far and, for each story the runtime asked the store for, how many frames had been
/// drawn at that moment: shared by the backend (main actor) and the store (effects' threads).
final class FrameLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var frames = 0
    private var asked: [StoryID: Int] = [:]
    func frameDrawn() { lock.withLock { frames += 1 } }
    var framesDrawn: Int { lock.withLock { frames } }
    func storyAsked(_ id: StoryID) { lock.withLock { asked[id] = asked[id] ?? frames } }
    func framesWhenAsked(_ id: StoryID) -> Int? { lock.withLock { asked[id] } }
}

/// The real cache, with each story read noted in a ledger.
struct LedgerStore: ReaderStore {
    let cache: NewsCache
    let ledger: FrameLedger
    func feeds() async throws -> [Feed] { try cache.feeds() }
    func headlinePage(_ query: HeadlineQuery, _ direction: PageDirection, limit: Int) async throws -> HeadlinePage {
        try cache.headlinePage(query, direction, limit: limit)
    }
    func count(_ query: HeadlineQuery) async throws -> Int { try cache.count(query) }
    func story(_ id: StoryID) async throws -> Story? {
        ledger.storyAsked(id)
        return try cache.story(id)
    }
    func comments(for id: StoryID) async throws -> [NewsModel.Comment] { try cache.comments(for: id) }
    func setRead(_ id: StoryID, _ isRead: Bool) async throws { try cache.setRead(id, isRead) }
    func setStarred(_ id: StoryID, _ isStarred: Bool) async throws { try cache.setStarred(id, isStarred) }
    func feedDirectory() async throws -> FeedDirectory { try cache.feedDirectory() }
    func markFeedRead(_ feedID: FeedID) async throws -> Int { try cache.markFeedRead(feedID) }
    func search(_ text: String, limit: Int) async throws -> [SearchHit] { try cache.search(text, limit: limit) }
    func setExtraction(_ html: String?, note: String?, for id: StoryID) async throws {
        try cache.setExtraction(html, note: note, for: id)
    }
    func extractionCandidates(limit: Int) async throws -> [ExtractionCandidate] {
        try cache.extractionCandidates(limit: limit)
    }
    func markRead(matching query: HeadlineQuery) async throws -> Int { try cache.markRead(matching: query) }
    func changeStamp() async throws -> Int64 { try cache.changeStamp() }
}

/// A backend that presses ↓ once the list is on screen, then quits once the next story is shown.
@MainActor
final class LedgerBackend: Backend {
    let ledger: FrameLedger
    var size: (width: Int, height: Int) = (160, 48)
    private(set) var frames: [Screen] = []
    private(set) var framesWhenKeyGiven: Int?
    private var polls = 0
    init(ledger: FrameLedger) { self.ledger = ledger }
    func draw(_ screen: Screen) { frames.append(screen); ledger.frameDrawn() }
    func invalidate() {}
    func runSuspended(_ body: () -> Void) { body() }
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        polls += 1
        if polls > 20_000 { return .key(.control("c")) }
        let text = frames.last?.lines.joined(separator: "\n") ?? ""
        if framesWhenKeyGiven == nil, text.contains("back in talking terms") {
            framesWhenKeyGiven = frames.count
            return .key(.down)
        }
        if framesWhenKeyGiven != nil, text.contains("Body of filler 0.") { return .key(.character("q")) }
        return nil
    }
}

@Suite("ReaderRuntime: a key's effects start after its frame")
@MainActor
struct ReaderRuntimeEffectOrderTests {
    @Test("↓ draws the moved list before the new story is asked for")
    func frameBeforeEffects() async throws {
        let ledger = FrameLedger()
        let cache = Fixtures.store()
        let backend = LedgerBackend(ledger: ledger)
        let runtime = ReaderRuntime(backend: backend, store: LedgerStore(cache: cache, ledger: ledger),
                                    theme: .builtinDefault, clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        let keyAt = try #require(backend.framesWhenKeyGiven)
        let second = try #require(try Fixtures.id(of: Fixtures.filler(0), in: cache))
        let askedAt = try #require(ledger.framesWhenAsked(second))
        // The frame that moved the selection was drawn before the story's read began.
        #expect(askedAt > keyAt)
        #expect(backend.frames[keyAt].lines.joined().contains("2/15"))
    }
}

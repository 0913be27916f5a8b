import Foundation
import NewsModel
import ReaderApp
import ReaderCore
import TermCore
import Testing

/// A clock the test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    var now: Date { lock.withLock { date } }
    func advance(_ seconds: TimeInterval) { lock.withLock { date.addTimeInterval(seconds) } }
}

/// A backend that, once the first story is shown, presses ↓ `presses` times in a held key's rhythm (the
/// clock moves `gap` seconds per press, one press per loop turn so each has its own frame), then lets the
/// keys rest (the clock jumps a second) and quits once the story the selection stopped on is shown.
@MainActor
final class HeldKeyBackend: Backend {
    let clock: HandClock
    let presses: Int
    let gap: TimeInterval
    let lastBody: String
    var size: (width: Int, height: Int) = (160, 48)
    private(set) var frames: [Screen] = []
    private(set) var given = 0
    private var polls = 0
    init(clock: HandClock, presses: Int, gap: TimeInterval, lastBody: String) {
        self.clock = clock; self.presses = presses; self.gap = gap; self.lastBody = lastBody
    }
    func draw(_ screen: Screen) { frames.append(screen) }
    func invalidate() {}
    func runSuspended(_ body: () -> Void) { body() }
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        polls += 1
        if polls > 20_000 { return .key(.control("c")) }
        let text = frames.last?.lines.joined(separator: "\n") ?? ""
        if given == 0, !text.contains("back in talking terms") { return nil }
        // Keys waiting at once would be taken together (typeahead): one per turn, as a terminal's repeats.
        if timeoutMilliseconds == 0 { return nil }
        if given < presses {
            if given > 0 { clock.advance(gap) }
            given += 1
            return .key(.down)
        }
        if given == presses {
            given += 1
            clock.advance(1)
            return nil
        }
        return text.contains(lastBody) ? .key(.character("q")) : nil
    }
}

@Suite("ReaderRuntime: a held key reads the story it stops on")
@MainActor
struct ReaderRuntimeHeldKeyTests {
    /// Runs five ↓ presses `gap` apart with `window`, and returns which stories were read and the backend.
    /// (A poll timeout above 0 tells the backend a turn waits for a key, as opposed to taking typeahead.)
    private func holdDown(gap: TimeInterval, window: TimeInterval) async throws
        -> (asked: (StoryID) -> Bool, backend: HeldKeyBackend, ids: [StoryID]) {
        let ledger = FrameLedger()
        let cache = Fixtures.store()
        let clock = HandClock(Fixtures.now)
        let backend = HeldKeyBackend(clock: clock, presses: 5, gap: gap, lastBody: "Body of filler 4.")
        let runtime = ReaderRuntime(backend: backend, store: LedgerStore(cache: cache, ledger: ledger),
                                    theme: .builtinDefault, clock: { clock.now }, pollMilliseconds: 1,
                                    heldKeyWindow: window)
        await runtime.run()
        let ids = try (0..<5).map { try #require(try Fixtures.id(of: Fixtures.filler($0), in: cache)) }
        return ({ ledger.framesWhenAsked($0) != nil }, backend, ids)
    }

    @Test("repeats 30 ms apart: the first press's story at once, then only the last one")
    func heldKey() async throws {
        // The reader's own window, which README promises is 100 ms.
        #expect(ReaderRuntime.heldKeyWindow == 0.1)
        let (asked, backend, ids) = try await holdDown(gap: 0.03, window: ReaderRuntime.heldKeyWindow)
        #expect(asked(ids[0]))
        #expect(!asked(ids[1]) && !asked(ids[2]) && !asked(ids[3]))
        #expect(asked(ids[4]))
        // The list moved at every press: each position was drawn.
        let screens = backend.frames.map { $0.lines.joined(separator: "\n") }
        for position in 2...6 { #expect(screens.contains { $0.contains("\(position)/15") }) }
        #expect(screens.last?.contains("Body of filler 4.") == true)
    }

    @Test("presses further apart than the window each read their story")
    func separatePresses() async throws {
        let (asked, _, ids) = try await holdDown(gap: 0.5, window: 0.1)
        for id in ids { #expect(asked(id)) }
    }

    @Test("with no window every story passed is read")
    func noWindow() async throws {
        let (asked, _, ids) = try await holdDown(gap: 0.03, window: 0)
        for id in ids { #expect(asked(id)) }
    }
}

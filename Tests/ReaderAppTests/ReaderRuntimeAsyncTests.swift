import ArticleText
import Foundation
import NewsModel
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing

/// A backend that behaves like a person at a terminal: it waits (answers nothing) until a new frame shows
/// what it expects, then presses the next key. Unlike `TestBackend` with settled effects, this exercises
/// the runtime's real path, where effect results arrive between polls. A step `typedAhead` does not wait
/// for a new frame: keys pressed faster than the screen is drawn.
@MainActor
final class PatientBackend: Backend {
    struct Step {
        var waitFor: String
        /// Given once `waitFor` is on screen; nil gives none (the step only waits, and runs `whenGiven`).
        var event: InputEvent?
        var typedAhead = false
        /// Run as the event is given, or as the step is taken when it has none (e.g. to let another
        /// connection's transaction go, or a held answer once the screen showed the state before it).
        var whenGiven: (() -> Void)? = nil
    }
    var size: (width: Int, height: Int)
    private var steps: [Step]
    private(set) var frames: [Screen] = []
    private(set) var gaveUp = false
    private var polls = 0
    /// How many frames had been drawn when the last event was given.
    private var framesSeen = 0
    /// Polls without progress before giving up (and quitting) so a broken runtime fails instead of hanging.
    private let patience = 20_000

    init(width: Int, height: Int, steps: [Step]) { size = (width, height); self.steps = steps }

    func draw(_ screen: Screen) { frames.append(screen) }

    func invalidate() {}

    func runSuspended(_ body: () -> Void) { body() }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        polls += 1
        guard let step = steps.first else { return .key(.control("c")) }
        if polls > patience { gaveUp = true; return .key(.control("c")) }
        guard let frame = frames.last, step.typedAhead || frames.count > framesSeen,
              frame.lines.joined(separator: "\n").contains(step.waitFor) else { return nil }
        steps.removeFirst()
        polls = 0
        framesSeen = frames.count
        if case .resize(let width, let height)? = step.event { size = (width, height) }
        step.whenGiven?()
        return step.event
    }

    var remainingSteps: Int { steps.count }
}

@Suite("ReaderRuntime with effects answering between polls")
@MainActor
struct ReaderRuntimeAsyncTests {
    @Test("the end-to-end story: list, ↓, Enter, Esc, c, resize, q")
    func userStory() async {
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "Surprise turnaround of Ukraine invasion", event: .key(.down)),
            .init(waitFor: "2/15", event: .key(.up)),
            .init(waitFor: "1/15", event: .key(.enter)),
            .init(waitFor: "White House admitted on Monday", event: .key(.escape)),
            .init(waitFor: "Headlines", event: .key(.character("c"))),
            .init(waitFor: "Tænk", event: .resize(width: 80, height: 24)),
            .init(waitFor: "imoyaro", event: .resize(width: 50, height: 15)),
            .init(waitFor: "Comments (2)", event: .key(.escape)),
            .init(waitFor: "Surprise turnaround", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        #expect(!backend.gaveUp)
        #expect(backend.remainingSteps == 0)
        #expect(runtime.currentState.isQuitting)
        #expect(backend.frames.last?.width == 50)
    }
}

/// Counts the stories whose HTML the runtime's body cache parses.
final class ParsedBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String] = []
    var htmls: [String] { lock.withLock { parsed } }

    func layouts() -> LayoutCache {
        LayoutCache(bodies: ArticleBodyCache { [self] html, baseURL in
            lock.withLock { parsed.append(html) }
            return ArticleRenderer.richText(fromHTML: html, baseURL: baseURL)
        })
    }
}

@Suite("ReaderRuntime: a move draws the list first, and a burst lays out only the last story")
@MainActor
struct ReaderRuntimeFrameCostTests {
    @Test("the moved selection is on screen before the new story, which never shows as 'Loading'")
    func listBeforeStory() async {
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "back in talking terms", event: .key(.down)),
            .init(waitFor: "Body of filler 0.", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        #expect(backend.remainingSteps == 0)
        let texts = backend.frames.map { $0.lines.joined(separator: "\n") }
        guard let moved = texts.firstIndex(where: { $0.contains("2/15") }),
              let shown = texts.firstIndex(where: { $0.contains("Body of filler 0.") }) else {
            Issue.record("the move or the story never reached the screen"); return
        }
        #expect(moved < shown)
        #expect(texts[moved].contains("back in talking terms"))  // the pane kept the last story
        #expect(!texts[moved...].contains { $0.contains("Loading") })
    }

    @Test("five moves faster than frames: only the story finally selected is parsed and drawn")
    func burstLaysOutLastOnly() async {
        let parsed = ParsedBodies()
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "back in talking terms", event: .key(.down)),
            .init(waitFor: "Headlines", event: .key(.down), typedAhead: true),
            .init(waitFor: "Headlines", event: .key(.down), typedAhead: true),
            .init(waitFor: "Headlines", event: .key(.down), typedAhead: true),
            .init(waitFor: "Headlines", event: .key(.down), typedAhead: true),
            .init(waitFor: "Body of filler 4.", event: .key(.character("q"))),
        ])
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0, layouts: parsed.layouts())
        await runtime.run()
        #expect(backend.remainingSteps == 0)
        #expect(runtime.currentState.list.selected == 5)
        #expect(parsed.htmls.count == 2)
        #expect(parsed.htmls.last?.contains("Body of filler 4.") == true)
        for n in 0..<4 {
            #expect(!backend.frames.contains { $0.lines.joined().contains("Body of filler \(n).") })
        }
    }
}

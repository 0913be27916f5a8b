import Foundation
import NewsModel
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing

/// A backend that behaves like a person at a terminal: it waits (answers nothing) until the screen shows
/// what it expects, then presses the next key. Unlike `TestBackend` with settled effects, this exercises
/// the runtime's real path, where effect results arrive between polls.
@MainActor
final class PatientBackend: Backend {
    struct Step { var waitFor: String; var event: InputEvent }
    var size: (width: Int, height: Int)
    private var steps: [Step]
    private(set) var frames: [Screen] = []
    private(set) var gaveUp = false
    private var polls = 0
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
        guard let frame = frames.last, frame.lines.joined(separator: "\n").contains(step.waitFor) else { return nil }
        steps.removeFirst()
        polls = 0
        if case .resize(let width, let height) = step.event { size = (width, height) }
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

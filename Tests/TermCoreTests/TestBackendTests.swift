import TermCore
import Testing

@Suite("TestBackend: scripted input and recorded frames")
@MainActor
struct TestBackendTests {
    @Test("events come back in order, then the exhausted answer")
    func script() {
        let backend = TestBackend(width: 10, height: 2, events: [.key(.down), .key(.enter)],
                                  whenExhausted: .key(.character("q")))
        #expect(backend.nextEvent(timeoutMilliseconds: 30) == .key(.down))
        backend.enqueue(.key(.up))
        #expect(backend.nextEvent(timeoutMilliseconds: 30) == .key(.enter))
        #expect(backend.nextEvent(timeoutMilliseconds: 30) == .key(.up))
        #expect(backend.nextEvent(timeoutMilliseconds: 30) == .key(.character("q")))
        #expect(backend.pollCount == 4)
    }

    @Test("a scripted resize changes the reported size")
    func resize() {
        let backend = TestBackend(width: 80, height: 24, events: [.resize(width: 50, height: 15)])
        #expect(backend.size.width == 80)
        _ = backend.nextEvent(timeoutMilliseconds: 0)
        #expect(backend.size.width == 50 && backend.size.height == 15)
        #expect(backend.nextEvent(timeoutMilliseconds: 0) == nil)
    }

    @Test("frames are recorded as drawn")
    func frames() {
        let backend = TestBackend(width: 5, height: 1)
        var screen = Screen(width: 5, height: 1)
        screen.put("hi", x: 0, y: 0)
        backend.draw(screen)
        #expect(backend.frames.count == 1)
        #expect(backend.lastFrame?.lines == ["hi"])
    }
}

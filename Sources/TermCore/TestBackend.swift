/// A backend for tests: it replays scripted input events and records every frame it is asked to draw, so
/// the runtime can be driven and checked without a terminal.
@MainActor
public final class TestBackend: Backend {
    public private(set) var size: (width: Int, height: Int)
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Screen] = []
    /// Events still to be delivered, in order.
    public private(set) var pendingEvents: [InputEvent]
    /// What `nextEvent` returns once the script is used up (nil: nothing happens any more). Tests that must
    /// end set it to a quitting key so a runtime never waits forever.
    public var whenExhausted: InputEvent?
    /// How many times the runtime asked for input.
    public private(set) var pollCount = 0

    public init(width: Int, height: Int, events: [InputEvent] = [], whenExhausted: InputEvent? = nil) {
        size = (width, height); pendingEvents = events; self.whenExhausted = whenExhausted
    }

    public var lastFrame: Screen? { frames.last }

    /// How many times a full repaint was asked for, and how many times the screen was left for a program.
    public private(set) var invalidations = 0
    public private(set) var suspensions = 0

    public func draw(_ screen: Screen) { frames.append(screen) }

    public func invalidate() { invalidations += 1 }

    public func runSuspended(_ body: () -> Void) {
        suspensions += 1
        body()
    }

    /// Adds events to the end of the script.
    public func enqueue(_ events: InputEvent...) { pendingEvents += events }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        pollCount += 1
        guard !pendingEvents.isEmpty else { return whenExhausted }
        let event = pendingEvents.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }
}

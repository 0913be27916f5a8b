/// The terminal as the runtime sees it: something that shows frames and reports input. The ncurses backend
/// is the real one; `TestBackend` records frames in memory for tests.
@MainActor
public protocol Backend: AnyObject {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows `screen`, sending the terminal only what changed since the previous frame.
    func draw(_ screen: Screen)
    /// Waits at most `timeoutMilliseconds` for input (0: just poll). Returns nil when nothing came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Makes the next `draw` repaint every cell (Ctrl-L, or after another program used the terminal).
    func invalidate()
    /// Leaves the screen (the terminal back in its normal mode), runs `body` — a program that uses the
    /// terminal itself — and takes the screen back.
    func runSuspended(_ body: () -> Void)
}

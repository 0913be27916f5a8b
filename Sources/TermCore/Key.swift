/// A key the reader understands, decoded by the backend from whatever the terminal sent.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A control chord such as Ctrl-L, by its letter.
    case control(Character)
    case function(Int)
}

/// What a backend reports between frames.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal changed size; the new size in cells.
    case resize(width: Int, height: Int)
    /// The program was asked to end (SIGINT, SIGTERM, SIGHUP, or the terminal went away): the runtime
    /// leaves its loop and returns normally, so the terminal is restored on the way out.
    case terminate
}

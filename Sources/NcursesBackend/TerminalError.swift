/// Why the terminal could not be used. Every case is a problem with the environment the user can fix, so
/// the command line reports it as a usage error (exit status 2) with `description` as the message.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `TERM` is unset or empty.
    case terminalTypeMissing
    /// No terminfo entry for this `TERM`.
    case unknownTerminalType(String)
    /// The terminfo entry has no cursor addressing (`cup`), e.g. `dumb`, or describes a hard-copy terminal.
    case cannotAddressCursor(String)
    /// Standard input or output is not a terminal (redirected to a file or a pipe).
    case notATerminal(stream: String)
    /// Neither the user's locale nor any fallback gives UTF-8 characters.
    case noUTF8Locale(codeset: String)
    /// Another `NcursesTerminal` in this process already owns the terminal.
    case alreadyActive
    /// ncurses refused to start (`newterm` failed) for this `TERM`.
    case startFailed(String)

    public var description: String {
        switch self {
        case .terminalTypeMissing:
            return "TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color"
        case .unknownTerminalType(let name):
            return "unknown terminal type TERM='\(name)' (no terminfo entry; install ncurses-term or use TERM=xterm-256color)"
        case .cannotAddressCursor(let name):
            return "terminal type TERM='\(name)' cannot move the cursor, so a full-screen reader cannot run in it; use a terminal such as xterm-256color"
        case .notATerminal(let stream):
            return "standard \(stream) is not a terminal; the reader needs an interactive terminal"
        case .noUTF8Locale(let codeset):
            return "no UTF-8 locale is available (the current character set is \(codeset)); install one such as C.UTF-8"
        case .alreadyActive:
            return "the terminal is already in use by this process"
        case .startFailed(let name):
            return "could not start the terminal for TERM='\(name)'"
        }
    }
}

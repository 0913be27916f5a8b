import CNcursesw
import TermCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw: the only code in Gazette that calls ncurses.
///
/// Starting checks `TERM`, the streams and the locale before ncurses can `exit(1)` on us, installs the
/// signal handlers (SIGINT, SIGTERM, SIGHUP, SIGQUIT and every other signal that ends a process by default
/// end the session through `InputEvent.terminate`; SIGWINCH becomes `.resize`; a crash restores the
/// terminal from its signal handler), then starts ncurses in cbreak mode with colours. `stop()` restores the terminal;
/// `withTerminal(_:)` guarantees it runs on every path out.
@MainActor
public final class NcursesTerminal: Backend {
    /// The ncurses screen, nil once stopped.
    var screen: OpaquePointer?
    /// Read end of the signal self-pipe (see shim.h), -1 once stopped.
    var signalPipe: Int32 = -1
    /// The frame on screen, compared with the next one; nil forces a full redraw.
    var previous: Screen?
    var palette: ColorPalette
    var pairs: ColorPairTable
    /// Each style's ncurses attributes and pair, so a frame does not recompute them per cell.
    var styleCache: [Style: (attributes: attr_t, pair: Int16)] = [:]
    /// The size last reported as `.resize` (or at start), to drop ncurses' echo of a resize already reported.
    var reportedSize: (width: Int, height: Int)
    /// Scratch buffer for one cell's characters: at most `CCHARW_MAX` plus the terminating zero.
    var cellCharacters: [wchar_t]

    /// The signal that ended the session (SIGINT, SIGTERM, SIGHUP, SIGQUIT...), if one did. The command line turns it
    /// into the conventional exit status 128 + signal.
    public internal(set) var receivedSignal: Int32?

    /// Starts the terminal. Throws `TerminalError` when `TERM` is unusable, a stream is not a terminal, no
    /// UTF-8 locale exists, or ncurses refuses; nothing has changed on screen in that case.
    /// - Parameter terminalType: `TERM`; by default the environment's.
    public init(terminalType: String? = NcursesTerminal.environmentTerminalType()) throws(TerminalError) {
        try TerminalCheck.validateTerminalType(terminalType)
        try TerminalCheck.validateStreams()
        try TerminalCheck.selectUTF8Locale()
        guard let terminalType else { throw .terminalTypeMissing }

        // Our handlers go in first: ncurses installs its own (which call exit) only where none is set.
        guard let pipe = SignalPipe.open() else { throw .alreadyActive }
        guard let screen = newterm(terminalType, gz_stdout(), gz_stdin()) else {
            SignalPipe.close()
            throw .startFailed(terminalType)
        }
        self.screen = screen
        self.signalPipe = pipe
        _ = set_term(screen)
        SignalPipe.prepareEmergencyRestore()
        _ = cbreak()          // keys arrive one by one; Ctrl-C still raises SIGINT, which we handle
        _ = noecho()
        _ = nonl()            // Enter arrives as \r, not translated; both \r and \n decode to .enter
        _ = intrflush(gz_stdscr(), false)
        _ = keypad(gz_stdscr(), true)
        _ = curs_set(0)
        _ = set_escdelay(25)  // Esc is a key of its own; 25 ms still joins escape sequences over ssh
        Self.defineCommonKeySequences()
        var hasDefaultColors = false
        if has_colors() {
            _ = start_color()
            hasDefaultColors = use_default_colors() == OK
        }
        palette = ColorPalette(reportedColors: has_colors() ? Int(gz_colors()) : 0, hasDefaultColors: hasDefaultColors)
        pairs = ColorPairTable(colorPairs: has_colors() ? Int(gz_color_pairs()) : 1)
        cellCharacters = Array(repeating: 0, count: Int(gz_cchar_max()) + 1)
        reportedSize = (Int(getmaxx(gz_stdscr())), Int(getmaxy(gz_stdscr())))
    }

    isolated deinit {
        stop()
    }

    /// Teaches ncurses the Home/End sequences of the common terminal families, whatever `TERM` says: tmux
    /// and screen send `ESC [ 1 ~` / `ESC [ 4 ~` even when the program inside was given
    /// `TERM=xterm-256color`, and rxvt sends `ESC [ 7 ~` / `ESC [ 8 ~`. Without this, Home arrives as four
    /// separate keys.
    private static func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[Z", KEY_BTAB),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    /// `TERM` from the environment, nil when unset.
    public nonisolated static func environmentTerminalType() -> String? {
        getenv("TERM").map { String(cString: $0) }
    }

    /// Runs `body` with a started terminal and stops it however `body` ends: normally, by throwing, or
    /// after a termination signal turned into `InputEvent.terminate`.
    public static func withTerminal<Result>(
        terminalType: String? = NcursesTerminal.environmentTerminalType(),
        _ body: (NcursesTerminal) async throws -> Result
    ) async throws -> Result {
        let terminal = try NcursesTerminal(terminalType: terminalType)
        defer { terminal.stop() }
        return try await body(terminal)
    }

    /// Restores the terminal (normal screen, cursor, echo, line mode) and the previous signal handlers.
    /// Idempotent: later calls do nothing.
    public func stop() {
        guard let screen else { return }
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        self.screen = nil
        SignalPipe.close()
        signalPipe = -1
    }

    /// Whether the terminal is started (not yet stopped).
    public var isActive: Bool { screen != nil }

    public var size: (width: Int, height: Int) {
        guard screen != nil else { return (0, 0) }
        return (Int(getmaxx(gz_stdscr())), Int(getmaxy(gz_stdscr())))
    }

    /// Leaves curses mode for `body` (a text browser that draws on the terminal itself), then restores
    /// it and repaints everything on the next `draw`. Signals that arrive meanwhile wait in the self-pipe.
    public func runSuspended(_ body: () -> Void) {
        guard screen != nil else { return body() }
        _ = def_prog_mode()
        _ = curs_set(1)
        _ = endwin()
        body()
        _ = reset_prog_mode()
        _ = curs_set(0)
        invalidate()
        _ = refresh()
    }

    /// Makes the next `draw` send every cell and the terminal repaint from scratch (e.g. after another
    /// program wrote over the screen).
    public func invalidate() {
        previous = nil
        if screen != nil { _ = clearok(gz_curscr(), true) }
    }
}

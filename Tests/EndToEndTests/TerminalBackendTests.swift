import Foundation
import Testing

/// The ncurses backend on a real pseudo-terminal, through `gazette terminal-check`, a diagnostic screen
/// that names every event it receives. These do not depend on the reader's screens.
@Suite("The terminal backend in tmux")
struct TerminalBackendTests {
    private func start(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession(width: width, height: height) { _, _ in ["terminal-check"] }
    }

    /// Sends one key and waits until the check screen names it as the last event.
    private func expectKey(_ session: TmuxSession, _ tmuxKey: String, shows name: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.send(tmuxKey)
        try session.waitFor("last: \(name)", sourceLocation: sourceLocation)
    }

    @Test("Keys arrive decoded: arrows, pages, Home/End, Enter, Esc, Tab, Shift-Tab, F-keys, chords, Unicode")
    func keys() throws {
        let session = try start()
        defer { session.close() }
        try session.waitFor("Gazette terminal check")
        let cases: [(String, String)] = [
            ("Up", "key up"), ("Down", "key down"), ("Left", "key left"), ("Right", "key right"),
            ("PPage", "key pageUp"), ("NPage", "key pageDown"), ("Home", "key home"), ("End", "key end"),
            ("Enter", "key enter"), ("Escape", "key escape"), ("Tab", "key tab"), ("BTab", "key backTab"),
            ("BSpace", "key backspace"), ("DC", "key delete"), ("F5", "key F5"), ("C-a", "key ctrl-a"),
            ("é", "key char é"), ("中", "key char 中"), ("x", "key char x"),
        ]
        for (key, name) in cases {
            try expectKey(session, key, shows: name)
        }
    }

    @Test("A resize is reported with the new size and the screen is redrawn at that width")
    func resize() throws {
        let session = try start()
        defer { session.close() }
        try session.waitFor("100x30 — q quits")
        try session.resize(width: 60, height: 20)
        try session.waitFor("last: resize 60x20")
        let screen = try #require(try session.waitFor("60x20 — q quits"))
        #expect(screen.count == 20)
        #expect(ScreenChecks.overflowingRows(screen, width: 60).isEmpty)
        try session.resize(width: 120, height: 40)
        try session.waitFor("last: resize 120x40")
    }

    @Test("Wide, accented and combining text reaches the screen intact")
    func unicodeText() throws {
        let session = try start()
        defer { session.close() }
        let screen = try #require(try session.waitFor("wide: 中文 日本語 한국어 😀 🚀|"))
        #expect(screen.contains { $0.contains("accents: café naïve Tænk e\u{301}te Ñandú|") })
        // Emoji clusters arrive reduced (DisplayWidth.cellText), and a flag keeps both its indicators.
        #expect(screen.contains { $0.contains("clusters: 👍 👩 ❤ 🇪🇸|") }, "screen:\n\(TmuxSession.framed(screen))")
    }

    @Test("Colours and attributes reach the terminal")
    func colours() throws {
        let session = try start()
        defer { session.close() }
        try session.waitFor("Gazette terminal check")
        let title = try #require(try session.styledScreen().first)
        #expect(title.contains("\u{1B}[1m"), "title row: \(title.debugDescription)")
        #expect(title.contains("44m") || title.contains("48;5;4m"), "title row: \(title.debugDescription)")
    }

    @Test("q ends with status 0 and the terminal restored: normal screen, cursor shown, echo and line mode")
    func quitRestores() throws {
        let session = try start()
        defer { session.close() }
        try session.waitFor("Gazette terminal check")
        #expect(try session.format("#{alternate_on}") == "1")
        try session.send("q")
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
        try expectRestored(session, exit)
    }

    @Test("A termination signal ends the session cleanly with status 128 + signal",
          arguments: [(SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGINT, "INT"), (SIGQUIT, "QUIT"), (SIGUSR1, "USR1"),
                      (SIGALRM, "ALRM"), (SIGPIPE, "PIPE")])
    func signals(signal: Int32, name: String) throws {
        let session = try start()
        defer { session.close() }
        try expectEnded(session, by: signal, name: name)
    }

    @Test("The frame benchmark draws its frames, restores the terminal and prints its figures")
    func frameBenchmark() throws {
        let session = try TmuxSession(width: 80, height: 24, executable: try GazetteBinary.benchPath()) { _, _ in
            ["frames", "5"]
        }
        defer { session.close() }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
        let screen = try session.screen()
        #expect(screen.contains { $0.contains("frames at 80x24, 5 each: every cell changed: median") },
                "screen:\n\(TmuxSession.framed(screen))")
        try expectRestored(session, exit)
    }

    @Test("A crash (a fault or an abort) still leaves the terminal restored, and the signal ends the process",
          arguments: [(SIGSEGV, "SEGV"), (SIGABRT, "ABRT"), (SIGBUS, "BUS"), (SIGILL, "ILL")])
    func crash(signal: Int32, name: String) throws {
        // Without the Swift runtime's backtracer, which would catch a signal sent by kill and let the process
        // run on (a real fault comes back and ends it after the report; kill's signal does not).
        let session = try TmuxSession(width: 100, height: 30, environment: ["SWIFT_BACKTRACE": "enable=no"]) { _, _ in
            ["terminal-check"]
        }
        defer { session.close() }
        try expectEnded(session, by: signal, name: name)
    }

    /// Sends `signal` to the terminal check once it is on screen, then expects the process to end with
    /// 128 + signal and the terminal restored.
    private func expectEnded(_ session: TmuxSession, by signal: Int32, name: String) throws {
        try session.waitFor("Gazette terminal check")
        try session.signal(signal)
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 128 + signal, "SIG\(name)")
        try expectRestored(session, exit)
    }

    @Test("Ctrl-C (SIGINT) and Ctrl-\\ (SIGQUIT) typed at the keyboard end the session cleanly with 128 + signal",
          arguments: [("C-c", SIGINT), ("C-\\", SIGQUIT)])
    func controlKeys(key: String, signal: Int32) throws {
        let session = try start()
        defer { session.close() }
        try session.waitFor("Gazette terminal check")
        try session.send(key)
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 128 + signal)
        try expectRestored(session, exit)
    }
}

/// The terminal is as the shell left it: main screen, visible cursor, normal keypad, echo and canonical
/// input (what `tput` and `stty sane` would give).
func expectRestored(_ session: TmuxSession, _ exit: TmuxSession.Exit,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try session.format("#{alternate_on}") == "0", "still on the alternate screen",
            sourceLocation: sourceLocation)
    #expect(try session.format("#{cursor_flag}") == "1", "cursor left hidden", sourceLocation: sourceLocation)
    #expect(try session.format("#{keypad_cursor_flag}") == "0", "cursor keys left in application mode",
            sourceLocation: sourceLocation)
    let modes = exit.terminalModes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    #expect(modes.contains("icanon"), "line mode not restored: \(exit.terminalModes)", sourceLocation: sourceLocation)
    #expect(modes.contains("echo"), "echo not restored: \(exit.terminalModes)", sourceLocation: sourceLocation)
}

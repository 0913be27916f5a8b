import Testing
@testable import NcursesBackend

@Suite("Checks made before ncurses starts")
struct TerminalCheckTests {
    @Test("A missing or empty TERM is reported as such")
    func missing() {
        #expect(throws: TerminalError.terminalTypeMissing) { try TerminalCheck.validateTerminalType(nil) }
        #expect(throws: TerminalError.terminalTypeMissing) { try TerminalCheck.validateTerminalType("") }
    }

    @Test("An unknown TERM is reported by name, without ncurses exiting the process")
    func unknown() {
        #expect(throws: TerminalError.unknownTerminalType("no-such-term")) {
            try TerminalCheck.validateTerminalType("no-such-term")
        }
    }

    @Test("dumb cannot address the cursor")
    func dumb() {
        #expect(throws: TerminalError.cannotAddressCursor("dumb")) { try TerminalCheck.validateTerminalType("dumb") }
    }

    @Test("xterm-256color passes")
    func xterm() throws {
        try TerminalCheck.validateTerminalType("xterm-256color")
    }

    @Test("The UTF-8 codeset is recognised however it is spelled")
    func codesetNames() {
        #expect(TerminalCheck.isUTF8("UTF-8"))
        #expect(TerminalCheck.isUTF8("utf8"))
        #expect(!TerminalCheck.isUTF8("ANSI_X3.4-1968"))
        #expect(!TerminalCheck.isUTF8("ISO-8859-1"))
    }

    @Test("Selecting a locale ends in UTF-8 on a machine that has C.UTF-8")
    func locale() throws {
        let codeset = try TerminalCheck.selectUTF8Locale()
        #expect(TerminalCheck.isUTF8(codeset))
    }

    @Test("Every message names the problem and what to do")
    func messages() {
        #expect(TerminalError.unknownTerminalType("vt999").description.contains("TERM='vt999'"))
        #expect(TerminalError.cannotAddressCursor("dumb").description.contains("cannot move the cursor"))
        #expect(TerminalError.notATerminal(stream: "output").description.contains("standard output is not a terminal"))
    }
}

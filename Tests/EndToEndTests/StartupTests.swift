import Foundation
import Testing

/// Starting `gazette`: version, help, usage errors and unusable terminals, through the real binary.
/// `TERM` is checked before the streams, so a bad `TERM` gives the same message with or without a
/// terminal; these run without one, and one case runs on a real pseudo-terminal in tmux.
@Suite("Starting gazette")
struct StartupTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "gazette 0.1.0\n")
    }

    @Test("--help lists the reader's options and exits 0")
    func help() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--help"])
        #expect(result.status == 0)
        for option in ["--demo", "--config-dir", "--data-dir", "--theme", "--version"] {
            #expect(result.standardOutput.contains(option), "help lacks \(option)")
        }
    }

    @Test("An unknown option is a usage error: exit 2 and a gazette: error: message")
    func unknownOption() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--no-such-option"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("gazette: error: "))
        #expect(result.standardError.contains("--no-such-option"))
    }

    @Test("TERM=dumb exits 2 saying the terminal cannot move the cursor", arguments: [["--demo"], []])
    func dumbTerminal(arguments: [String]) throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), arguments,
                                           environment: ProcessRunner.environment(["TERM": "dumb"]))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("gazette: error: "))
        #expect(result.standardError.contains("TERM='dumb'"))
        #expect(result.standardError.contains("cannot move the cursor"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("An unknown TERM exits 2 naming it, instead of ncurses' exit(1)")
    func unknownTerminal() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--demo"],
                                           environment: ProcessRunner.environment(["TERM": "no-such-term"]))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("gazette: error: "))
        #expect(result.standardError.contains("unknown terminal type TERM='no-such-term'"))
    }

    @Test("An unset TERM exits 2 saying so")
    func missingTerminal() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--demo"],
                                           environment: ProcessRunner.environment(["TERM": nil]))
        #expect(result.status == 2)
        #expect(result.standardError.contains("TERM is not set"))
    }

    @Test("Input that is not a terminal exits 2 saying so")
    func notATerminal() throws {
        let result = try ProcessRunner.run(try GazetteBinary.path(), ["--demo"],
                                           environment: ProcessRunner.environment(["TERM": "xterm-256color"]))
        #expect(result.status == 2)
        #expect(result.standardError.contains("standard input is not a terminal"))
    }

    @Test("On a real terminal, TERM=dumb prints one clear line and leaves the screen as it was")
    func dumbOnRealTerminal() throws {
        let session = try TmuxSession.demo(terminalType: "dumb", width: 100, height: 20)
        defer { session.close() }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 2)
        let screen = try session.screen().filter { !$0.isEmpty }
        #expect(screen.count >= 1)
        #expect(screen.first?.hasPrefix("gazette: error: terminal type TERM='dumb' cannot move the cursor") == true,
                "screen:\n\(TmuxSession.framed(screen))")
        #expect(try session.format("#{alternate_on}") == "0")
    }
}

import ArgumentParser
import NcursesBackend
import TermCore

/// What the reader is started with, from the command line.
struct ReaderOptions: Sendable {
    var paths: GazettePaths
    var isDemo: Bool
    var themeName: String?
}

/// Starting the reader: the one place that wires the real terminal to the runtime.
///
/// Order matters: the terminal is checked first (a bad `TERM` or a redirected stream is reported on the
/// normal screen, exit status 2), then the terminal starts, the runtime runs, and `withTerminal` restores
/// the terminal however the run ends. A termination signal makes the runtime return normally; the
/// command then exits with 128 + the signal's number, as shells expect.
@MainActor
enum ReaderCommand {
    static func run(_ options: ReaderOptions) async throws {
        do {
            try TerminalCheck.validateTerminalType(NcursesTerminal.environmentTerminalType())
            try TerminalCheck.validateStreams()
        } catch {
            throw CommandLineError.terminal(error)
        }
        let signal = try await NcursesTerminal.withTerminal { terminal in
            // INTERIM (until ReaderApp's runtime is merged): replace this call with
            //     let runtime = ReaderRuntime(backend: terminal, store: store, theme: theme, query: query, hint: hint)
            //     await runtime.run()
            // The runtime must return when `nextEvent` answers `.terminate`.
            InterimReaderLoop(terminal: terminal, options: options).run()
            return terminal.receivedSignal
        }
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// INTERIM: a minimal loop standing in for `ReaderRuntime` until it is merged, so the backend can be tried
/// end to end. It draws a title line and quits on `q`. Delete this type when the runtime is wired in.
@MainActor
struct InterimReaderLoop {
    let terminal: NcursesTerminal
    let options: ReaderOptions

    func run() {
        draw()
        while true {
            switch terminal.nextEvent(timeoutMilliseconds: -1) {
            case .key(.character("q")), .terminate:
                return
            case .resize, .key, nil:
                draw()
            }
        }
    }

    private func draw() {
        let (width, height) = terminal.size
        var screen = Screen(width: width, height: height)
        let title = Style(foreground: .indexed(0), background: .indexed(6), attributes: .bold)
        screen.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: title))
        screen.put(" Gazette — interim reader (\(width)×\(height))", x: 0, y: 0, style: title)
        screen.put("The reader runtime is not wired in yet. Press q to quit.", x: 1, y: 2)
        screen.put("config: \(options.paths.configDirectory)", x: 1, y: 4)
        screen.put("data:   \(options.paths.dataDirectory)", x: 1, y: 5)
        terminal.draw(screen)
    }
}

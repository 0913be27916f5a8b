import ArgumentParser
import NcursesBackend
import TermCore

/// `gazette terminal-check`: a diagnostic screen for the terminal layer alone. It shows every key as
/// Gazette decodes it, the size after each resize, wide and combining text, the colours, and how long the
/// last frame took to draw. Useful in bug reports ("which key does my terminal send?") and as the target of
/// the backend's end-to-end tests, which must not depend on the reader's screens. Hidden from `--help`.
struct TerminalCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Show keys, size, colours and wide text as Gazette sees them (q quits).",
        shouldDisplay: false
    )

    func run() async throws {
        let signal = try await TerminalCheckSession.run()
        if let signal { throw ExitCode(128 + signal) }
    }
}

/// The loop of `terminal-check`.
@MainActor
enum TerminalCheckSession {
    /// Runs until `q` or a termination signal; returns the signal, if one ended it.
    static func run() async throws -> Int32? {
        do {
            try TerminalCheck.validateTerminalType(NcursesTerminal.environmentTerminalType())
            try TerminalCheck.validateStreams()
        } catch {
            throw CommandLineError.terminal(error)
        }
        return try await NcursesTerminal.withTerminal { terminal in
            var page = TerminalCheckPage()
            let clock = ContinuousClock()
            while true {
                let (width, height) = terminal.size
                let screen = page.render(width: width, height: height)
                let elapsed = clock.measure { terminal.draw(screen) }
                page.lastDrawMicroseconds = Int(elapsed.components.attoseconds / 1_000_000_000_000)
                    + Int(elapsed.components.seconds) * 1_000_000
                page.frames += 1
                guard let event = terminal.nextEvent(timeoutMilliseconds: -1) else { continue }
                if event == .terminate || event == .key(.character("q")) { break }
                page.record(event)
            }
            return terminal.receivedSignal
        }
    }
}

/// What `terminal-check` shows, as a pure value rendered into a `Screen`.
struct TerminalCheckPage {
    /// Descriptions of the events seen, newest last; only the last few are kept.
    private(set) var events: [String] = []
    private(set) var eventCount = 0
    var frames = 0
    var lastDrawMicroseconds = 0

    mutating func record(_ event: InputEvent) {
        eventCount += 1
        events.append(Self.describe(event))
        if events.count > 8 { events.removeFirst(events.count - 8) }
    }

    /// A short, stable name for an event: `key up`, `key char é`, `key ctrl-a`, `resize 80x24`.
    static func describe(_ event: InputEvent) -> String {
        switch event {
        case .resize(let width, let height): return "resize \(width)x\(height)"
        case .terminate: return "terminate"
        case .key(let key):
            switch key {
            case .character(let c): return "key char \(c)"
            case .control(let c): return "key ctrl-\(c)"
            case .function(let n): return "key F\(n)"
            default: return "key \(key)"
            }
        }
    }

    func render(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let title = Style(foreground: .indexed(15), background: .indexed(4), attributes: .bold)
        screen.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: title))
        screen.put(" Gazette terminal check — \(width)x\(height) — q quits", x: 0, y: 0, style: title)
        var y = 2
        func line(_ text: String, style: Style = .plain) {
            screen.put(text, x: 1, y: y, style: style, maxWidth: max(0, width - 2))
            y += 1
        }
        line("events: \(eventCount)  frames: \(frames)  last draw: \(lastDrawMicroseconds) us")
        line("last: " + (events.last ?? "none"))
        for (index, event) in events.enumerated().reversed().dropFirst() { line("  \(index): \(event)") }
        y += 1
        line("wide: 中文 日本語 한국어 😀 🚀|")
        line("accents: café naïve Tænk e\u{301}te Ñandú|")
        line("clusters: 👍🏽 👩‍💻 ❤️ 🇪🇸|")
        line("rtl: שלום مرحبا|")
        line("styles: bold", style: Style(attributes: .bold))
        if y < height {
            var x = 1
            for index in 0..<16 where x + 2 <= width {
                screen.put("  ", x: x, y: y, style: Style(background: .indexed(UInt8(index))))
                x += 2
            }
            y += 1
        }
        if y < height {
            var x = 1
            for step in 0..<24 where x < width {
                let v = UInt8(step * 11)
                screen.put(" ", x: x, y: y, style: Style(background: .rgb(v, 128, 255 - v)))
                x += 1
            }
        }
        return screen
    }
}

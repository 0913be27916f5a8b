import NcursesBackend
import TermCore

/// `gazette-bench frames N`: how long `NcursesTerminal.draw` takes on this terminal,
/// for a frame in which every cell changes (mixed ASCII, accents, CJK, emoji, 8 colour pairs, some bold)
/// and for an unchanged frame. Drawing includes the diff, the cells handed to ncurses and `doupdate`'s
/// terminal output, so it measures what a user waits for.
@MainActor
enum FrameBenchmark {
    static func run(frames: Int) async throws -> String {
        do {
            try TerminalCheck.validateTerminalType(NcursesTerminal.environmentTerminalType())
            try TerminalCheck.validateStreams()
        } catch {
            throw BenchFailure(message: "\(error)", status: 2)
        }
        let (full, unchanged, diffs, changedCells, size) = try await NcursesTerminal.withTerminal { terminal in
            let (width, height) = terminal.size
            let screens = [pattern(width: width, height: height, phase: 0),
                           pattern(width: width, height: height, phase: 1)]
            let clock = ContinuousClock()
            terminal.draw(screens[1])
            var full: [Duration] = [], unchanged: [Duration] = []
            for index in 0..<frames {
                full.append(clock.measure { terminal.draw(screens[index % 2]) })
            }
            let last = screens[(frames - 1) % 2]
            for _ in 0..<frames {
                unchanged.append(clock.measure { terminal.draw(last) })
            }
            // The pure part alone: how much of a full frame is the diff itself.
            var diffs: [Duration] = []
            var changed = 0
            for index in 0..<frames {
                diffs.append(clock.measure { changed &+= FrameDiff(from: screens[index % 2], to: screens[(index + 1) % 2]).cellCount })
            }
            return (full, unchanged, diffs, changed, (width, height))
        }
        return "frames at \(size.0)x\(size.1), \(frames) each: "
            + "every cell changed: median \(milliseconds(median(full))) ms, "
            + "unchanged: median \(milliseconds(median(unchanged))) ms; "
            + "of which diffing a full change (\(changedCells / frames) cells): median \(milliseconds(median(diffs))) ms"
    }

    /// A screen where every cell differs from the other phase's.
    static func pattern(width: Int, height: Int, phase: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let samples = ["Gazette news ", "café Ñandú ", "中文新闻 ", "日本語 ", "😀🚀 ", "naïve Tænk "]
        for y in 0..<height {
            var x = 0
            var index = y + phase
            while x < width {
                let style = Style(foreground: .indexed(UInt8(1 + (index + phase) % 7)),
                                  background: phase == 0 ? .default : .indexed(0),
                                  attributes: index % 3 == 0 ? .bold : [])
                let used = screen.put(samples[index % samples.count], x: x, y: y, style: style)
                x += max(1, used)
                index += 1
            }
        }
        return screen
    }

    private static func median(_ values: [Duration]) -> Duration {
        values.sorted()[values.count / 2]
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let rounded = (value * 100).rounded() / 100
        return "\(rounded)"
    }
}

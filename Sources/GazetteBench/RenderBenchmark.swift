#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ArticleText

/// A measurement of `ArticleRenderer` for a bench command: how long parsing, reading into `RichText` and
/// layout take for one document at one width. Part of `gazette-bench`, not of the app.
struct RenderBenchmark: Sendable {
    /// The median wall-clock, calling-thread CPU and whole-process CPU time of one phase. CPU time is
    /// the steadier figure on a busy machine; wall time is what a reader waits; process CPU counts the
    /// layout thread of a long article too.
    struct Timing: Sendable, CustomStringConvertible {
        var wallMilliseconds: Double
        var cpuMilliseconds: Double
        var processCPUMilliseconds: Double
        var description: String {
            "wall \(Self.format(wallMilliseconds)) ms, cpu \(Self.format(cpuMilliseconds)) ms"
        }
        static func format(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }
    }

    /// Medians over the runs.
    struct Result: Sendable {
        /// HTML to `RichText` (the streaming reader).
        var richText: Timing
        /// `RichText` to rows at the width.
        var layout: Timing
        /// `ArticleRenderer.render` end to end.
        var total: Timing
        var runs: Int
        var lineCount: Int
    }

    /// Runs every phase `runs` times (at least 1) on `html` at `width` and returns the medians.
    static func run(html: String, width: Int, runs: Int = 7) -> Result {
        var richText: [(Double, Double, Double)] = []
        var layout: [(Double, Double, Double)] = [], total: [(Double, Double, Double)] = []
        var lineCount = 0
        for _ in 0..<max(1, runs) {
            var text = RichText()
            richText.append(measure { text = ArticleRenderer.richText(fromHTML: html) })
            layout.append(measure { lineCount = TextLayout.lines(for: text, width: width).count })
            total.append(measure { _ = ArticleRenderer.render(html: html, width: width) })
        }
        return Result(richText: median(richText), layout: median(layout),
                      total: median(total), runs: max(1, runs), lineCount: lineCount)
    }

    private static func median(_ samples: [(Double, Double, Double)]) -> Timing {
        let wall = samples.map(\.0).sorted(), cpu = samples.map(\.1).sorted(), process = samples.map(\.2).sorted()
        return Timing(wallMilliseconds: wall[wall.count / 2], cpuMilliseconds: cpu[cpu.count / 2],
                      processCPUMilliseconds: process[process.count / 2])
    }

    /// (wall, thread CPU, process CPU) milliseconds spent in `body`.
    private static func measure(_ body: () -> Void) -> (Double, Double, Double) {
        func now(_ clock: clockid_t) -> Double {
            var time = timespec()
            clock_gettime(clock, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
        }
        let wall = now(CLOCK_MONOTONIC), cpu = now(CLOCK_THREAD_CPUTIME_ID), process = now(CLOCK_PROCESS_CPUTIME_ID)
        body()
        return (now(CLOCK_MONOTONIC) - wall, now(CLOCK_THREAD_CPUTIME_ID) - cpu, now(CLOCK_PROCESS_CPUTIME_ID) - process)
    }
}

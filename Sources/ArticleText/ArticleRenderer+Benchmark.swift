#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A measurement of `ArticleRenderer` for a bench command: how long parsing, reading into `RichText` and
/// layout take for one document at one width. Not used by the app itself.
public struct RenderBenchmark: Sendable {
    /// The median wall-clock, calling-thread CPU and whole-process CPU time of one phase. CPU time is
    /// the steadier figure on a busy machine; wall time is what a reader waits; process CPU counts the
    /// layout thread of a long article too.
    public struct Timing: Sendable, CustomStringConvertible {
        public var wallMilliseconds: Double
        public var cpuMilliseconds: Double
        public var processCPUMilliseconds: Double
        public var description: String {
            "wall \(Self.format(wallMilliseconds)) ms, cpu \(Self.format(cpuMilliseconds)) ms"
        }
        static func format(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }
    }

    /// Medians over the runs.
    public struct Result: Sendable {
        /// gumbo alone: parse and free the tree.
        public var gumbo: Timing
        /// HTML to `RichText` (gumbo included).
        public var richText: Timing
        /// `RichText` to rows at the width.
        public var layout: Timing
        /// `ArticleRenderer.render` end to end.
        public var total: Timing
        public var runs: Int
        public var lineCount: Int
    }

    /// Runs every phase `runs` times (at least 1) on `html` at `width` and returns the medians.
    public static func run(html: String, width: Int, runs: Int = 7) -> Result {
        var gumbo: [(Double, Double, Double)] = [], richText: [(Double, Double, Double)] = []
        var layout: [(Double, Double, Double)] = [], total: [(Double, Double, Double)] = []
        var lineCount = 0
        for _ in 0..<max(1, runs) {
            gumbo.append(measure { _ = HTMLTree(html: html) })
            var text = RichText()
            richText.append(measure { text = ArticleRenderer.richText(fromHTML: html) })
            layout.append(measure { lineCount = TextLayout.lines(for: text, width: width).count })
            total.append(measure { _ = ArticleRenderer.render(html: html, width: width) })
        }
        return Result(gumbo: median(gumbo), richText: median(richText), layout: median(layout),
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

    /// A deterministic news-like HTML document of about `bytes` bytes: paragraphs with links, emphasis,
    /// entities (windows-1252 quotes among them), lists, quotes, a figure and some non-Latin text.
    public static func sampleArticle(bytes: Int) -> String {
        let paragraph = """
        <p>The United States and Venezuela are back on <b>talking terms</b>. The White House admitted on \
        Monday that a delegation held <a href="/news/2022/03/08/talks">weekend talks</a> in Caracas with \
        the government, including discussions on &#147;energy supplies&#148; &amp; security &mdash; \
        according to <i>The New York Times</i>, 96% of the country&#146;s revenues come from crude oil.</p>
        <p>Los precios del petróleo subieron; 原油价格上涨了百分之五，市场反应强烈。 Ölpreise steigen \
        weiter, und die Märkte reagieren nervös auf die Nachrichten aus Caracas.</p>
        <blockquote><p>&#147;As it relates to Venezuela, the purpose of the trip was to discuss a range \
        of issues,&#148; the press secretary told reporters.</p></blockquote>
        <ul><li>Sanctions on crude exports since 2019</li><li>Six oil executives detained in 2017</li></ul>
        <figure><img src="/photo.jpg" alt="Maduro and Putin"><figcaption>Maduro has been among the few \
        figures to assure Putin of his &#147;strong support&#148;.</figcaption></figure>

        """
        var html = "<html><head><title>Sample</title></head><body><article><h1>Surprise turnaround</h1>\n"
        html.reserveCapacity(bytes + paragraph.utf8.count)
        while html.utf8.count < bytes { html += paragraph }
        return html + "</article></body></html>"
    }
}

import ArgumentParser
import ArticleText
import Foundation

/// `gazette-bench render FILE --width 100 --runs N`: times turning an HTML article into laid-out
/// rows (parse, RichText, layout) in process and prints `render_ms=` (wall) and the phases, for `make bench`.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Time rendering an HTML article.")

    @Argument(help: "An HTML file.") var file: String
    @Option(help: "Columns to lay out at.") var width = 100
    @Option(help: "Repetitions; medians are printed.") var runs = 7
    @Flag(help: "Only render end to end, repeatedly, printing nothing else (for a profiler).")
    var profile = false
    @Flag(help: "Print the rows once, each span as traits:text, to compare two builds' output.")
    var dump = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw BenchFailure(message: "cannot read \(file)")
        }
        if dump {
            let rendered = ArticleRenderer.render(html: String(decoding: data, as: UTF8.self), width: width)
            for line in rendered.lines {
                print(line.spans.map { "\($0.traits.rawValue):\($0.text)" }.joined(separator: "|"))
            }
            print(rendered.links.joined(separator: "\n"))
            return
        }
        if profile {
            let html = String(decoding: data, as: UTF8.self)
            var lines = 0
            for _ in 0..<max(1, runs) { lines += ArticleRenderer.render(html: html, width: width).lines.count }
            print("lines=\(lines)")
            return
        }
        let result = RenderBenchmark.run(html: String(decoding: data, as: UTF8.self), width: width, runs: max(1, runs))
        print(String(format: "render_ms=%.3f render_cpu_ms=%.3f render_process_cpu_ms=%.3f lines=%d",
                     result.total.wallMilliseconds, result.total.cpuMilliseconds,
                     result.total.processCPUMilliseconds, result.lineCount))
        print("phases: rich text \(result.richText), layout \(result.layout)")
    }
}

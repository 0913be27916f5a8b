import ArgumentParser
import ArticleText
import Foundation

/// `gazette-bench extract PAGE...`: times reader-mode extraction of each page in process (the page already
/// in memory; gumbo's parse included) and prints one line per page, `wall_ms<TAB>cpu_ms<TAB>bytes<TAB>path`
/// (medians over the runs; CPU time is the calling thread's, steady on a busy machine), then the medians
/// over the pages. Pages may be gzip-compressed (`.gz`).
struct ExtractBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Time article extraction on saved pages (plain text, as `gazette extract` prints it)."
    )

    @Argument(help: "Saved pages (.html, or .html.gz).")
    var pages: [String]

    @Option(help: "Runs per page; the median is reported.")
    var runs = 9

    @Flag(name: .customLong("with-html"), help: "Also write the HTML body the article pane stores.")
    var withHTML = false

    func run() throws {
        var walls: [Double] = [], cpus: [Double] = []
        for path in pages {
            let html = try Self.read(path)
            var wall: [Double] = [], cpu: [Double] = []
            for _ in 0..<max(1, runs) {
                var length = 0
                let (w, c, _) = RenderBenchmark.measure {
                    length = ArticleExtractor.extract(html: html, url: nil, includeHTML: withHTML).text.utf8.count
                }
                precondition(length >= 0)
                wall.append(w)
                cpu.append(c)
            }
            wall.sort()
            cpu.sort()
            walls.append(wall[wall.count / 2])
            cpus.append(cpu[cpu.count / 2])
            print(String(format: "%.3f\t%.3f\t%d\t%@", wall[wall.count / 2], cpu[cpu.count / 2], html.utf8.count, path))
        }
        walls.sort()
        cpus.sort()
        if !walls.isEmpty {
            print(String(format: "median\t%.3f\t%.3f", walls[walls.count / 2], cpus[cpus.count / 2]))
        }
    }

    /// The page's text; `.gz` files are inflated with `gzip -dc`.
    static func read(_ path: String) throws -> String {
        guard path.hasSuffix(".gz") else { return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

import ArgumentParser
import ArticleText
import Foundation

/// `gazette-bench extract PAGE...`: times reader-mode extraction of each page in process (the page already
/// in memory; gumbo's parse included) and prints one line per page, `median_ms<TAB>bytes<TAB>path`, then
/// the median over the pages. Pages may be gzip-compressed (`.gz`).
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
        var medians: [Double] = []
        let clock = ContinuousClock()
        for path in pages {
            let html = try Self.read(path)
            var times: [Double] = []
            for _ in 0..<max(1, runs) {
                let start = clock.now
                let article = ArticleExtractor.extract(html: html, url: nil, includeHTML: withHTML)
                let elapsed = clock.now - start
                precondition(article.text.utf8.count >= 0)
                times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            times.sort()
            let median = times[times.count / 2]
            medians.append(median)
            print(String(format: "%.3f\t%d\t%@", median, html.utf8.count, path))
        }
        medians.sort()
        if !medians.isEmpty { print(String(format: "median\t%.3f", medians[medians.count / 2])) }
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

import ArgumentParser
import ArticleText
import Foundation
import TextSafety

/// `gazette-bench page-comments`: writes a comment page of N comments in MercoPress-like markup (author,
/// text, meta line with date and score; replies nested as in `comments-layout`'s thread) and times
/// finding them by their structure. Prints `extract_ms=<median>`.
struct PageCommentsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page-comments", abstract: "Time finding the comments of a story's page by their structure.")

    @Option(help: "Comments on the page.") var comments = 1000
    @Option(help: "Repetitions.") var runs = 9

    func run() {
        let html = Self.page(count: comments)
        var times: [Double] = []
        var found = 0
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            found = PageCommentExtractor.extract(html: html, url: "https://wire.example/story/comments",
                                                 now: Date(timeIntervalSince1970: 1_773_200_000)).comments.count
            times.append(BenchQueryCommand.milliseconds(since: start))
        }
        print("comments=\(comments) found=\(found) bytes=\(html.utf8.count) runs=\(times.count)")
        print("extract_ms=\(String(format: "%.2f", BenchQueryCommand.median(times)))")
    }

    /// The page: the comments of `CommentsLayoutBenchmark.thread`, each an `li` nested in its parent's `ul`.
    static func page(count: Int) -> String {
        var html = "<html><body><h1>Story</h1><p>Text.</p><ul class=\"feedback\">"
        var depth = 0
        for (index, comment) in CommentsLayoutBenchmark.thread(count: count).enumerated() {
            if index > 0 {
                if comment.depth > depth { html += "<ul>" } else { html += "</li>" }
                for _ in stride(from: depth, to: comment.depth, by: -1) { html += "</ul></li>" }
            }
            depth = comment.depth
            html += "<li id=\"c\(index)\"><div>\(comment.author ?? "reader\(index)")</div><div>\(comment.body)</div>"
            html += "<div>Mar \(1 + index % 28)th, 2026 - 10:\(10 + index % 50) am - <a href=\"#c\(index)\">Link</a> \(index % 7 - 3)</div>"
        }
        html += String(repeating: "</li></ul>", count: depth) + "</li></ul></body></html>"
        return html
    }
}

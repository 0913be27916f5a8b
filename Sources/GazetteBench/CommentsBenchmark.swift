import ArgumentParser
import Foundation
import NewsModel
import NewsSources
import ReaderCore
import ReaderUI

/// `gazette-bench comments-layout`: builds a thread of N comments (as the cache hands it to the reader)
/// and lays it out for the comment pane at a width: every body wrapped at its indented width, the rows of
/// the visible comments counted. Prints `layout_ms=<median>`.
struct CommentsLayoutBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments-layout", abstract: "Time building and laying out a comment thread.")

    @Option(help: "Comments in the thread.") var comments = 5000
    @Option(help: "Width of the comment pane, in columns.") var width = 60
    @Option(help: "Repetitions.") var runs = 9

    func run() {
        let fetched = Self.thread(count: comments)
        var times: [Double] = []
        var rows = 0
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            let thread = fetched.enumerated().map { position, comment in
                Comment(id: CommentID(Int64(position + 1)), storyID: StoryID(1), remoteID: comment.remoteID,
                        parentRemoteID: comment.parentRemoteID, author: comment.author, date: comment.date,
                        score: comment.score, body: comment.body, depth: comment.depth, position: position,
                        isDeleted: comment.isDeleted)
            }
            let bodies = CommentLayout.bodies(thread, paneWidth: width)
            rows = CommentTree.visibleIndices(thread, collapsed: []).reduce(0) { $0 + bodies[$1].count + 2 }
            times.append(BenchQueryCommand.milliseconds(since: start))
        }
        print("comments=\(comments) width=\(width) rows=\(rows) runs=\(times.count)")
        print("layout_ms=\(String(format: "%.2f", BenchQueryCommand.median(times)))")
    }

    /// A deterministic thread shaped like a busy Hacker News discussion: top-level comments with replies
    /// up to eight deep, bodies of one to four paragraphs with links, italics and now and then code.
    static func thread(count: Int) -> [FetchedComment] {
        let words = ["terminal", "loom", "weaving", "patterns", "thread", "cache", "latency", "the", "a", "of",
                     "and", "which", "because", "really", "SQLite", "Swift", "ncurses", "über", "naïve", "東京"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var result: [FetchedComment] = []
        result.reserveCapacity(count)
        var depth = 0
        for index in 0..<count {
            depth = index == 0 ? 0 : max(0, min(8, depth + [1, 1, 0, -1, -2, -8][next(6)]))
            var paragraphs: [String] = []
            for _ in 0..<(1 + next(4)) {
                var sentence = (0..<(8 + next(40))).map { _ in words[next(words.count)] }
                if next(3) == 0 { sentence[next(sentence.count)] = "<i>\(words[next(words.count)])</i>" }
                if next(4) == 0 { sentence.append("<a href=\"https://example.org/\(index)\">example.org/\(index)</a>") }
                paragraphs.append("<p>" + sentence.joined(separator: " ") + ".</p>")
            }
            if next(20) == 0 { paragraphs.append("<pre><code>let x = \(index)\nprint(x)</code></pre>") }
            result.append(FetchedComment(remoteID: String(index), author: "user\(next(500))",
                                         date: Date(timeIntervalSince1970: 1_790_000_000 + Double(index * 30)),
                                         body: paragraphs.joined(), depth: depth))
        }
        return result
    }
}

/// `gazette-bench comments-fetch`: fetches one Hacker News thread item by item from a Firebase API (the
/// fallback used when Algolia fails), `--concurrency` requests at a time. Prints `fetch_ms=<median>`.
struct CommentsFetchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments-fetch", abstract: "Time fetching a Hacker News thread through the Firebase API.")

    @Option(help: "Base URL of the Firebase API (ending in /v0/).") var api: String
    @Option(help: "The story's item id.") var item: Int
    @Option(help: "Requests in flight at once.") var concurrency = 8
    @Option(help: "Repetitions.") var runs = 5

    func run() async throws {
        let client = HackerNewsClient(endpoints: SourceEndpoints(hackerNewsAPI: api, hackerNewsSearch: api),
                                      policy: FetchPolicy(timeoutSeconds: 30), concurrency: concurrency)
        var times: [Double] = []
        var count = 0
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            count = try await client.firebaseThread(item).count
            times.append(BenchQueryCommand.milliseconds(since: start))
        }
        print("comments=\(count) concurrency=\(concurrency) runs=\(times.count)")
        print("fetch_ms=\(String(format: "%.2f", BenchQueryCommand.median(times)))")
    }
}

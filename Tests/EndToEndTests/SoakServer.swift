import Foundation
import TestSupport

/// The soak's fixture server on 127.0.0.1: feeds, story pages and comment feeds, each request answered at
/// random (from a seeded generator) with a good or changed document, a fault from `LoopbackServer.Reply`'s
/// catalogue, or content that tries to take over the terminal. It counts what it served by kind.
final class SoakServer: @unchecked Sendable {
    // @unchecked Sendable: the generator, the counts and the generation are only touched under `lock`.

    /// What one answer was.
    enum Answer: String, CaseIterable, Sendable {
        case good, changed, hostile, slow, silent, cut, oversized, bomb
        case redirectLoop = "redirect-loop", clientError = "4xx", serverError = "5xx", tooMany = "429"

        /// The faults: everything but good, changed and hostile content.
        var isFault: Bool { ![.good, .changed, .hostile].contains(self) }

        /// How often each answer comes, out of their sum: most answers are documents, so stories accumulate
        /// and the reader has something to show, but every fault comes many times a minute.
        var weight: Int {
            switch self {
            case .good: 30
            case .changed: 14
            case .hostile: 8
            default: 4
            }
        }
    }

    /// The feeds served, so the soak can subscribe to them.
    let feedCount: Int
    /// Stories in each feed document.
    let windowSize: Int
    /// Whether faults and hostile content are served; without, only good and changed documents.
    let hostile: Bool
    private let lock = NSLock()
    private var random: SplitMix64
    private var served: [Answer: Int] = [:]
    /// Bumped by each changed answer: a feed's window of stories slides and its texts change.
    private var generation = 0
    private var server: LoopbackServer?

    init(seed: UInt64, feedCount: Int = 6, windowSize: Int = 12, hostile: Bool = true) throws {
        self.feedCount = feedCount
        self.windowSize = windowSize
        self.hostile = hostile
        random = SplitMix64(seed: seed ^ 0x5EED_F00D)
        server = try LoopbackServer { [weak self] request in
            self?.answer(request) ?? LoopbackServer.Reply.failure(503)
        }
    }

    var baseURL: String { server?.baseURL ?? "" }
    var feedURLs: [String] { (0..<feedCount).map { "\(baseURL)/feed/\($0).xml" } }

    /// Answers served so far by kind (requests that a redirect loop bounced count once, at the feed).
    var counts: [Answer: Int] { lock.withLock { served } }

    func stop() { server?.stop() }

    /// The search token in the title of story `story` of feed `feed`: one word, found by FTS. A search word
    /// matches every word it begins (`SearchPlan`), so the final letter keeps each token from beginning
    /// another (`qz3x1` would also find `qz3x10`…`qz3x19`, and the driver mark the wrong story).
    static func token(feed: Int, story: Int) -> String { "qz\(feed)x\(story)k" }

    /// Stories a feed shows at `generation`: a window that slides on by one per change, over 40 more.
    func window(generation: Int) -> Range<Int> { (generation % 40)..<(generation % 40 + windowSize) }

    /// How many stories a feed can ever show (the tokens' story numbers are below it).
    var storySpan: Int { 40 + windowSize }

    // MARK: answering

    private func answer(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "loop" {
            // /loop/a → /loop/b → /loop/a: only the client's redirect limit ends it.
            return .redirect(to: parts.count > 1 && parts[1] == "a" ? "/loop/b" : "/loop/a")
        }
        let (kind, generation) = lock.withLock { () -> (Answer, Int) in
            let kind = pick()
            served[kind, default: 0] += 1
            if kind == .changed { self.generation += 1 }
            return (kind, self.generation)
        }
        let document: String
        let contentType: String
        switch parts.first {
        case "page":
            document = Self.page(parts, generation: generation, hostile: kind == .hostile)
            contentType = "text/html; charset=utf-8"
        case "comments":
            document = Self.commentFeed(parts, hostile: kind == .hostile)
            contentType = "application/rss+xml"
        default:
            let feed = Int(parts.dropFirst().first?.split(separator: ".").first ?? "") ?? 0
            document = feedDocument(feed: feed, generation: generation, hostile: kind == .hostile)
            contentType = "application/rss+xml"
        }
        switch kind {
        case .good, .changed, .hostile: return LoopbackServer.Reply(contentType: contentType, body: document)
        case .slow: return .trickle(document, pieceSize: 32, delay: 0.5, contentType: contentType)
        case .silent: return .silent(for: 20, then: document, contentType: contentType)
        case .cut: return .cut(document, after: document.utf8.count / 2, contentType: contentType)
        case .oversized: return .endless(pieces: 4096, contentType: contentType)
        case .bomb: return .gzipBomb(pieces: 400, contentType: contentType)
        case .redirectLoop: return .redirect(to: "/loop/a")
        case .clientError: return .failure(lock.withLock { Bool.random(using: &random) } ? 404 : 403)
        case .serverError: return .failure(lock.withLock { Bool.random(using: &random) } ? 500 : 503)
        case .tooMany: return .failure(429, retryAfter: 3)
        }
    }

    /// A weighted random answer; call under `lock`.
    private func pick() -> Answer {
        let answers = hostile ? Answer.allCases : [.good, .changed]
        let total = answers.reduce(0) { $0 + $1.weight }
        var roll = Int.random(in: 0..<total, using: &random)
        for answer in answers {
            if roll < answer.weight { return answer }
            roll -= answer.weight
        }
        return .good
    }

    // MARK: documents

    /// RSS 2.0 with the stories of `window(generation)`, each linking to its page and its comment feed.
    private func feedDocument(feed: Int, generation: Int, hostile: Bool) -> String {
        let now = Date()
        var items = ""
        for story in window(generation: generation) {
            let date = now.addingTimeInterval(-Double(story) * 600 - Double(feed) * 60)
            items += """
                <item><title>Harbour report \(Self.token(feed: feed, story: story)) tide \(generation % 7)</title>
                <link>\(baseURL)/page/\(feed)/\(story)</link><guid>soak-\(feed)-\(story)</guid>
                <pubDate>\(Self.rfc822(date))</pubDate>
                <wfw:commentRss>\(baseURL)/comments/\(feed)/\(story)</wfw:commentRss>
                <description>&lt;p&gt;Edition \(generation) of story \(story): the pier lights were \
                repaired and the ferry kept its timetable.&lt;/p&gt;</description></item>

                """
        }
        if hostile {
            items += HostileFeedTests.items
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel>
            <title>Soak Feed \(feed)</title><link>\(baseURL)/</link>
            \(items)</channel></rss>
            """
    }

    /// A story page for reader mode: a few paragraphs, hostile ones on a hostile answer.
    private static func page(_ parts: [String], generation: Int, hostile: Bool) -> String {
        let body = (0..<8).map { "<p>Paragraph \($0) of edition \(generation): the harbour master counted the boats "
            + "twice, and the tide tables were pinned to the notice board by the chandlery.</p>" }.joined()
        let extra = hostile ? "<p>\(HostileFeedTests.rawControls)</p>" : ""
        return "<html><head><title>Page \(parts.joined(separator: " "))</title></head><body><article>"
            + "<h1>Harbour report</h1>\(body)\(extra)</article></body></html>"
    }

    /// A comment feed of a few replies.
    private static func commentFeed(_ parts: [String], hostile: Bool) -> String {
        let items = (0..<4).map { index in
            let text = hostile && index == 0 ? HostileFeedTests.rawControls : "Reply \(index): agreed about the ferry."
            return "<item><title>Re: \(parts.joined(separator: " "))</title><dc:creator>reader\(index)</dc:creator>"
                + "<description>\(text)</description><guid>c-\(parts.joined(separator: "-"))-\(index)</guid></item>"
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments</title>
            \(items)</channel></rss>
            """
    }

    private static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

import Foundation
import Testing

/// A story long enough (over 64 KB of HTML) to be laid out on a second thread, opened in the real binary in
/// tmux: it shows from its first paragraph, and End shows the end of its numbered link list.
@Suite("A long article reads to its end")
struct LongArticleTests {
    static let marker = "LongReadHeadline"
    static let paragraphs = 1_200

    /// One item whose body is 1,200 paragraphs, each with a link of its own, the last one marked.
    static let feed: String = {
        var body = ""
        for index in 0..<paragraphs {
            body += "<p>Paragraph \(index) of the long read, with <a href=\"https://example.org/long/\(index)\">"
                + "link \(index)</a> and a few more words to wrap.</p>\n"
        }
        body += "<p>THE-LAST-PARAGRAPH</p>"
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Long reads</title><link>http://127.0.0.1/</link>
            <item><title>\(marker)</title><link>http://127.0.0.1/long</link>
            <pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate>
            <description><![CDATA[\(body)]]></description></item>
            </channel></rss>
            """
    }()

    @Test("Opened full screen, a 100 KB story shows its start, and the end of its numbered link list at End")
    func longArticle() throws {
        #expect(Self.feed.utf8.count > 64 * 1024)
        let folder = try SubscribedFeedFile(named: "long.xml", xml: Self.feed)
        defer { folder.remove() }
        let refresh = try folder.refresh()
        #expect(refresh.status == 0, "refresh failed: \(refresh.standardError)")

        let session = try TmuxSession { _, _ in folder.arguments }
        defer { session.close() }
        try session.waitFor(Self.marker)
        try session.send("Enter")
        try session.waitFor("Paragraph 0 of the long read")
        try session.send("End")
        let last = Self.paragraphs
        let screen = try session.waitUntil("the end of the link list", settled: true) { screen in
            screen.contains { $0.contains("[\(last)] https://example.org/long/\(last - 1)") }
        }
        if let screen {
            #expect(!screen.contains { $0.contains("Paragraph 0 of the long read") })
            #expect(screen.contains { $0.contains("[\(last - 1)] https://example.org/long/\(last - 2)") })
        }
        for _ in 0..<3 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: TmuxSession.pollInterval * 6)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }
}

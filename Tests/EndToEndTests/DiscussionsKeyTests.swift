import Foundation
import Testing
import TestSupport

/// `d` in the reader: the selected story's link looked up on Hacker News and Lobsters (both served on
/// 127.0.0.1), the discussions listed with their comment counts, the chosen one's comments in the pane.
@Suite("End to end: discussions elsewhere (d)", .serialized)
struct DiscussionsKeyTests {
    static func feed(base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Loom Notes</title><link>\(base)</link><description>d</description>
          <item><title>A loom drawn in box characters</title><link>\(base)weave</link><guid>\(base)weave</guid>
            <description><![CDATA[<p>Warp and weft on a terminal grid.</p>]]></description>
            <pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate></item>
        </channel></rss>
        """
    }

    @Test("d lists the Hacker News and Lobsters discussions with counts; Enter shows the chosen one's comments")
    func discussionsKey() throws {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 100, type: "story", by: "pat", title: "A loom drawn in box characters"))
        hn.add(.init(id: 101, by: "ann", text: "The warp threads look right.", parent: 100))
        hn.add(.init(id: 102, by: "bob", text: "Does it do tablet weaving?", parent: 100))
        let server = try LoopbackServer { request in
            let base = "http://\(request.headers["host"] ?? "")/"
            switch request.path.split(separator: "?").first.map(String.init) ?? "" {
            case "/feed.xml":
                return LoopbackServer.Reply(contentType: "application/rss+xml", body: Self.feed(base: base))
            case "/weave":
                return LoopbackServer.Reply(contentType: "text/html", body: "<html><body><p>Warp and weft.</p></body></html>")
            case "/api/v1/search":
                return LoopbackServer.Reply(contentType: "application/json", body: """
                    {"hits":[{"objectID":"100","title":"A loom drawn in box characters","url":"\(base)weave",
                    "num_comments":2,"points":31,"created_at_i":1773133200}]}
                    """)
            case "/lobsters/stories/url/all.json":
                return LoopbackServer.Reply(contentType: "application/json", body: """
                    [{"short_id":"lo0m1","title":"Terminal loom","comments_url":"\(base)lobsters/s/lo0m1/terminal_loom",
                      "comment_count":1,"score":5,"created_at":"2026-03-10T10:00:00.000-05:00"}]
                    """)
            default:
                return hn.reply(request)
            }
        }
        let folder = try SubscribedFeedFile(url: server.baseURL + "/feed.xml")
        defer { folder.remove() }
        try Data("""
            [sources.hackernews]
            api = "\(HackerNewsFixture.apiBase(server))"
            search = "\(HackerNewsFixture.searchBase(server))"
            [sources.lobsters]
            url = "\(server.baseURL)/lobsters/"
            """.utf8).write(to: folder.config.appendingPathComponent("config.toml"))
        let refresh = try folder.refresh()
        #expect(refresh.status == 0, "refresh failed: \(refresh.standardError)")
        let arguments = folder.arguments

        let session = try TmuxSession(width: 180) { _, _ in arguments }
        defer { session.close() }
        try session.waitFor("Warp and weft on a terminal grid")
        try session.waitFor("No comments yet.")
        try session.send("d")
        try session.waitUntil("both discussions listed with their counts") { screen in
            screen.contains { $0.contains("Hacker News · 2 comments · A loom drawn in box characters") }
                && screen.contains { $0.contains("Lobsters · 1 comment · Terminal loom") }
        }
        try session.send("Enter")
        try session.waitUntil("the Hacker News thread in the comment pane") { screen in
            screen.contains { $0.contains("The warp threads look right.") }
                && screen.contains { $0.contains("Does it do tablet weaving?") }
                && screen.contains { $0.contains("on Hacker News") }
        }
        #expect(server.requests.contains { $0.path.hasPrefix("/lobsters/stories/url/all.json?url=") })
        for _ in 0..<4 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: TmuxSession.pollInterval * 6)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }
}

import Foundation
import Testing
import TestSupport

/// Refreshing from the reader, in tmux, against a feed this test serves on 127.0.0.1.
@Suite("Refreshing in the reader")
struct ReaderRefreshTests {
    static let headline = "Loopback exclusive: refresh reaches the reader"

    static let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Gazette</title>\
        <item><title>\(headline)</title><link>http://127.0.0.1/story</link><guid>e2e-1</guid>\
        <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate><description>Body text.</description></item>\
        </channel></rss>
        """

    @Test("A feed subscribed but never fetched is fetched as the reader starts; R fetches it again")
    func refreshAll() throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.feed)
        }
        defer { server.stop() }
        let url = server.baseURL + "/feed.xml"
        let session = try TmuxSession { config, data in
            // The subscriptions must exist before the program starts: written while the session is set up.
            try? "\(url) e2e\n".write(toFile: config + "/urls", atomically: true, encoding: .utf8)
            return ["--config-dir", config, "--data-dir", data]
        }
        defer { session.close() }
        // No key pressed: the start-up fetch brings the headline.
        try session.waitFor(Self.headline)
        try session.waitFor("Loopback Gazette")
        #expect(server.requests.filter { $0.path == "/feed.xml" }.count == 1)
        try session.send("R")
        try session.waitFor("refreshed 1 feed: 0 new")
        #expect(server.requests.filter { $0.path == "/feed.xml" }.count == 2)
        try session.send("q")
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }

    @Test("In the sample edition R says there is nothing to refresh")
    func sampleEdition() throws {
        let session = try TmuxSession.demo()
        defer { session.close() }
        try session.waitFor(ReaderStoryTests.seedHeadline)
        try session.send("R")
        try session.waitFor("the sample edition has nothing to refresh")
    }
}

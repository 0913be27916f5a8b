import Foundation
import Testing
import TestSupport

/// Several Gazettes on one cache, as users run them: a reader open while cron runs `gazette refresh`, and a
/// second reader in another terminal. Real processes, a real feed served on 127.0.0.1.
@Suite("Several Gazette processes on one cache")
struct SharedCacheTests {
    /// What the loopback feed serves: one story at first, two once `publishSecond()` is called.
    final class Desk: @unchecked Sendable {
        // @unchecked Sendable: `second` is only touched under `lock`.
        private let lock = NSLock()
        private var second = false

        func publishSecond() { lock.withLock { second = true } }

        var feed: String {
            let later = lock.withLock { second } ? """
                <item><title>Cron brought this one</title><link>http://127.0.0.1/later</link><guid>later</guid>\
                <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>Stored by another process.</description></item>
                """ : ""
            return """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Shared Desk</title>\(later)\
                <item><title>The first story of the desk</title><link>http://127.0.0.1/first</link><guid>first</guid>\
                <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate><description>First body words.</description></item>\
                </channel></rss>
                """
        }
    }

    @Test("with the reader open, gazette refresh works, the reader shows its story within seconds keeping the selection, and a second reader can write")
    func readerAndCron() throws {
        let desk = Desk()
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: desk.feed)
        }
        defer { server.stop() }
        var folders: [String] = []
        let reader = try TmuxSession { config, data in
            try? "\(server.baseURL)/desk.xml\n".write(toFile: config + "/urls", atomically: true, encoding: .utf8)
            folders = ["--config-dir", config, "--data-dir", data]
            return folders
        }
        defer { reader.close() }
        // The subscription was never fetched: the reader fetches it as it starts, no key pressed.
        try reader.waitFor("The first story of the desk")
        try reader.waitFor("First body words.")

        desk.publishSecond()
        let cron = try ProcessRunner.run(try GazetteBinary.path(), ["refresh", "--quiet"] + folders)
        #expect(cron.status == 0, "gazette refresh beside an open reader: \(cron.standardError)")
        #expect(!cron.standardError.contains("another gazette"))

        // The open reader notices the other process's story by itself; its selection stays on the story
        // being read (the article pane still shows it).
        let screen = try #require(try reader.waitFor("Cron brought this one"))
        #expect(screen.contains { $0.contains("First body words.") })

        // A second reader on the same cache is a full reader: starring works and no read-only notice shows.
        let second = try TmuxSession { _, _ in folders }
        defer { second.close() }
        try second.waitFor("Cron brought this one")
        try second.send("s")
        let starred = try #require(try second.waitFor("Starred"))
        #expect(!starred.contains { $0.contains("read-only") || $0.contains("reading only") || $0.contains("Could not") })
        try second.send("q")
        #expect(try second.waitForExit()?.status == 0)
        try reader.send("q")
        #expect(try reader.waitForExit()?.status == 0)
    }
}

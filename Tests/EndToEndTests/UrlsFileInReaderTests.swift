import Foundation
import Testing
import TestSupport

/// The reader follows the urls file: warnings about it show at start, and `R` re-reads it, so lines added
/// or removed by `gazette add` / `gazette remove` while the reader runs count.
@Suite("The urls file while the reader runs")
struct UrlsFileInReaderTests {
    static func feed(_ title: String, _ story: String) -> String {
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>\(title)</title>\
        <item><title>\(story)</title><link>http://127.0.0.1/\(title.count)</link><guid>\(title)</guid>\
        <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate><description>Words of \(title).</description></item>\
        </channel></rss>
        """
    }

    @Test("a bad line is warned about in the status bar at start; R after add and remove fetches the new feed and drops the old")
    func addAndRemoveWhileReading() throws {
        let server = try LoopbackServer { request in
            let body = request.path.hasSuffix("two.xml") ? Self.feed("Second desk", "Freshly added desk story")
                : Self.feed("First desk", "Old desk story")
            return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: body)
        }
        defer { server.stop() }
        let first = server.baseURL + "/one.xml", second = server.baseURL + "/two.xml"
        var folders: [String] = []
        let session = try TmuxSession { config, data in
            try? "\(first)\nnot-a-url news\n".write(toFile: config + "/urls", atomically: true, encoding: .utf8)
            folders = ["--config-dir", config, "--data-dir", data]
            return folders
        }
        defer { session.close() }
        try session.waitUntil("the warning and the story fetched at start") { screen in
            screen.contains { $0.contains("warning: ") && $0.contains("line 2") }
                && screen.contains { $0.contains("Old desk story") }
        }

        let binary = try GazetteBinary.path()
        #expect(try ProcessRunner.run(binary, ["add", "--no-check", second] + folders).status == 0)
        try session.send("R")
        try session.waitFor("Freshly added desk story")

        #expect(try ProcessRunner.run(binary, ["remove", first] + folders).status == 0)
        try session.send("R")
        try session.waitUntil("the removed feed's story gone") { screen in
            !screen.contains { $0.contains("Old desk story") } && screen.contains { $0.contains("Freshly added desk story") }
        }
        try session.send("q")
        #expect(try session.waitForExit()?.status == 0)
    }
}

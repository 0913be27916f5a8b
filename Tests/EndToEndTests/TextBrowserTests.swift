import Foundation
import Testing

/// A text-mode browser gets the terminal: the reader leaves the screen, the browser runs in the
/// foreground, and the reader comes back to the same place when it ends.
@Suite("Opening a link in a text browser")
struct TextBrowserTests {
    static let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Text Desk</title>\
        <item><title>A story to open in w3m</title><link>http://127.0.0.1/opened-story</link><guid>t-1</guid>\
        <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate><description>Text desk body.</description></item>\
        </channel></rss>
        """

    @Test("o Enter runs the text browser on the terminal with the URL in place of %u; its end brings the reader back")
    func foreground() throws {
        let folder = try SubscribedFeedFile(named: "desk.xml", xml: Self.feed)
        defer { folder.remove() }
        #expect(try folder.refresh().status == 0)
        // A stand-in text browser: it draws on the terminal and waits for a line, as w3m waits for keys.
        let script = folder.root.appendingPathComponent("textbrowser.sh").path
        try """
            #!/bin/sh
            printf '\\033[2J\\033[HSTAND-IN TEXT BROWSER on %s\\n' "$2"
            printf 'first argument %s\\n' "$1"
            read answer
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try """
            [reader]
            browser = "/bin/sh \(script) --dump %u"
            text-browser = true
            """.write(to: folder.config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let session = try TmuxSession { _, _ in folder.arguments }
        defer { session.close() }
        try session.waitFor("Text desk body.")
        try session.send("o")
        try session.send("Enter")
        // The stand-in prints its second line after the first: wait for that one, then look at both.
        let browsing = try #require(try session.waitFor("first argument --dump"))
        #expect(browsing.contains { $0.contains("STAND-IN TEXT BROWSER on http://127.0.0.1/opened-story") })
        #expect(!browsing.contains { $0.contains("A story to open in w3m") }, "the reader has left the screen")
        try session.send("Enter")
        let back = try #require(try session.waitFor("opened in the browser: http://127.0.0.1/opened-story"))
        #expect(back.contains { $0.contains("A story to open in w3m") })
        #expect(back.contains { $0.contains("Text desk body.") })
        #expect(!back.contains { $0.contains("STAND-IN") })
        try session.send("q")
        #expect(try session.waitForExit()?.status == 0)
    }
}

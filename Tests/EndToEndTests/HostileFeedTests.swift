import Foundation
import Testing

/// A feed that tries to take over the terminal, read in every pane of the real binary in tmux: nothing in
/// it may act on the terminal (no colour change, no title change, no cursor movement, no overwritten
/// line), and the layout stays intact.
@Suite("A hostile feed is harmless")
struct HostileFeedTests {
    static let marker = "HostileHeadline"

    /// Raw control bytes in XML text, and the same sequences as HTML character references inside an
    /// escaped HTML description (they only become ESC, BEL, CSI after the last decoding step): two items,
    /// which the soak also serves inside its feeds.
    static let items: String = {
        let esc = "\u{1B}", bel = "\u{07}", csi = "\u{9B}"
        let title = "\(marker) \(esc)[41mRED\(esc)[5m \(esc)]0;PWNED-TITLE\(bel) \(csi)31mC1 "
            + "\(esc)]52;c;ZXZpbA==\(bel)clip \(esc)]8;;http://evil.example\(bel)link\(esc)]8;;\(bel) "
            + "user\u{202E}gnp.exe ok\rFAKE \(esc)[2J\(esc)[H"
        let body = "&lt;p&gt;Body &amp;#27;[41mRED&amp;#27;[0m &amp;#27;]0;PWNED-BODY&amp;#7; "
            + "&amp;#155;31m &amp;#x202E;evil&amp;#x202C; line1&amp;#13;FAKE2 "
            + "&amp;#27;[10;10H &amp;#27;]52;c;ZXZpbA==&amp;#7; end-of-body&lt;/p&gt;"
            + "&lt;p&gt;&lt;a href=\"javascript:alert(1)\"&gt;js link&lt;/a&gt; "
            + "&lt;script&gt;document.title='x'&lt;/script&gt;&lt;img src=x onerror=alert(1) alt=\"pic\"&gt;&lt;/p&gt;"
        return """
            <item><title>\(title)</title><link>http://127.0.0.1/evil</link>
            <author>x@example.org (Mallory\(esc)[41m\u{202E}reppiks)</author>
            <pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate>
            <description>\(body)</description></item>
            <item><title>An ordinary neighbour</title><link>http://127.0.0.1/ok</link>
            <pubDate>Sun, 29 Nov 2026 04:00:00 GMT</pubDate><description>Fine.</description></item>

            """
    }()

    /// Raw terminal sequences for a text node of HTML or XML: colour, title (OSC), clipboard, DCS, C1 CSI
    /// and a bidi override.
    static let rawControls = "\u{1B}[41mRED \u{1B}]0;PWNED\u{07} \u{9B}31mC1 \u{202E}evil\u{202C} "
        + "\u{1B}P1;2qDCS\u{1B}\\ \u{1B}]52;c;ZXZpbA==\u{07}clip \u{1B}_APC\u{1B}\\ done"

    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Evil \u{1B}[41mFeed\u{1B}]2;PWNED-FEED\u{07}</title>
        <link>http://127.0.0.1/</link>
        \(items)</channel></rss>
        """

    @Test("Headlines, story and comment pane show the text but none of its control sequences take effect")
    func hostileFeed() throws {
        let folder = try SubscribedFeedFile(named: "hostile.xml", xml: Self.feed)
        defer { folder.remove() }
        let refresh = try folder.refresh()
        #expect(refresh.status == 0, "refresh failed: \(refresh.standardError)")

        // The attributes-only theme: then a red background or blink on screen can only come from the feed
        // (the coloured themes draw errors on red).
        let session = try TmuxSession { _, _ in folder.arguments + ["--theme", "mono"] }
        defer { session.close() }
        let titleBefore = try session.format("#{pane_title}")
        try session.waitFor(Self.marker)
        try expectHarmless(session, titleBefore: titleBefore, pane: "the headline list and article")

        try session.send("Enter")
        try session.waitFor("end-of-body")
        try expectHarmless(session, titleBefore: titleBefore, pane: "the full-screen story")

        try session.send("c")
        try session.waitUntil("the comment pane") { $0.contains { $0.contains("Comments") } }
        try expectHarmless(session, titleBefore: titleBefore, pane: "the comment pane")

        // q goes back a level at a time (comments, story) and quits from the list.
        for _ in 0..<4 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: TmuxSession.pollInterval * 6)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }

    /// Checks the screen as a terminal shows it: the title never changed, no red background or blink
    /// (the `mono` theme uses neither), every row fits, the status bar is still on the last row, and the text
    /// after a carriage return did not overwrite its line.
    private func expectHarmless(_ session: TmuxSession, titleBefore: String, pane: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let title = try session.format("#{pane_title}")
        #expect(title == titleBefore, "the title changed in \(pane)", sourceLocation: sourceLocation)
        #expect(!title.contains("PWNED"), sourceLocation: sourceLocation)
        let attributes = Self.sgrParameters(in: try session.styledScreen().joined(separator: "\n"))
        #expect(!attributes.contains(41), "\(pane) has a red background", sourceLocation: sourceLocation)
        #expect(!attributes.contains(5), "\(pane) blinks", sourceLocation: sourceLocation)
        let screen = try session.screen()
        #expect(screen.count == 48, "rows: \(screen.count)", sourceLocation: sourceLocation)
        #expect(ScreenChecks.overflowingRows(screen, width: 160).isEmpty, sourceLocation: sourceLocation)
        #expect(screen.last?.contains("help") == true, "status bar lost in \(pane)", sourceLocation: sourceLocation)
        // "ok\rFAKE" must not have let FAKE overwrite the start of the row.
        let row = screen.first { $0.contains(Self.marker) }
        #expect(row.map { !$0.hasPrefix("FAKE") } ?? true, sourceLocation: sourceLocation)
        #expect(try session.format("#{alternate_on}") == "1", "\(pane) left the alternate screen",
                sourceLocation: sourceLocation)
    }

    /// Every SGR parameter tmux reports in a styled capture, with the arguments of 256-colour and RGB
    /// colours (`38;5;N`, `48;2;R;G;B`) left out, so that only attributes and 8-colour codes remain.
    static func sgrParameters(in styled: String) -> Set<Int> {
        var found = Set<Int>()
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" }) else { break }
            let numbers = rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            if rest[end] == "m" {
                var index = 0
                while index < numbers.count {
                    let value = numbers[index]
                    if value == 38 || value == 48 || value == 58 {
                        index += (index + 1 < numbers.count && numbers[index + 1] == 2) ? 5 : 3
                        continue
                    }
                    found.insert(value)
                    index += 1
                }
            }
            rest = rest[end...]
        }
        return found
    }
}

import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

@Suite("render: the feed list, the search prompt, matches and stars")
struct RenderViewsTests {
    let theme = Theme.builtinDefault

    static let directory = FeedDirectory(
        feeds: [
            Feed(id: FeedID(1), url: "https://en.mercopress.com/rss", title: "MercoPress", tags: ["world"],
                 unreadCount: 1, totalCount: 1),
            Feed(id: FeedID(2), url: "https://tokyo.example/feed", title: "東京新聞",
                 lastError: "HTTP 404 Not Found", unreadCount: 0, totalCount: 1),
        ],
        tags: ["world"], starred: 0, starredUnread: 0)

    func feedListState(width: Int, height: Int) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(Self.directory))
        return state
    }

    @Test("the feed list shows every view with unread/total counts and the error mark, over the list")
    func feedList() {
        let lines = render(feedListState(width: 160, height: 48), theme: theme).lines
        #expect(lines[0].hasPrefix("─ Feeds · unread/total ─"))
        #expect(lines[1].hasPrefix("   All stories"))
        #expect(lines[1].contains("1/2"))
        #expect(lines[2].hasPrefix("   Starred"))
        #expect(lines[3].hasPrefix("   #world"))
        #expect(lines[4].hasPrefix("   MercoPress"))
        #expect(lines[5].hasPrefix(" ! 東京新聞"))
        #expect(lines[5].contains("0/1"))
        #expect(!lines[45].contains("https://"), "the selected entry (All stories) has no URL")
        #expect(lines[46].contains("Enter show · r refresh (sync) · Esc close"))
        // The article still shows to the right of the panel.
        #expect(lines[5...8].contains { $0.contains("│ The United States") })
    }

    @Test("the selected feed's last error is spelled out under the list")
    func feedListError() {
        var state = feedListState(width: 80, height: 24)
        _ = update(&state, .keyPressed(.end))
        let lines = render(state, theme: theme).lines
        #expect(lines[21].contains("Last refresh failed: HTTP 404 Not Found"))
        _ = update(&state, .keyPressed(.up))
        #expect(render(state, theme: theme).lines[21].contains("https://en.mercopress.com/rss"))
    }

    @Test("the feed list fits a 50x15 terminal")
    func feedListSmall() {
        let screen = render(feedListState(width: 50, height: 15), theme: theme)
        #expect(screen.lines[0].hasPrefix("─ Feeds"))
        #expect(screen.lines.joined().contains("MercoPress"))
        #expect(screen.lines.allSatisfy { DisplayWidth.width(of: $0) <= 50 })
    }

    @Test("help in the feed list lists the feed list's keys")
    func feedListHelp() {
        var state = feedListState(width: 160, height: 48)
        _ = update(&state, .keyPressed(.character("?")))
        let text = render(state, theme: theme).lines.joined(separator: "\n")
        #expect(text.contains("Keys: Feed list"))
        #expect(text.contains("show these stories"))
        #expect(text.contains("close the feed list"))
    }

    @Test("the search prompt replaces the status bar, with the text typed and a cursor")
    func searchPrompt() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = update(&state, .keyPressed(.character("/")))
        for character in "東京 Maduro" { _ = update(&state, .keyPressed(.character(character))) }
        let screen = render(state, theme: theme)
        #expect(screen.lines[23].hasPrefix(" Search: 東京 Maduro"))
        let cursorX = DisplayWidth.width(of: " Search: 東京 Maduro")
        #expect(screen[cursorX, 23].style.attributes.contains(.reverse))
    }

    @Test("a long search keeps its end in view")
    func longPrompt() {
        var state = Fixtures.state(width: 40, height: 10)
        _ = update(&state, .keyPressed(.character("/")))
        for character in String(repeating: "a", count: 60) + "END" { _ = update(&state, .keyPressed(.character(character))) }
        let last = render(state, theme: theme).lines[9]
        #expect(last.contains("aEND"))
        #expect(DisplayWidth.width(of: last) <= 40)
    }

    @Test("search results highlight the matched words in titles; the title bar and status bar name the search")
    func highlightedMatches() throws {
        var state = Fixtures.state(width: 160, height: 48)
        _ = update(&state, .keyPressed(.character("/")))
        for character in "maduro" { _ = update(&state, .keyPressed(.character(character))) }
        let effects = update(&state, .keyPressed(.enter))
        guard case .loadHeadlines(let request)? = effects.first else { Issue.record("no request"); return }
        var headline = Fixtures.headlines[0]
        headline.title = "Maduro holds talks in Caracas"
        var page = HeadlinePage(rows: [headline], startIndex: 0, total: 1, unread: 1)
        page.titleMatches = [StoryID(1): ["Maduro"]]
        _ = update(&state, .headlinesLoaded(request.id, page))
        let screen = render(state, theme: theme)
        #expect(screen.lines[0].hasPrefix("─ Headlines · Search: maduro ─"))
        #expect(screen.lines[47].hasPrefix(" Search: maduro  1/1"))
        let row = screen.lines[1]
        let found = try #require(row.range(of: "Maduro"))
        let column = DisplayWidth.width(of: String(row[..<found.lowerBound]))
        // The selected row: its match still stands out from the selection bar.
        for x in column..<(column + 6) { #expect(screen[x, 1].style == theme[.match], "column \(x)") }
        #expect(screen[column - 2, 1].style != theme[.match])
        #expect(screen[column + 6, 1].style != theme[.match])
    }

    @Test("a starred story carries a star before its unread mark")
    func star() {
        var state = Fixtures.state(width: 160, height: 48)
        _ = update(&state, .keyPressed(.character("s")))
        let lines = render(state, theme: theme).lines
        #expect(lines[1].hasPrefix("★● Surprise turnaround"))
        #expect(lines[2].hasPrefix("   東京"))
    }

    @Test("a feed view is titled with the feed's name from the feed list")
    func feedViewTitle() {
        var state = feedListState(width: 160, height: 48)
        _ = update(&state, .keyPressed(.end))
        _ = update(&state, .keyPressed(.enter))
        let lines = render(state, theme: theme).lines
        #expect(lines[0].hasPrefix("─ Headlines · 東京新聞 ─"))
        #expect(lines[47].hasPrefix(" 東京新聞"))
    }

    @Test("a search with no matches says so and how to go back")
    func noMatches() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = update(&state, .keyPressed(.character("/")))
        _ = update(&state, .keyPressed(.character("x")))
        guard case .loadHeadlines(let request)? = update(&state, .keyPressed(.enter)).first else {
            Issue.record("no request"); return
        }
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: [], startIndex: 0, total: 0, unread: 0)))
        let lines = render(state, theme: theme).lines
        #expect(lines[1] == " No matches. Esc goes back.")
        #expect(!lines.joined().contains("Surprise turnaround"), "the old story left the article pane")
    }

    @Test("matches are found case-insensitively, in CJK text too, and never overlap the wrong characters")
    func matchRanges() {
        #expect(Painter.matchRanges(of: ["maduro"], in: Array("Maduro and MADURO")) == [0..<6, 11..<17])
        #expect(Painter.matchRanges(of: ["東京"], in: Array("東京で桜が満開に 東京")) == [0..<2, 9..<11])
        #expect(Painter.matchRanges(of: ["é"], in: Array("Élections régionales")) == [0..<1, 11..<12])
        #expect(Painter.matchRanges(of: [""], in: Array("abc")).isEmpty)
    }
}

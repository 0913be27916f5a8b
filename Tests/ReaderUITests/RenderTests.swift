import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing
import TextSafety

@Suite("render: the panes at each terminal size")
struct RenderTests {
    let theme = Theme.builtinDefault

    @Test("160x48: list left, article right, status bar last")
    func wide() {
        let lines = render(Fixtures.state(width: 160, height: 48), theme: theme).lines
        #expect(lines.count == 48)
        #expect(lines[0].hasPrefix("─ Headlines · All stories ───"))
        #expect(lines[0].contains("│─ Article · MercoPress ─"))
        #expect(lines[1] == " ● Surprise turnaround of Ukraine invasion: Wash… MercoPress   3h   [2] │ Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend")
        #expect(lines[2] == "   東京で桜が満開に 🌸 花見客でにぎわう公園       東京新聞     2d       │ talks")
        #expect(lines[3] == " ● Élections régionales : à Besançon, l’été des … Le Monde    40m  [12] │ MercoPress · by MercoPress staff")
        #expect(lines[4].hasSuffix("│ 2023-11-14 19:13 UTC · 3 hours ago · 2 comments"))
        #expect(lines[5].hasSuffix("│ https://en.mercopress.com/2022/03/08/surprise"))
        #expect(lines[7].hasSuffix("│ The United States and Venezuela are back in talking terms. White House admitted on"))
        #expect(lines[47] == " All stories  1/3  2 unread  ? help")
    }

    @Test("160x48 with comments: author, date, score and indentation by depth")
    func wideComments() {
        let lines = render(Fixtures.state(width: 160, height: 48, comments: true), theme: theme).lines
        #expect(lines[0].contains("─ Comments (2) ─"))
        #expect(lines[1].hasSuffix("│ │ imoyaro · 2h · 0"))
        #expect(lines[2].hasSuffix("│ │ That's Polonium, Gauchito."))
        // A reply's row carries its ancestors' guide lines, each in its depth's colour.
        #expect(lines[4].hasSuffix("│ │ │ Tænk · 1h · -1"))
        #expect(lines[5].hasSuffix("│ │ │ Now we only need Putin."))
    }

    @Test("160x48 full screen: the story alone, wrapped at the full width")
    func fullScreen() {
        let lines = render(Fixtures.state(width: 160, height: 48, fullScreen: true), theme: theme).lines
        #expect(lines[0].hasPrefix("─ Article · full screen · MercoPress ─"))
        #expect(lines[1] == " " + Fixtures.seedTitle)
        #expect(!lines.joined().contains("Le Monde"))
        #expect(lines[6] == " The United States and Venezuela are back in talking terms. White House admitted on Monday that a US delegation held weekend talks in Caracas.")
    }

    @Test("80x24: list on top, article below")
    func medium() {
        let lines = render(Fixtures.state(width: 80, height: 24), theme: theme).lines
        let expectedTop = [
            "─ Headlines · All stories ──────────────────────────────────────────────────────",
            " ● Surprise turnaround of Ukraine invasion: Washington a… MercoPress   3h   [2]",
            "   東京で桜が満開に 🌸 花見客でにぎわう公園               東京新聞     2d",
            " ● Élections régionales : à Besançon, l’été des cafés     Le Monde    40m  [12]",
        ]
        #expect(Array(lines[0..<4]) == expectedTop)
        #expect(lines[9].hasPrefix("─ Article · MercoPress ─"))
        #expect(lines[10] == " Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold")
        #expect(lines[23] == " All stories  1/3  2 unread  ? help")
    }

    @Test("50x15: only the focused pane, every row of it readable")
    func narrow() {
        let screen = render(Fixtures.state(width: 50, height: 15), theme: theme)
        #expect(screen.lines == [
            "─ Headlines · All stories ────────────────────────",
            " ● Surprise turnaround of … MercoPress   3h   [2]",
            "   東京で桜が満開に 🌸 花…  東京新聞     2d",
            " ● Élections régionales : … Le Monde    40m  [12]",
            "", "", "", "", "", "", "", "", "", "",
            " All stories  1/3  2 unread  ? help",
        ])
    }

    @Test("50x15 with comments focused: just the comments")
    func narrowComments() {
        let lines = render(Fixtures.state(width: 50, height: 15, comments: true), theme: theme).lines
        #expect(Array(lines[0..<6]) == [
            "─ Comments (2) ───────────────────────────────────",
            " │ imoyaro · 2h · 0",
            " │ That's Polonium, Gauchito.",
            "",
            " │ │ Tænk · 1h · -1",
            " │ │ Now we only need Putin.",
        ])
    }

    @Test("40x10: the smallest usable size still draws a pane and the status bar")
    func smallest() {
        let lines = render(Fixtures.state(width: 40, height: 10, fullScreen: true), theme: theme).lines
        #expect(lines == [
            "─ Article · full screen · MercoPress ───",
            " Surprise turnaround of Ukraine",
            " invasion: Washington and Maduro regime",
            " hold weekend talks",
            " MercoPress · by MercoPress staff",
            " 2023-11-14 19:13 UTC · 3 hours ago",
            " 2 comments",
            " https://en.mercopress.com/2022/03/08/",
            " surprise",
            " All stories  1/3  1 unread  ? help",
        ])
    }

    @Test("too small: the size needed is said in words that fit, whatever the size",
          arguments: [(39, 9), (30, 10), (20, 3), (12, 2), (5, 1)])
    func tooSmall(width: Int, height: Int) {
        let lines = render(Fixtures.state(width: width, height: height), theme: theme).lines
        let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("40x10") || (text.contains("40 columns") && text.contains("10 rows")), "\(lines)")
        // No word is cut: every line is whole words of one of the wordings.
        #expect(lines.allSatisfy { !$0.hasSuffix("…") })
    }

    @Test("39x9 and 30x10 spell the size out in full")
    func tooSmallInFull() {
        let lines = render(Fixtures.state(width: 30, height: 10), theme: theme).lines.filter { !$0.isEmpty }
        #expect(lines == ["Terminal too small (30x10):", "Gazette needs at least 40", "columns and 10 rows."])
        #expect(render(Fixtures.state(width: 39, height: 9), theme: theme).lines[0].hasPrefix("Terminal too small (39x9)"))
    }

    @Test("the selected headline is highlighted, with the inactive style when the list has no focus")
    func selection() {
        var state = Fixtures.state(width: 160, height: 48)
        var screen = render(state, theme: theme)
        #expect(screen[5, 1].style == theme[.selected])
        #expect(screen[5, 2].style != theme[.selected])
        _ = update(&state, .keyPressed(.tab))
        screen = render(state, theme: theme)
        #expect(screen[5, 1].style == theme[.selectedInactive])
    }

    @Test("the hint shows right of the summary; an error message wins over it")
    func statusMessages() {
        let hint = "No subscriptions yet: this is the sample edition. Add feeds with: gazette add URL"
        var state = Fixtures.state(width: 160, height: 48, hint: hint)
        var last = render(state, theme: theme).lines[47]
        #expect(last.hasPrefix(" All stories  1/3  2 unread  ? help"))
        #expect(last.hasSuffix(hint))
        _ = update(&state, .requestFailed(.story(StoryID(1)), message: "disk I/O error"))
        let screen = render(state, theme: theme)
        last = screen.lines[47]
        #expect(last.hasSuffix("Could not load the story: disk I/O error"))
        #expect(screen[158, 47].style == theme[.statusError])
        // At 40 columns the position stays and the hint is cut.
        state = Fixtures.state(width: 40, height: 10, hint: hint)
        last = render(state, theme: theme).lines[9]
        #expect(last.hasPrefix(" 1/3  2 unread"))
        #expect(last.hasSuffix("…"))
    }

    @Test("help lists every key of the focused pane, from the keymap")
    func help() {
        var state = Fixtures.state(width: 160, height: 48)
        _ = update(&state, .keyPressed(.character("?")))
        let text = render(state, theme: theme).lines.joined(separator: "\n")
        #expect(text.contains("Keys: Headlines"))
        for binding in state.keymap.bindings(for: .headlines) {
            #expect(text.contains(binding.command.summary(in: .headlines)))
        }
        #expect(text.contains("↑ k"))
        #expect(text.contains("Enter → l"))
        #expect(text.contains("? Esc q close"))
    }

    @Test("at 80x24 and 50x15 help shows its title and how to scroll and close, and scrolling reaches every key",
          arguments: [(80, 24), (50, 15), (40, 10)])
    func helpSmall(width: Int, height: Int) {
        var state = Fixtures.state(width: width, height: height)
        _ = update(&state, .keyPressed(.character("?")))
        var seen = Set<String>()
        var text = ""
        for _ in 0..<40 {
            let screen = render(state, theme: theme).lines
            text = screen.joined(separator: "\n")
            #expect(text.contains("Keys: Headlines"), "\(screen)")
            #expect(text.contains("q close"), "\(screen)")
            // A narrow box cuts long summaries with "…": their first words show the row was there.
            for binding in state.keymap.bindings(for: .headlines)
            where text.contains(String(binding.command.summary(in: .headlines).prefix(12))) {
                seen.insert(binding.command.summary(in: .headlines))
            }
            _ = update(&state, .keyPressed(.pageDown))
            #expect(state.isShowingHelp, "PgDn scrolls help; it does not close it")
        }
        #expect(seen == Set(state.keymap.bindings(for: .headlines).map { $0.command.summary(in: .headlines) }))
        _ = update(&state, .keyPressed(.escape))
        #expect(!state.isShowingHelp)
    }

    @Test("help is framed, so without colours it stands apart from the article behind it")
    func helpFrame() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = update(&state, .keyPressed(.character("?")))
        let lines = render(state, theme: .mono).lines
        let top = lines.firstIndex { $0.contains("┌") && $0.contains("Keys: Headlines") }
        let bottom = lines.lastIndex { $0.contains("└") && $0.contains("┘") }
        #expect(top != nil && bottom != nil)
        if let top, let bottom {
            #expect(lines[(top + 1)..<bottom].allSatisfy { $0.filter { $0 == "│" }.count >= 2 })
        }
    }

    @Test("help for the comment pane names Space")
    func helpComments() {
        var state = Fixtures.state(width: 80, height: 24, comments: true)
        _ = update(&state, .keyPressed(.character("?")))
        let text = render(state, theme: theme).lines.joined(separator: "\n")
        #expect(text.contains("Keys: Comments"))
        #expect(text.contains("Space"))
        #expect(text.contains("collapse / expand this thread"))
    }

    @Test("a comment taller than the pane scrolls row by row")
    func tallCommentScrolls() {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 50, height: 15, comments: true, layouts: layouts)
        let long = (1...30).map { "<p>line \($0)</p>" }.joined()
        var comments = Fixtures.seedComments
        comments[0].body = long
        _ = update(&state, .commentsLoaded(StoryID(1), comments))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        for _ in 0..<5 { _ = update(&state, .keyPressed(.down)) }
        let lines = render(state, theme: theme, layouts: layouts).lines
        #expect(state.commentCursor == 0)
        // Paragraphs are separated by blank rows: the header, "line 1", a blank, "line 2" and a blank (five
        // rows) have scrolled away.
        #expect(state.commentScroll == 5)
        #expect(lines[1] == " │ line 3")
        #expect(lines[2] == " │")
        #expect(lines[3] == " │ line 4")
    }

    @Test("a folded thread shows how many replies it hides")
    func collapsed() {
        var state = Fixtures.state(width: 160, height: 48, comments: true)
        _ = update(&state, .keyPressed(.character(" ")))
        let lines = render(state, theme: theme).lines
        #expect(lines[1].hasSuffix("│ ▸ imoyaro · 2h · 0  [+1 hidden]"))
        #expect(!lines.joined().contains("Tænk"))
    }

    @Test("before the first page comes the list says it is loading")
    func loading() {
        var state = AppState(size: TerminalSize(width: 80, height: 24), now: Fixtures.now)
        _ = update(&state, .started)
        let lines = render(state, theme: theme).lines
        #expect(lines[1] == " Loading headlines…")
        #expect(lines[23].contains("loading…"))
    }

    @Test("text from feeds cannot put control characters on screen")
    func sanitised() {
        var state = AppState(size: TerminalSize(width: 80, height: 24), now: Fixtures.now)
        guard case .loadHeadlines(let request)? = update(&state, .started).first else { return }
        let evil = Headline(id: StoryID(9), feedID: FeedID(1), feedTitle: "Evil\u{1B}]0;owned\u{07}",
                            title: "Click\u{1B}[2J here\u{202E}gnp.exe", date: Fixtures.now)
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: [evil], startIndex: 0, total: 1, unread: 1)))
        let screen = render(state, theme: theme)
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
        #expect(screen.lines[1].contains("Click[2J heregnp.exe"))
    }

    @Test("rows with CJK and emoji never overflow their pane", arguments: [160, 121, 100, 80, 57, 41])
    func wideCharactersFit(width: Int) {
        var state = AppState(size: TerminalSize(width: width, height: 20), now: Fixtures.now)
        guard case .loadHeadlines(let request)? = update(&state, .started).first else { return }
        let titles = ["漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字",
                      "👩‍💻🧑🏽‍🚀🇯🇵❤️ family 👨‍👩‍👧‍👦 emoji row 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
                      "a漢b字c漢d字e漢f字g漢h字i漢j字k漢l字m漢n字o漢p字q漢r字s漢t字u漢v字w漢x字y漢z字"]
        let rows = titles.enumerated().map { index, title in
            Headline(id: StoryID(Int64(index + 1)), feedID: FeedID(1), feedTitle: "中文新闻网站🎉", title: SafeLine(title),
                     date: Fixtures.now, commentCount: 3)
        }
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: rows, startIndex: 0, total: 3, unread: 3)))
        var story = Fixtures.seedStory
        story.id = StoryID(1); story.title = SafeLine(titles[0]); story.content = "<p>" + titles.joined(separator: " ") + "</p>"
        _ = update(&state, .storyLoaded(StoryID(1), story))
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .commentsLoaded(StoryID(1), [Comment(id: CommentID(1), storyID: StoryID(1), remoteID: "x",
                                                                author: "评论者🎉", body: titles[1], depth: 3, position: 0)]))
        let screen = render(state, theme: theme)
        let layout = ScreenLayout(state)
        for y in 0..<screen.height {
            // Every row measures exactly the screen's width: nothing spills into the next row.
            var width = 0
            for x in 0..<screen.width where !screen[x, y].isContinuation {
                width += DisplayWidth.width(of: Character(screen[x, y].text.isEmpty ? " " : screen[x, y].text))
            }
            #expect(width == screen.width, "row \(y)")
        }
        // The separators are intact: no wide character straddles a pane edge.
        for separator in layout.separators {
            for y in separator.y..<separator.maxY { #expect(screen[separator.x, y].text == "│") }
        }
    }
}

import ArticleText
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// One frame being drawn: the state, the theme, and the screen the panes write into.
struct Painter {
    let state: AppState
    let theme: Theme
    let layouts: LayoutCache
    /// The previous frame's panes, kept by a pending article pane.
    let held: HeldPanes?
    var screen: Screen
    /// This frame's panes, taken before the overlays are drawn.
    var panes: HeldPanes
    /// The inputs of the headline rows this frame drew, held with its panes.
    var headlineRows = HeadlineRows()

    init(state: AppState, theme: Theme, layouts: LayoutCache, held: HeldPanes? = nil) {
        self.state = state; self.theme = theme; self.layouts = layouts; self.held = held
        screen = Screen(width: state.size.width, height: state.size.height, fill: Cell(" ", style: theme[.text]))
        // Nothing to hold yet: an empty screen, so the frame's own cells are not shared (and copied on the
        // first write) before a single pane is drawn.
        panes = HeldPanes(screen: Screen(width: 0, height: 0), rects: [:])
    }

    /// Panes, separators, status bar and help, or the too-small line.
    mutating func paint() {
        let layout = ScreenLayout(state)
        guard layout.isUsable else {
            for (row, line) in Self.tooSmallLines(state.size).enumerated() {
                screen.put(line, x: 0, y: row, style: theme[.text], maxWidth: state.size.width)
            }
            return
        }
        for (pane, rect) in layout.panes {
            if keepsHeld(pane, in: rect) { continue }
            drawTitle(of: pane, in: rect)
            let content = ScreenLayout.content(of: rect)
            switch pane {
            case .headlines: drawHeadlines(in: content)
            case .article: drawArticle(in: content)
            case .comments: drawComments(in: content)
            }
        }
        for separator in layout.separators {
            for y in separator.y..<separator.maxY {
                screen.put("│", x: separator.x, y: y, style: theme[.border])
            }
        }
        // The panes as drawn are held for the next frame. The status bar and the search prompt lie outside
        // every pane, so without an overlay over the panes the finished frame is that snapshot and no copy
        // of the screen is made; with one, the panes are taken before it is drawn.
        if coversPanes { panes = HeldPanes(screen: screen, rects: layout.panes, headlineRows: headlineRows) }
        drawStatusBar(in: layout.statusBar)
        drawViewOverlays(layout)
        if let discussions = state.discussions { drawDiscussions(discussions) }
        if state.isShowingHelp { drawHelp() }
        if !coversPanes { panes = HeldPanes(screen: screen, rects: layout.panes, headlineRows: headlineRows) }
    }

    /// Whether this frame draws something over the panes (the feed list, a discussion list, help).
    private var coversPanes: Bool {
        state.views.feedList != nil || state.discussions != nil || state.isShowingHelp
    }

    /// While the article or the comment pane is pending, it keeps the previous frame's cells when it was in
    /// the same place; false when it must be drawn (nothing held, or the layout changed: then an article
    /// body is laid out now).
    private mutating func keepsHeld(_ pane: Pane, in rect: Rect) -> Bool {
        let isPending = switch pane {
        case .article: state.isArticlePending
        case .comments: state.isCommentPanePending
        case .headlines: false
        }
        guard isPending, let held, held.canKeep(pane, in: state) else { return false }
        screen.copy(rect, from: held.screen)
        return true
    }

    /// The pane's title row: `─ Headlines · All stories ─────── 12% ─`, brighter when focused.
    mutating func drawTitle(of pane: Pane, in rect: Rect) {
        let style = pane == state.focus ? theme[.borderFocused] : theme[.border]
        for x in rect.x..<rect.maxX { screen.put("─", x: x, y: rect.y, style: style) }
        var title = pane.title
        var right: String?
        switch pane {
        case .headlines:
            title += " · " + scopeName
        case .article:
            if state.mode == .fullScreenArticle { title += " · full screen" }
            if let story = state.shownStory {
                title += " · " + story.feedTitle.text
                right = articlePercent
            }
        case .comments:
            if let comments = state.shownComments { title += " (\(CommentCount.of(comments)))" }
            if let discussion = state.commentFetch.discussion, state.shownComments != nil {
                title += " · on " + discussion.site
            }
            if state.commentFetch.pending?.storyID == state.articleStoryID {
                title += " · fetching…"
            } else if let fetched = state.commentFetch.fetchedAt, state.shownComments != nil {
                title += " · fetched " + DateText.relative(fetched, now: state.now)
                if state.commentFetch.problem != nil { title += " · offline" }
            }
        }
        let used = screen.put(" " + TextFit.truncate(title, width: rect.width - 4) + " ", x: rect.x + 1, y: rect.y,
                              style: style, maxWidth: rect.width - 1)
        if let right, rect.width - used > right.count + 6 {
            screen.put(" \(right) ", x: rect.maxX - right.count - 3, y: rect.y, style: style)
        }
    }

    /// How far through the story the article pane is.
    private var articlePercent: String? {
        guard state.metrics.storyID == state.articleStoryID, state.metrics.articleLines > 0 else { return nil }
        let bottom = min(state.metrics.articleLines, state.articleScroll + state.articleViewportRows)
        return "\(bottom * 100 / state.metrics.articleLines)%"
    }

    /// What the headline list is showing, in words (the state's one definition of a view's title).
    var scopeName: String { state.viewTitle }

    /// Draws a laid-out line, each span in its traits' style over `base`.
    mutating func put(_ line: StyledLine, x: Int, y: Int, width: Int, base: Style) {
        var column = x
        for span in line.spans {
            let remaining = x + width - column
            guard remaining > 0 else { break }
            column += screen.put(span.text, x: column, y: y, style: base.patched(with: style(for: span.traits)),
                                 maxWidth: remaining)
        }
    }

    /// The theme's style for text traits; later traits win where they overlap.
    func style(for traits: TextTraits) -> Style {
        var style = Style()
        if traits.contains(.muted) { style = style.patched(with: theme[.muted]) }
        if traits.contains(.quote) { style = style.patched(with: theme[.quote]) }
        if traits.contains(.heading) { style = style.patched(with: theme[.heading]) }
        if traits.contains(.code) { style = style.patched(with: theme[.code]) }
        if traits.contains(.link) { style = style.patched(with: theme[.link]) }
        if traits.contains(.match) { style = style.patched(with: theme[.match]) }
        var attributes = Attributes()
        if traits.contains(.bold) { attributes.insert(.bold) }
        if traits.contains(.italic) { attributes.insert(.italic) }
        if traits.contains(.underline) { attributes.insert(.underline) }
        if traits.contains(.strikethrough) { attributes.insert(.strikethrough) }
        return style.patched(with: Style(attributes: attributes))
    }

    /// Fills a row of a pane with one style (for the selection bar).
    mutating func fillRow(x: Int, y: Int, width: Int, style: Style) {
        screen.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", style: style))
    }
}

extension Painter {
    /// What a terminal below `TerminalSize.minimum` shows: the fullest wording whose words, wrapped,
    /// fit in the terminal, so the size needed is always said and never cut.
    static func tooSmallLines(_ size: TerminalSize) -> [String] {
        let need = TerminalSize.minimum
        let have = "\(size.width)x\(size.height)"
        let wordings = [
            "Terminal too small (\(have)): Gazette needs at least \(need.width) columns and \(need.height) rows.",
            "Terminal too small (\(have)): needs \(need.width) columns, \(need.height) rows.",
            "Too small: needs \(need.width)x\(need.height)",
            "needs \(need.width)x\(need.height)",
            "\(need.width)x\(need.height)",
        ]
        for wording in wordings {
            let lines = wrapWords(wording, width: size.width)
            if lines.count <= size.height, lines.allSatisfy({ DisplayWidth.width(of: $0) <= size.width }) { return lines }
        }
        return []
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole).
    private static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if DisplayWidth.width(of: line) + 1 + DisplayWidth.width(of: String(word)) <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

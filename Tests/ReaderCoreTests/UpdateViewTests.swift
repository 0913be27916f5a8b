import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: opening stories, going back, focus, comments and help")
struct UpdateViewTests {
    @Test("Enter, → and l open the selected story full-screen and mark it read")
    func openFullScreen() {
        for key in [Key.enter, .right, .character("l")] {
            var state = Fixtures.loadedState(total: 5)
            let id = Fixtures.headline(0).id
            let effects = update(&state, .keyPressed(key))
            #expect(state.mode == .fullScreenArticle)
            #expect(state.focus == .article)
            #expect(effects == [.setRead(id, true)])
            #expect(state.list.selectedHeadline?.isRead == true)
            #expect(state.list.unread == 4)
        }
    }

    @Test("opening a story already read does not mark it again")
    func openReadStory() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        _ = update(&state, .keyPressed(.escape))
        #expect(update(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.list.unread == 4)
    }

    @Test("opening a story whose answer has not come yet asks for it")
    func openLoadsStory() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.down))
        let effects = update(&state, .keyPressed(.enter))
        #expect(effects == [.setRead(Fixtures.headline(1).id, true)])  // the ↓ already asked for the story
        _ = update(&state, .storyLoaded(Fixtures.headline(1).id, Fixtures.story(for: Fixtures.headline(1))))
        #expect(state.shownStory?.title == "Story 1")
    }

    @Test("Esc, ←, h and q in the full-screen story go back to the list")
    func backFromFullScreen() {
        for key in [Key.escape, .left, .character("h"), .character("q")] {
            var state = Fixtures.loadedState(total: 5)
            _ = update(&state, .keyPressed(.enter))
            #expect(update(&state, .keyPressed(key)).isEmpty)
            #expect(state.mode == .normal)
            #expect(state.focus == .headlines)
            #expect(!state.isQuitting)
        }
    }

    @Test("q on the headline list quits")
    func qQuits() {
        var state = Fixtures.loadedState(total: 5)
        #expect(update(&state, .keyPressed(.character("q"))) == [.quit])
        #expect(state.isQuitting)
    }

    @Test("q in the article pane of the normal view goes back to the list rather than quitting")
    func qInArticle() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .article)
        _ = update(&state, .keyPressed(.character("q")))
        #expect(state.focus == .headlines)
        #expect(!state.isQuitting)
    }

    @Test("Ctrl-C quits from any pane")
    func controlCQuits() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        _ = update(&state, .keyPressed(.character("c")))
        #expect(update(&state, .keyPressed(.control("c"))) == [.quit])
    }

    @Test("Tab and Shift-Tab cycle the focus through the visible panes")
    func focusCycle() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.character("c")))
        #expect(state.focus == .comments)
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .headlines)
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .article)
        _ = update(&state, .keyPressed(.backTab))
        #expect(state.focus == .headlines)
        _ = update(&state, .keyPressed(.backTab))
        #expect(state.focus == .comments)
    }

    @Test("in the full-screen view Tab moves between the story and its comments only")
    func focusCycleFullScreen() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .article)
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .article)
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus == .comments)
    }

    @Test("c shows the comments, focuses them and loads them; c again hides them and restores focus")
    func toggleComments() {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        #expect(update(&state, .keyPressed(.character("c"))) == [.loadComments(id)])
        #expect(state.isShowingComments)
        #expect(state.focus == .comments)
        #expect(state.shownComments == nil)
        _ = update(&state, .commentsLoaded(id, Fixtures.comments(storyID: id, depths: [0, 1])))
        #expect(state.shownComments?.count == 2)
        #expect(update(&state, .keyPressed(.character("c"))).isEmpty)
        #expect(!state.isShowingComments)
        #expect(state.focus == .headlines)
    }

    @Test("c works in the full-screen view too")
    func commentsInFullScreen() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        #expect(update(&state, .keyPressed(.character("c"))) == [.loadComments(Fixtures.headline(0).id)])
        #expect(state.mode == .fullScreenArticle)
        _ = update(&state, .keyPressed(.escape))
        #expect(!state.isShowingComments)
        #expect(state.focus == .article)
        #expect(state.mode == .fullScreenArticle)
    }

    @Test("with comments shown, moving in the list loads the comments of the new story")
    func commentsFollowSelection() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .keyPressed(.tab))
        let effects = update(&state, .keyPressed(.down))
        #expect(effects == [.loadStory(Fixtures.headline(1).id), .loadComments(Fixtures.headline(1).id)])
    }

    @Test("answers for a story no longer shown are dropped")
    func staleStoryAndComments() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.character("c")))
        let old = Fixtures.headline(0)
        _ = update(&state, .keyPressed(.tab))
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .storyLoaded(old.id, Fixtures.story(for: old)))
        _ = update(&state, .commentsLoaded(old.id, Fixtures.comments(storyID: old.id, depths: [0])))
        #expect(state.shownStory == nil)
        #expect(state.shownComments == nil)
    }

    @Test("a story gone from the cache is reported")
    func missingStory() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .storyLoaded(Fixtures.headline(0).id, nil))
        #expect(state.status?.isError == true)
    }

    @Test("a failed mark-read puts the unread mark back")
    func markReadFailure() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.enter))
        _ = update(&state, .markFailed(.read(Fixtures.headline(0).id, true), message: "read-only"))
        #expect(state.list.row(at: 0)?.isRead == false)
        #expect(state.list.unread == 5)
        #expect(state.status?.isError == true)
    }

    @Test("? opens help; keys scroll it and never reach the list; ?, Esc and q close it",
          arguments: [Key.character("?"), .escape, .character("q")])
    func help(closer: Key) {
        var state = Fixtures.loadedState(total: 5)
        state.size = TerminalSize(width: 50, height: 15)
        _ = update(&state, .keyPressed(.character("?")))
        #expect(state.isShowingHelp)
        #expect(update(&state, .keyPressed(.down)).isEmpty)
        #expect(state.isShowingHelp && state.helpScroll == 1)
        _ = update(&state, .keyPressed(.pageDown))
        _ = update(&state, .keyPressed(.end))
        let last = HelpOverlay.maxScroll(rowCount: state.helpRowCount, in: state.size)
        #expect(last > 0 && state.helpScroll == last)
        _ = update(&state, .keyPressed(.character("j")))
        #expect(state.helpScroll == last)
        _ = update(&state, .keyPressed(.pageUp))
        #expect(state.helpScroll < last)
        _ = update(&state, .keyPressed(.character("x")))
        #expect(state.isShowingHelp)
        _ = update(&state, .keyPressed(closer))
        #expect(!state.isShowingHelp)
        #expect(!state.isQuitting)
        #expect(state.list.selected == 0)
    }

    @Test("an unbound key says how to find the keys; Esc on the list says nothing")
    func unknownKey() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.character("z")))
        #expect(state.status?.text.contains("? lists the keys") == true)
        _ = update(&state, .keyPressed(.escape))
        #expect(state.status == nil)
    }

    @Test("the clock moves relative dates")
    func clock() {
        var state = Fixtures.loadedState(total: 1)
        _ = update(&state, .clockTicked(Fixtures.now.addingTimeInterval(60)))
        #expect(state.now == Fixtures.now.addingTimeInterval(60))
    }

    @Test("shrinking below 80 columns keeps the focused pane valid")
    func resizeKeepsFocus() {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .resized(TerminalSize(width: 50, height: 15)))
        #expect(state.focus == .comments)
        #expect(ScreenLayout(state).panes.keys.sorted { "\($0)" < "\($1)" } == [.comments])
    }
}

@Suite("update: scrolling the article and moving through comments")
struct UpdateScrollTests {
    /// A loaded state with the first story open full-screen, measured at `lines` rows.
    func openStory(lines: Int) -> AppState {
        var state = Fixtures.loadedState(total: 5, width: 80, height: 24)
        _ = update(&state, .keyPressed(.enter))
        let headline = Fixtures.headline(0)
        _ = update(&state, .storyLoaded(headline.id, Fixtures.story(for: headline)))
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: headline.id, articleWidth: 78, articleLines: lines)))
        return state
    }

    @Test("↓/j and ↑/k scroll the article a line at a time")
    func lineScroll() {
        var state = openStory(lines: 100)
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .keyPressed(.character("j")))
        #expect(state.articleScroll == 2)
        _ = update(&state, .keyPressed(.character("k")))
        #expect(state.articleScroll == 1)
        _ = update(&state, .keyPressed(.up))
        _ = update(&state, .keyPressed(.up))
        #expect(state.articleScroll == 0)
    }

    @Test("the article cannot scroll past its last screen")
    func scrollClamp() {
        var state = openStory(lines: 100)
        let maximum = 100 - state.articleViewportRows
        _ = update(&state, .keyPressed(.end))
        #expect(state.articleScroll == maximum)
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .keyPressed(.pageDown))
        #expect(state.articleScroll == maximum)
        _ = update(&state, .keyPressed(.character("g")))
        #expect(state.articleScroll == 0)
        _ = update(&state, .keyPressed(.character("G")))
        #expect(state.articleScroll == maximum)
    }

    @Test("a short article does not scroll")
    func shortArticle() {
        var state = openStory(lines: 5)
        _ = update(&state, .keyPressed(.pageDown))
        #expect(state.articleScroll == 0)
    }

    @Test("PgDn scrolls by a screen less a line")
    func pageScroll() {
        var state = openStory(lines: 100)
        _ = update(&state, .keyPressed(.pageDown))
        #expect(state.articleScroll == state.articleViewportRows - 1)
        _ = update(&state, .keyPressed(.pageUp))
        #expect(state.articleScroll == 0)
    }

    @Test("a narrower terminal re-measured taller keeps the scroll; a shorter text clamps it")
    func remeasureClamps() {
        var state = openStory(lines: 100)
        _ = update(&state, .keyPressed(.end))
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: Fixtures.headline(0).id, articleWidth: 40, articleLines: 30)))
        #expect(state.articleScroll == 30 - state.articleViewportRows)
    }

    /// A state with comments of `depths` loaded and focused.
    func withComments(_ depths: [Int]) -> AppState {
        var state = Fixtures.loadedState(total: 5, width: 160, height: 48)
        let id = Fixtures.headline(0).id
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .commentsLoaded(id, Fixtures.comments(storyID: id, depths: depths)))
        return state
    }

    @Test("j and k move the comment cursor")
    func commentCursor() {
        var state = withComments([0, 1, 0])
        _ = update(&state, .keyPressed(.character("j")))
        _ = update(&state, .keyPressed(.down))
        #expect(state.commentCursor == 2)
        _ = update(&state, .keyPressed(.down))
        #expect(state.commentCursor == 2)
        _ = update(&state, .keyPressed(.character("k")))
        #expect(state.commentCursor == 1)
    }

    @Test("Space folds the thread under the cursor, the cursor skips it, Space again unfolds it")
    func collapse() {
        var state = withComments([0, 1, 2, 1, 0])
        _ = update(&state, .keyPressed(.character(" ")))
        #expect(state.collapsed == [CommentID(1)])
        _ = update(&state, .keyPressed(.down))
        #expect(state.commentCursor == 4)
        _ = update(&state, .keyPressed(.up))
        #expect(state.commentCursor == 0)
        _ = update(&state, .keyPressed(.character(" ")))
        #expect(state.collapsed.isEmpty)
        _ = update(&state, .keyPressed(.down))
        #expect(state.commentCursor == 1)
    }

    @Test("Space on a comment without replies does nothing")
    func collapseLeaf() {
        var state = withComments([0, 0])
        _ = update(&state, .keyPressed(.character(" ")))
        #expect(state.collapsed.isEmpty)
    }

    @Test("G and g go to the last and first visible comment")
    func commentEnds() {
        var state = withComments([0, 1, 1, 0, 1])
        _ = update(&state, .keyPressed(.character("G")))
        #expect(state.commentCursor == 4)
        _ = update(&state, .keyPressed(.home))
        #expect(state.commentCursor == 0)
    }

    @Test("moving the cursor below the pane scrolls the comments so it stays on screen")
    func commentScroll() {
        var state = withComments(Array(repeating: 0, count: 40))
        let id = Fixtures.headline(0).id
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: id, commentsWidth: 60,
                                                           commentHeights: Array(repeating: 5, count: 40))))
        let rows = state.commentViewportRows
        for _ in 0..<20 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.commentCursor == 20)
        // Comment 20 (rows 100..<105) ends exactly at the bottom of the pane.
        #expect(state.commentScroll == 105 - rows)
        _ = update(&state, .keyPressed(.character("g")))
        #expect(state.commentScroll == 0)
        #expect(state.commentCursor == 0)
    }

    @Test("a comment taller than the pane is read to its end before the cursor moves on")
    func tallComment() {
        var state = withComments([0, 0])
        let id = Fixtures.headline(0).id
        let rows = state.commentViewportRows
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: id, commentsWidth: 60,
                                                           commentHeights: [rows + 10, 3])))
        for _ in 0..<10 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.commentCursor == 0)
        #expect(state.commentScroll == 10)
        _ = update(&state, .keyPressed(.down))
        #expect(state.commentCursor == 1)
        _ = update(&state, .keyPressed(.up))
        #expect(state.commentCursor == 0)
        for _ in 0..<20 { _ = update(&state, .keyPressed(.up)) }
        #expect(state.commentScroll == 0)
        #expect(state.commentCursor == 0)
    }

    @Test("G shows the end of the thread")
    func commentBottom() {
        var state = withComments(Array(repeating: 0, count: 40))
        let id = Fixtures.headline(0).id
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: id, commentsWidth: 60,
                                                           commentHeights: Array(repeating: 4, count: 40))))
        _ = update(&state, .keyPressed(.end))
        #expect(state.commentCursor == 39)
        #expect(state.commentScroll == 160 - state.commentViewportRows)
    }

    @Test("PgDn in comments scrolls a screen and puts the cursor on the comment at the top")
    func commentPage() {
        var state = withComments(Array(repeating: 0, count: 40))
        let id = Fixtures.headline(0).id
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: id, commentsWidth: 60,
                                                           commentHeights: Array(repeating: 4, count: 40))))
        let step = state.commentViewportRows - 1
        _ = update(&state, .keyPressed(.pageDown))
        #expect(state.commentScroll == step)
        #expect(state.commentCursor == step / 4)
        _ = update(&state, .keyPressed(.pageUp))
        #expect(state.commentScroll == 0)
        #expect(state.commentCursor == 0)
    }
}

import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// What a move of the selection sends the terminal, as TermCore's diff sees it: the two list rows at once,
/// then the article pane alone once the new story is laid out.
@Suite("Frame cost: a move of the selection sends what changed")
struct FrameCostTests {
    static let secondStory = Story(
        id: StoryID(2), feedID: FeedID(2), feedTitle: "東京新聞", title: Fixtures.headlines[1].title.text,
        published: Fixtures.now.addingTimeInterval(-2 * 86400), firstSeen: Fixtures.now,
        content: "<p>Cherry blossoms are in full bloom across Tokyo's parks this weekend.</p>")

    /// The runtime's part: lays out each requested body and answers it.
    static func perform(_ effects: [Effect], on state: inout AppState, layouts: LayoutCache) {
        for case .layOutArticleBody(let request) in effects {
            _ = layouts.bodies.body(for: request)
            _ = update(&state, .articleBodyLaidOut(request.id, request.key))
        }
    }

    /// The rows a diff touches.
    static func rows(_ diff: FrameDiff) -> Set<Int> { Set(diff.runs.map(\.y)) }

    @Test("one move: the two list rows (and the status bar) first, then only the article pane")
    func oneMove() throws {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        state.articleBody.isDeferred = true
        Self.perform(update(&state, .clockTicked(Fixtures.now)), on: &state, layouts: layouts)
        let first = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        let list = try #require(ScreenLayout(state).panes[.headlines])
        let article = try #require(ScreenLayout(state).panes[.article])

        let effects = update(&state, .keyPressed(.down))
        #expect(effects.contains(.loadStory(StoryID(2))))
        #expect(state.isArticlePending)
        let moved = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: first.panes)
        let listDiff = FrameDiff(from: first.screen, to: moved.screen)
        // The rows of the first and second headline (below the pane's title row), and the status bar.
        let statusRow = state.size.height - 1
        #expect(Self.rows(listDiff).isSubset(of: [list.y + 1, list.y + 2, statusRow]))
        #expect(Self.rows(listDiff).isSuperset(of: [list.y + 1, list.y + 2]))
        #expect(listDiff.runs.allSatisfy { $0.y == statusRow || $0.x + $0.count <= list.maxX })
        #expect(moved.screen.lines.joined().contains("White House admitted"))  // the pane kept its story

        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        let loaded = update(&state, .storyLoaded(StoryID(2), Self.secondStory))
        #expect(state.isArticlePending)  // loaded, not yet laid out
        Self.perform(loaded, on: &state, layouts: layouts)
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        #expect(!state.isArticlePending)
        let shown = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: moved.panes)
        let articleDiff = FrameDiff(from: moved.screen, to: shown.screen)
        #expect(!articleDiff.isEmpty)
        #expect(articleDiff.runs.allSatisfy { $0.x >= article.x && $0.x + $0.count <= article.maxX && $0.y < statusRow })
        #expect(shown.screen.lines.joined().contains("Cherry blossoms"))
        // Fewer cells than a repaint of the pane: rows the two stories share (blank ones) are not sent.
        #expect(articleDiff.cellCount < article.width * article.height)
    }

    @Test("a story that cannot be held (no previous frame) is drawn at once, as without deferring")
    func nothingHeld() {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        state.articleBody.isDeferred = true
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .storyLoaded(StoryID(2), Self.secondStory))
        #expect(state.isArticlePending)
        let frame = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        #expect(frame.screen.lines.joined().contains("Cherry blossoms"))
    }

    @Test("an answer to an older body request is dropped")
    func staleAnswerDropped() throws {
        var state = Fixtures.state(width: 160, height: 48)
        state.articleBody.isDeferred = true
        let first = update(&state, .clockTicked(Fixtures.now))
        guard case .layOutArticleBody(let old)? = first.first else { Issue.record("no request"); return }
        let resized = update(&state, .resized(TerminalSize(width: 130, height: 40)))
        let new = try #require(resized.compactMap { effect -> ArticleBodyRequest? in
            if case .layOutArticleBody(let request) = effect { return request } else { return nil }
        }.first)
        #expect(new.key.width != old.key.width)
        _ = update(&state, .articleBodyLaidOut(old.id, old.key))
        #expect(state.isArticlePending)
        _ = update(&state, .articleBodyLaidOut(new.id, new.key))
        #expect(!state.isArticlePending)
    }

    // MARK: the comment pane beside the story

    static let secondComments = [
        Comment(id: CommentID(20), storyID: StoryID(2), remoteID: "t1", author: "sakura_fan",
                date: Fixtures.now.addingTimeInterval(-600), body: "Ueno park was packed on Saturday.", position: 0),
    ]

    /// Three panes at 200 columns as the runtime runs them (bodies deferred, comments fetchable, the pane
    /// open by width), the seed story and its stored thread shown.
    static func besideState(layouts: LayoutCache) -> AppState {
        var state = AppState(size: TerminalSize(width: 200, height: 60), now: Fixtures.now)
        state.articleBody.isDeferred = true
        state.commentFetch.isAvailable = true
        state.commentFetch.followsWidth = true
        guard case .loadHeadlines(let request)? = update(&state, .started).first else { fatalError("no request") }
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: Fixtures.headlines, startIndex: 0, total: 3,
                                                                     unread: 2)))
        perform(update(&state, .storyLoaded(StoryID(1), Fixtures.seedStory)), on: &state, layouts: layouts)
        _ = update(&state, .commentThreadLoaded(CommentThread(storyID: StoryID(1), comments: Fixtures.seedComments,
                                                              fetchedAt: Fixtures.now)))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        return state
    }

    /// `besideState`, where its comment pane is, and its first frame.
    static func besideStart() throws
        -> (layouts: LayoutCache, state: AppState, pane: Rect, frames: [(screen: Screen, panes: HeldPanes)]) {
        let layouts = LayoutCache()
        let state = besideState(layouts: layouts)
        let pane = try #require(ScreenLayout(state).panes[.comments])
        return (layouts, state, pane, [renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)])
    }

    /// Draws the next frame over `previous`, as the runtime does, and returns it.
    static func frame(_ state: AppState, after previous: (screen: Screen, panes: HeldPanes),
                      layouts: LayoutCache) -> (screen: Screen, panes: HeldPanes) {
        renderFrame(state, theme: .builtinDefault, layouts: layouts, held: previous.panes)
    }

    /// The text of `rect` in `screen`.
    static func text(of rect: Rect, in screen: Screen) -> [String] {
        (rect.y..<rect.maxY).map { y in (rect.x..<rect.maxX).map { screen[$0, y].text }.joined() }
    }

    @Test("a move with comments beside the story: the pane goes from one thread to the next, never through Loading or Fetching")
    func commentPaneChangesOnce() throws {
        let start = try Self.besideStart()
        let layouts = start.layouts, pane = start.pane
        var state = start.state, frames = start.frames
        #expect(Self.text(of: pane, in: frames[0].screen).joined().contains("That's Polonium"))

        // Each answer the runtime gets after `j`, in the order a slow cache read gives them.
        _ = update(&state, .keyPressed(.character("j")))
        frames.append(Self.frame(state, after: frames.last!, layouts: layouts))
        Self.perform(update(&state, .storyLoaded(StoryID(2), Self.secondStory)), on: &state, layouts: layouts)
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        frames.append(Self.frame(state, after: frames.last!, layouts: layouts))
        #expect(frames.last!.screen.lines.joined().contains("Cherry blossoms"), "the article is shown")
        let fetches = update(&state, .commentThreadLoaded(CommentThread(storyID: StoryID(2), comments: Self.secondComments,
                                                                        fetchedAt: Fixtures.now)))
        #expect(!fetches.contains { if case .fetchComments = $0 { true } else { false } })
        frames.append(Self.frame(state, after: frames.last!, layouts: layouts))

        let panes = frames.map { Self.text(of: pane, in: $0.screen).joined() }
        for text in panes {
            #expect(!text.contains("Loading comments") && !text.contains("Fetching comments") && !text.contains("fetching"))
        }
        // Unchanged (so nothing is sent for it) until the new thread is known, then the new thread.
        #expect(panes[1] == panes[0] && panes[2] == panes[0])
        #expect(panes[3].contains("Ueno park") && !panes[3].contains("Polonium"))
        let statusRow = state.size.height - 1
        #expect(FrameDiff(from: frames[0].screen, to: frames[1].screen).runs.allSatisfy {
            $0.y == statusRow || $0.x + $0.count <= pane.x
        })
    }

    @Test("an empty thread fetched quickly: the pane goes from the old thread straight to the answer")
    func quickFetchSkipsFetching() throws {
        let start = try Self.besideStart()
        let layouts = start.layouts, pane = start.pane
        var state = start.state, frames = start.frames
        _ = update(&state, .keyPressed(.character("j")))
        Self.perform(update(&state, .storyLoaded(StoryID(2), Self.secondStory)), on: &state, layouts: layouts)
        let read = update(&state, .commentThreadLoaded(CommentThread(storyID: StoryID(2), comments: [], fetchedAt: nil)))
        frames.append(Self.frame(state, after: frames.last!, layouts: layouts))
        var request: CommentFetchRequest?
        for case .fetchComments(let fetch) in read { request = fetch }
        let fetch = try #require(request)
        _ = update(&state, .commentsFetched(fetch, .failed("could not reach news.example: timed out")))
        frames.append(Self.frame(state, after: frames.last!, layouts: layouts))

        let panes = frames.map { Self.text(of: pane, in: $0.screen).joined() }
        #expect(panes[1] == panes[0], "held while the fetch runs")
        #expect(panes[2].contains("could not reach news.example"))
        for text in panes { #expect(!text.contains("Fetching comments") && !text.contains("fetching…")) }
    }

    @Test("a pane is kept only where it was on a screen of the same size: a move keeps, a resize or Enter does not")
    func canKeep() {
        let layouts = LayoutCache()
        var state = Self.besideState(layouts: layouts)
        let first = renderFrame(state, theme: .builtinDefault, layouts: layouts, held: nil)
        _ = update(&state, .keyPressed(.character("j")))
        #expect(first.panes.canKeep(.article, in: state) && first.panes.canKeep(.comments, in: state))
        var resized = state
        _ = update(&resized, .resized(TerminalSize(width: 160, height: 50)))
        #expect(!first.panes.canKeep(.article, in: resized))
        var opened = state
        _ = update(&opened, .keyPressed(.enter))
        #expect(!first.panes.canKeep(.article, in: opened))
    }
}

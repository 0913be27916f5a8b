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
}

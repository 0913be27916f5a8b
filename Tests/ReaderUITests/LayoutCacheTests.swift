import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

@Suite("LayoutCache: a story is laid out once per width")
struct LayoutCacheTests {
    func bigStory() -> Story {
        let paragraph = "<p>" + String(repeating: "All work and no play makes a long article. ", count: 100) + "</p>"
        var story = Fixtures.seedStory
        story.content = String(repeating: paragraph, count: 250)  // about 1 MB
        return story
    }

    @Test("rendering again with the same story and width reuses the layout")
    func reuse() {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        _ = update(&state, .storyLoaded(StoryID(1), bigStory()))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        #expect(layouts.articleLayoutCount == 2)  // the fixture's story, then the big one
        for _ in 0..<5 {
            _ = update(&state, .keyPressed(.tab))
            _ = update(&state, .keyPressed(.pageDown))
            _ = render(state, theme: .builtinDefault, layouts: layouts)
            _ = layouts.metrics(for: state)
        }
        #expect(layouts.articleLayoutCount == 2)
        #expect(state.metrics.articleLines > 2000)
    }

    @Test("a new width lays the story out again, and the old width is still cached")
    func newWidth() {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        let before = layouts.articleLayoutCount
        _ = update(&state, .resized(TerminalSize(width: 100, height: 40)))
        _ = layouts.metrics(for: state)
        #expect(layouts.articleLayoutCount == before + 1)
        _ = update(&state, .resized(TerminalSize(width: 160, height: 48)))
        _ = layouts.metrics(for: state)
        #expect(layouts.articleLayoutCount == before + 1)
    }

    @Test("metrics count the article's rows and each comment's rows")
    func metrics() {
        let layouts = LayoutCache()
        let state = Fixtures.state(width: 160, height: 48, comments: true, layouts: layouts)
        let metrics = layouts.metrics(for: state)
        #expect(metrics.storyID == StoryID(1))
        // Beside the comments the article is 54 columns wide: a two-row title, a two-row byline, the link,
        // a blank, a three-row paragraph, a blank, a one-row paragraph.
        #expect(metrics.articleWidth == 54)
        #expect(metrics.articleLines == 11)
        #expect(metrics.commentHeights == [3, 3])  // header, one line of text, blank
    }

    @Test("in the narrow layout a story is not laid out until its pane is shown")
    func hiddenPaneNotLaidOut() {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: 50, height: 15, layouts: layouts)
        #expect(layouts.articleLayoutCount == 0)
        _ = update(&state, .keyPressed(.tab))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        #expect(layouts.articleLayoutCount == 1)
        #expect(state.metrics.articleLines > 0)
        // Back on the list the last measurement stands, so the article keeps its place.
        _ = update(&state, .keyPressed(.tab))
        #expect(layouts.metrics(for: state) == state.metrics)
    }
}

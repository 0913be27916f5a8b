import ArticleText
import NewsModel
import ReaderCore
import TermCore

/// Draws the whole reader for `state`: a pure function of the state and the theme. This form lays text
/// out afresh; the runtime uses `render(_:theme:layouts:)` with a long-lived cache.
public func render(_ state: AppState, theme: Theme) -> Screen {
    render(state, theme: theme, layouts: LayoutCache())
}

/// Draws the whole reader, reusing laid-out stories and comments from `layouts`.
public func render(_ state: AppState, theme: Theme, layouts: LayoutCache) -> Screen {
    renderFrame(state, theme: theme, layouts: layouts, held: nil).screen
}

/// Draws the whole reader. While the article pane waits for its story or its body (`isArticlePending`),
/// the pane keeps what `held` shows of it, so a moved selection costs the list rows alone until the new
/// story is ready; the comment pane likewise while its new thread is not known (`isCommentPanePending`).
/// The frame comes back with its own panes, for the next call's `held`.
public func renderFrame(_ state: AppState, theme: Theme, layouts: LayoutCache, held: HeldPanes?)
    -> (screen: Screen, panes: HeldPanes) {
    var painter = Painter(state: state, theme: theme, layouts: layouts, held: held)
    painter.paint()
    return (painter.screen, painter.panes)
}

/// The panes of a drawn frame before anything was drawn over them (help, the feed list, the search
/// prompt), and where each pane was: what a pending pane keeps showing.
public struct HeldPanes: Sendable {
    var screen: Screen
    var rects: [Pane: Rect]
    /// What each headline row of `screen` was drawn from, by screen row, so the next frame can copy a row
    /// whose inputs are unchanged instead of drawing it again (a move of the selection redraws two rows).
    var headlineRows: HeadlineRows = HeadlineRows()

    /// Whether a frame for `state` can keep this frame's `pane` as it is: the pane is in the same place on
    /// a screen of the same size. Otherwise a pending pane is drawn (and its article body laid out) at once.
    public func canKeep(_ pane: Pane, in state: AppState) -> Bool {
        guard screen.width == state.size.width, screen.height == state.size.height,
              let rect = rects[pane] else { return false }
        return ScreenLayout(state).panes[pane] == rect
    }
}

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
    var painter = Painter(state: state, theme: theme, layouts: layouts)
    painter.paint()
    return painter.screen
}

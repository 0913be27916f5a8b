import TermCore

/// Where each visible pane, the separators and the status bar go for a given state. It lives in ReaderCore
/// rather than ReaderUI because `update` needs the same geometry to page, scroll and keep the cursor on
/// screen; ReaderUI only draws into these rectangles.
///
/// A pane's rectangle includes its one-row title bar; `content(of:)` is the part below it.
public struct ScreenLayout: Sendable, Equatable {
    /// Rectangles of the panes that are drawn, title rows included.
    public var panes: [Pane: Rect]
    /// One-column vertical rules between side-by-side panes.
    public var separators: [Rect]
    public var statusBar: Rect
    /// False below `TerminalSize.minimum`: nothing but one explanatory line is drawn.
    public var isUsable: Bool

    /// Widths from which the panes sit side by side (`wide`) or are shown at all together (`medium`).
    public static let wideWidth = 120
    public static let mediumWidth = 80
    /// Below this width the article and comments of the wide layout are stacked rather than side by side.
    static let sideBySideRightWidth = 90
    /// From this width the list, the story and the comments all fit side by side at readable widths, so
    /// the comment pane opens by itself (`[comments] beside-story`).
    public static let threePaneWidth = 180

    public init(size: TerminalSize, mode: LayoutMode, showsComments: Bool, focus: Pane) {
        panes = [:]; separators = []
        isUsable = size.isUsable
        statusBar = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: size.height > 0 ? 1 : 0)
        guard isUsable else { return }
        let content = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let w = size.width

        if w < Self.mediumWidth {
            // Narrow: only the focused pane.
            panes[focus] = content
            return
        }
        switch mode {
        case .fullScreenArticle:
            guard showsComments else { panes[.article] = content; return }
            if w >= Self.wideWidth {
                splitColumns(content, leftShare: 60, left: .article, right: .comments)
            } else {
                splitRows(content, topShare: 55, top: .article, bottom: .comments)
            }
        case .normal:
            if w >= Self.wideWidth {
                // Without comments the list takes 45% (whole titles) but leaves the story at least 80 columns;
                // with comments it gives way to 35%, so story and comments both keep a readable width.
                let listWidth = showsComments ? max(30, w * 35 / 100) : max(40, min(w * 45 / 100, w - 80))
                panes[.headlines] = Rect(x: 0, y: 0, width: listWidth, height: content.height)
                separators.append(Rect(x: listWidth, y: 0, width: 1, height: content.height))
                let right = Rect(x: listWidth + 1, y: 0, width: w - listWidth - 1, height: content.height)
                if !showsComments {
                    panes[.article] = right
                } else if right.width >= Self.sideBySideRightWidth {
                    splitColumns(right, leftShare: 55, left: .article, right: .comments)
                } else {
                    splitRows(right, topShare: 50, top: .article, bottom: .comments)
                }
            } else {
                // Medium: the list on top, the story (and comments beside it) below.
                let listHeight = max(5, content.height * 40 / 100)
                panes[.headlines] = Rect(x: 0, y: 0, width: w, height: listHeight)
                let bottom = Rect(x: 0, y: listHeight, width: w, height: content.height - listHeight)
                if showsComments {
                    splitColumns(bottom, leftShare: 50, left: .article, right: .comments)
                } else {
                    panes[.article] = bottom
                }
            }
        }
    }

    /// The layout for `state` as it stands.
    public init(_ state: AppState) {
        self.init(size: state.size, mode: state.mode, showsComments: state.isShowingComments, focus: state.focus)
    }

    /// The rectangle `pane` would have if it were on screen in `state`'s layout: in the narrow layout only
    /// the focused pane is drawn, but the others still need a size to page and lay out by.
    public static func rect(of pane: Pane, in state: AppState) -> Rect {
        let mode: LayoutMode = pane == .headlines ? .normal : state.mode
        let layout = ScreenLayout(size: state.size, mode: mode,
                                  showsComments: state.isShowingComments || pane == .comments, focus: pane)
        return layout.panes[pane] ?? Rect(x: 0, y: 0, width: 0, height: 0)
    }

    /// The part of a pane's rectangle below its title row.
    public static func content(of rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    }

    /// The article's text width in a pane `paneWidth` columns wide: one column is kept free either side.
    public static func articleTextWidth(paneWidth: Int) -> Int { max(1, paneWidth - 2) }

    private mutating func splitColumns(_ area: Rect, leftShare: Int, left: Pane, right: Pane) {
        let leftWidth = (area.width - 1) * leftShare / 100
        panes[left] = Rect(x: area.x, y: area.y, width: leftWidth, height: area.height)
        separators.append(Rect(x: area.x + leftWidth, y: area.y, width: 1, height: area.height))
        panes[right] = Rect(x: area.x + leftWidth + 1, y: area.y, width: area.width - leftWidth - 1,
                            height: area.height)
    }

    private mutating func splitRows(_ area: Rect, topShare: Int, top: Pane, bottom: Pane) {
        let topHeight = area.height * topShare / 100
        panes[top] = Rect(x: area.x, y: area.y, width: area.width, height: topHeight)
        panes[bottom] = Rect(x: area.x, y: area.y + topHeight, width: area.width, height: area.height - topHeight)
    }
}

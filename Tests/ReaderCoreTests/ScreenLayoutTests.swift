import ReaderCore
import TermCore
import Testing

@Suite("ScreenLayout: where the panes go at each size")
struct ScreenLayoutTests {
    func layout(_ width: Int, _ height: Int, mode: LayoutMode = .normal, comments: Bool = false,
                focus: Pane = .headlines) -> ScreenLayout {
        ScreenLayout(size: TerminalSize(width: width, height: height), mode: mode, showsComments: comments, focus: focus)
    }

    @Test("wide: the list takes 45% on the left (leaving the story 80 columns), the article the rest")
    func wide() throws {
        let l = layout(160, 48)
        let list = try #require(l.panes[.headlines])
        let article = try #require(l.panes[.article])
        #expect(list == Rect(x: 0, y: 0, width: 72, height: 47))
        #expect(article.x == 73 && article.maxX == 160)
        let narrower = try #require(layout(120, 40).panes[.article])
        #expect(narrower.width >= 79)
        #expect(l.statusBar == Rect(x: 0, y: 47, width: 160, height: 1))
        #expect(l.separators.count == 1)
    }

    @Test("wide with comments: article and comments side by side on the right")
    func wideComments() throws {
        let l = layout(160, 48, comments: true)
        let article = try #require(l.panes[.article])
        let comments = try #require(l.panes[.comments])
        #expect(article.y == comments.y && article.maxX < comments.x)
        #expect(try #require(l.panes[.headlines]).width == 56)
        #expect(comments.maxX == 160)
    }

    @Test("wide but not very wide: the comments go below the article")
    func wideNarrowComments() throws {
        let l = layout(120, 40, comments: true)
        let article = try #require(l.panes[.article])
        let comments = try #require(l.panes[.comments])
        #expect(comments.y == article.maxY && comments.x == article.x)
    }

    @Test("medium: the list above, the story below")
    func medium() throws {
        let l = layout(80, 24)
        let list = try #require(l.panes[.headlines])
        let article = try #require(l.panes[.article])
        #expect(list.width == 80 && article.width == 80)
        #expect(article.y == list.maxY && article.maxY == 23)
    }

    @Test("narrow: only the focused pane, full size")
    func narrow() {
        for pane in Pane.allCases {
            let l = layout(50, 15, comments: true, focus: pane)
            #expect(l.panes == [pane: Rect(x: 0, y: 0, width: 50, height: 14)])
        }
    }

    @Test("full screen: the article alone, or with the comments")
    func fullScreen() throws {
        #expect(layout(160, 48, mode: .fullScreenArticle, focus: .article).panes.keys.map { $0 } == [.article])
        let l = layout(160, 48, mode: .fullScreenArticle, comments: true, focus: .article)
        #expect(l.panes[.headlines] == nil)
        #expect(try #require(l.panes[.article]).width > 80)
        #expect(l.panes[.comments] != nil)
    }

    @Test("panes never overlap or leave the screen", arguments: [(160, 48), (120, 30), (100, 30), (80, 24), (79, 20), (40, 10)])
    func noOverlap(width: Int, height: Int) {
        for mode in [LayoutMode.normal, .fullScreenArticle] {
            for comments in [false, true] {
                let rects = Array(layout(width, height, mode: mode, comments: comments, focus: .article).panes.values)
                for (i, a) in rects.enumerated() {
                    #expect(a.x >= 0 && a.maxX <= width && a.y >= 0 && a.maxY <= height - 1 && a.height >= 3)
                    for b in rects[(i + 1)...] {
                        #expect(a.maxX <= b.x || b.maxX <= a.x || a.maxY <= b.y || b.maxY <= a.y)
                    }
                }
            }
        }
    }

    @Test("below 40x10 nothing is laid out")
    func tooSmall() {
        #expect(!layout(39, 30).isUsable)
        #expect(!layout(100, 9).isUsable)
        #expect(layout(39, 30).panes.isEmpty)
        #expect(layout(40, 10).isUsable)
    }
}

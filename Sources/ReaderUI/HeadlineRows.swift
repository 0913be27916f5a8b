import NewsModel
import ReaderCore
import TermCore

/// The inputs of the headline rows a frame drew: the ones shared by every row (`Context`) and, by screen
/// row, each row's own. Everything `Painter.drawHeadline` reads is here, so a row with equal inputs on a
/// screen of the same size has the same cells and can be copied from the previous frame.
struct HeadlineRows: Sendable, Equatable {
    /// What all rows of a frame's list share.
    struct Context: Sendable, Equatable {
        var themes: ThemeChoice
        var focus: Pane
        var x: Int
        var width: Int
        var sourceColumn: Int
    }

    /// One row's own inputs: the story, whether it is selected, its age as shown and its matched words.
    struct Row: Sendable, Equatable {
        var headline: Headline
        var isSelected: Bool
        var age: String
        var matches: [String]?
    }

    var context: Context?
    var rows: [Int: Row] = [:]

    /// Whether screen row `y` was drawn from exactly these inputs.
    func holds(_ row: Row, at y: Int, in context: Context) -> Bool {
        self.context == context && rows[y] == row
    }
}

/// The three panes of the reader.
public enum Pane: Sendable, Equatable, Hashable, CaseIterable {
    case headlines, article, comments

    /// The pane's name as its title row and the help overlay show it.
    public var title: String {
        switch self {
        case .headlines: "Headlines"
        case .article: "Article"
        case .comments: "Comments"
        }
    }
}

/// How the screen is shared between the panes.
public enum LayoutMode: Sendable, Equatable, Hashable {
    /// The headline list beside (or above) the article and, when shown, the comments.
    case normal
    /// The story alone (with its comments when shown): the list is hidden.
    case fullScreenArticle
}

/// The terminal's size in cells.
public struct TerminalSize: Sendable, Equatable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = max(0, width); self.height = max(0, height) }

    /// The smallest size at which the panes are drawn; below it the screen shows one explanatory line.
    public static let minimum = TerminalSize(width: 40, height: 10)

    public var isUsable: Bool { width >= Self.minimum.width && height >= Self.minimum.height }
}

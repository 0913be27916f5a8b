import TermCore

/// How the reader looks: one `Style` per role. Panes ask for roles ("unread", "link"), never for colours,
/// so a theme file can restyle everything. Themes are TOML files (`Themes/*.toml`, compiled in as
/// `ShippedThemes`; the user's in `$XDG_CONFIG_HOME/gazette/themes/`). Every role always has a style: one
/// a theme leaves out takes its parent role's (`Role.parent`).
public struct Theme: Sendable, Equatable {
    /// The theme's name, from its file.
    public var name: String
    /// Every role's style, inheritance already applied.
    public private(set) var styles: [Role: Style]

    /// The roles a theme styles. The raw value is the key in a theme file's `[styles]` table.
    public enum Role: String, Sendable, CaseIterable, Hashable {
        /// Body text and anything without a role of its own.
        case text
        /// A read headline in the list.
        case headline
        /// An unread headline, and the unread mark.
        case unread
        /// The selected headline or comment in the focused pane, and in a pane without focus.
        case selected
        case selectedInactive = "selected-inactive"
        /// Secondary text: sources, dates, counts, captions.
        case muted
        case link
        /// The story's title and headings in its body.
        case heading
        case quote
        case code
        /// A search match.
        case match
        /// Pane title rows, and the focused pane's.
        case border
        case borderFocused = "border-focused"
        case statusBar = "status-bar"
        case statusError = "status-error"
        /// Comment authors and scores.
        case author
        case score
        /// The mark on comments by the story's submitter.
        case submitter
        /// The mark on comments that arrived since the thread was last read.
        case newComment = "new-comment"
        /// The help overlay's box and its key names.
        case help
        case helpKey = "help-key"
        /// The guides of comments at depth 1 (top level) to 8; deeper threads start again at 1.
        case depth1 = "depth-1", depth2 = "depth-2", depth3 = "depth-3", depth4 = "depth-4"
        case depth5 = "depth-5", depth6 = "depth-6", depth7 = "depth-7", depth8 = "depth-8"

        /// The role whose style this one takes when a theme leaves it out; nil for the three roots
        /// (`text`, `selected`, `status-bar`), which fall back to `rootFallback`. Documented for theme
        /// writers in `Themes/default.toml`.
        public var parent: Role? {
            switch self {
            case .text, .selected, .statusBar: nil
            case .headline, .muted, .link, .heading, .quote, .code, .author: .text
            case .unread: .headline
            case .newComment: .unread
            case .selectedInactive, .match: .selected
            case .border, .score: .muted
            case .borderFocused, .depth1: .border
            case .statusError, .help: .statusBar
            case .helpKey: .help
            case .submitter: .author
            case .depth2: .depth1
            case .depth3: .depth2
            case .depth4: .depth3
            case .depth5: .depth4
            case .depth6: .depth5
            case .depth7: .depth6
            case .depth8: .depth7
            }
        }

        /// The style of a root role a theme leaves out: attributes that keep the selection and the status
        /// bar visible in any colours.
        var rootFallback: Style {
            switch self {
            case .selected, .statusBar: Style(attributes: .reverse)
            default: .plain
            }
        }

        /// The depth guides, top level first.
        public static let depthGuides: [Role] = [.depth1, .depth2, .depth3, .depth4, .depth5, .depth6, .depth7, .depth8]
    }

    /// A role's style as a theme file writes it: which colours it sets itself.
    public struct Declared: Sendable, Equatable {
        public var style: Style
        public var setsForeground: Bool
        public var setsBackground: Bool
        public init(_ style: Style, setsForeground: Bool = true, setsBackground: Bool = true) {
            self.style = style; self.setsForeground = setsForeground; self.setsBackground = setsBackground
        }
    }

    /// A theme from complete styles; every role not given inherits from its parent.
    public init(name: String, styles given: [Role: Style]) {
        self.init(name: name, declared: given.mapValues { Declared($0) })
    }

    /// A theme from styles as written: a role left out takes its parent's style, and a colour a style
    /// leaves out takes the parent's colour (so `link = "cyan"` keeps the text's background).
    public init(name: String, declared: [Role: Declared]) {
        self.name = name
        var resolved: [Role: Style] = [:]
        func resolve(_ role: Role) -> Style {
            if let done = resolved[role] { return done }
            let inherited = role.parent.map(resolve) ?? role.rootFallback
            var style = inherited
            if let declaration = declared[role] {
                style = declaration.style
                if !declaration.setsForeground { style.foreground = inherited.foreground }
                if !declaration.setsBackground { style.background = inherited.background }
            }
            resolved[role] = style
            return style
        }
        for role in Role.allCases { _ = resolve(role) }
        styles = resolved
    }

    /// The style of `role`.
    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// The guide style of a comment at `depth` (0 = top level), cycling through the eight guides.
    public func commentDepth(_ depth: Int) -> Style { self[Role.depthGuides[max(0, depth) % Role.depthGuides.count]] }
}

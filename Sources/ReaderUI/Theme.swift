import TermCore

/// How the reader looks: one `Style` per role. Panes ask for roles ("unread", "link"), never for colours,
/// so a theme file can restyle everything. Themes are TOML files (see `Themes/default.toml`).
public struct Theme: Sendable, Equatable {
    /// The theme's name, from its file (or "default", "monochrome").
    public var name: String
    /// Every role, by the key a theme file uses for it.
    public var styles: [Role: Style]
    /// Colours of comment threads by depth, cycling when a thread is deeper than the list.
    public var commentDepths: [Style]

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
        /// The story's submitter where they comment on it.
        case submitter
        /// The mark on comments that arrived since the story was last opened.
        case newComment = "new-comment"
        /// The help overlay's box and its key names.
        case help
        case helpKey = "help-key"
    }

    public init(name: String, styles: [Role: Style], commentDepths: [Style]) {
        self.name = name; self.styles = styles
        self.commentDepths = commentDepths.isEmpty ? [Style()] : commentDepths
    }

    /// The style of `role` (plain when the theme leaves it out).
    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// The style of a comment at `depth`.
    public func commentDepth(_ depth: Int) -> Style { commentDepths[max(0, depth) % commentDepths.count] }

    /// For terminals without colour or users who set `NO_COLOR`: attributes only.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .text: .plain, .headline: .plain, .unread: Style(attributes: .bold),
        .selected: Style(attributes: .reverse), .selectedInactive: Style(attributes: .underline),
        .muted: Style(attributes: .dim), .link: Style(attributes: .underline), .heading: Style(attributes: .bold),
        .quote: Style(attributes: .italic), .code: .plain, .match: Style(attributes: .reverse),
        .border: Style(attributes: .dim), .borderFocused: Style(attributes: .bold),
        .statusBar: Style(attributes: .reverse), .statusError: Style(attributes: [.reverse, .bold]),
        .author: Style(attributes: .bold), .score: Style(attributes: .dim),
        .submitter: Style(attributes: [.bold, .underline]), .newComment: Style(attributes: [.bold, .reverse]),
        .help: .plain, .helpKey: Style(attributes: .bold),
    ], commentDepths: [.plain])
}

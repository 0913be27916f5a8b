import TermCore

/// Which key does what in each pane. The help overlay is generated from the same bindings, so it cannot
/// drift from what the keys really do.
public struct Keymap: Sendable, Equatable {
    /// One command and every key bound to it, in the order help lists them.
    public struct Binding: Sendable, Equatable {
        public var keys: [Key]
        public var command: Command
        public init(_ keys: [Key], _ command: Command) { self.keys = keys; self.command = command }
    }

    private var bindingsByPane: [Pane: [Binding]]
    /// The keys of the feed list overlay (Keymap+Views.swift).
    public var feedListBindings: [Binding] = Keymap.standardFeedList

    public init(_ bindingsByPane: [Pane: [Binding]]) { self.bindingsByPane = bindingsByPane }

    /// The bindings of `pane`, in help order.
    public func bindings(for pane: Pane) -> [Binding] { bindingsByPane[pane] ?? [] }

    /// The command `key` stands for in `pane`, if any.
    public func command(for key: Key, in pane: Pane) -> Command? {
        bindings(for: pane).first { $0.keys.contains(key) }?.command
    }

    /// The default bindings (DECISIONS.md, "Keys and views").
    public static let standard: Keymap = {
        let movement: [Binding] = [
            Binding([.up, .character("k")], .moveUp),
            Binding([.down, .character("j")], .moveDown),
            Binding([.pageUp], .pageUp),
            Binding([.pageDown, .character(" ")], .pageDown),
            Binding([.home, .character("g")], .moveToTop),
            Binding([.end, .character("G")], .moveToBottom),
        ]
        let common: [Binding] = [
            Binding([.character("c")], .toggleComments),
            Binding([.tab], .focusNext),
            Binding([.backTab], .focusPrevious),
            Binding([.character("?")], .toggleHelp),
            Binding([.control("l")], .redraw),
            Binding([.character("T")], .cycleTheme),
            Binding([.character("d")], .findDiscussions),
        ] + refreshAndLinkBindings
        let open = Binding([.enter, .right, .character("l")], .openStory)
        let back = Binding([.escape, .left, .character("h"), .character("q")], .back)
        var headlines = movement
        headlines.append(open)
        headlines.append(Binding([.character("q")], .backOrQuit))
        headlines.append(Binding([.control("c")], .quit))
        headlines += common
        headlines += viewBindings + markBindings
        headlines.append(Binding([.escape], .leaveSearch))
        // Ctrl-C quits from anywhere (raw mode delivers it as a key rather than a signal).
        let quit = Binding([.control("c")], .quit)
        var article = movement
        article.append(open)
        article.append(back)
        article += common
        article += markBindings + viewBindings
        article.append(Binding([.character("x")], .toggleReaderMode))
        article.append(quit)
        // In comments Space collapses a thread instead of paging.
        var comments = movement.map { binding in
            Binding(binding.keys.filter { $0 != .character(" ") }, binding.command)
        }
        comments.append(Binding([.character(" ")], .toggleThread))
        // hackernews-TUI's `u` for the parent; brackets for the same level, braces for top-level threads.
        comments.append(Binding([.character("u")], .parentComment))
        comments.append(Binding([.character("]")], .nextSibling))
        comments.append(Binding([.character("[")], .previousSibling))
        comments.append(Binding([.character("}")], .nextThread))
        comments.append(Binding([.character("{")], .previousThread))
        comments.append(back)
        comments += common
        comments.append(quit)
        return Keymap([.headlines: headlines, .article: article, .comments: comments])
    }()
}

/// Key names for the help overlay.
extension Key {
    /// How help names the key.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .function(let n): "F\(n)"
        }
    }
}

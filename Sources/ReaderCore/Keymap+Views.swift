import TermCore

/// The keys for views, marks and the feed list.
extension Keymap {
    /// u, *, F and / (in the headline list and the article pane).
    static let viewBindings: [Binding] = [
        Binding([.character("u")], .toggleUnreadOnly),
        Binding([.character("*")], .toggleStarredView),
        Binding([.character("F")], .showFeedList),
        Binding([.character("/")], .search),
    ]

    /// N, s and A act on the selected story (the opened one, full-screen); n and p move to the next and
    /// previous unread story; C marks the whole view read.
    static let markBindings: [Binding] = [
        Binding([.character("N")], .toggleRead),
        Binding([.character("s")], .toggleStarred),
        Binding([.character("A")], .markFeedRead),
        Binding([.character("n")], .nextUnread),
        Binding([.character("p")], .previousUnread),
        Binding([.character("C")], .markViewRead),
    ]

    /// The feed list's keys: movement, Enter to show the entry's stories, Esc (or F again) to close.
    static let standardFeedList: [Binding] = [
        Binding([.up, .character("k")], .moveUp),
        Binding([.down, .character("j")], .moveDown),
        Binding([.pageUp], .pageUp),
        Binding([.pageDown, .character(" ")], .pageDown),
        Binding([.home, .character("g")], .moveToTop),
        Binding([.end, .character("G")], .moveToBottom),
        Binding([.enter, .right, .character("l")], .openStory),
        Binding([.character("r")], .refreshFeed),
        Binding([.escape, .left, .character("h"), .character("q"), .character("F")], .back),
        Binding([.character("?")], .toggleHelp),
        Binding([.control("l")], .redraw),
        Binding([.control("c")], .quit),
    ]

    /// The command `key` stands for in the feed list, if any.
    public func feedListCommand(for key: Key) -> Command? {
        feedListBindings.first { $0.keys.contains(key) }?.command
    }
}

extension Command {
    /// What the command does in the feed list, as the help overlay says it.
    public var feedListSummary: String {
        switch self {
        case .moveUp: "previous entry"
        case .moveDown: "next entry"
        case .moveToTop: "first entry"
        case .moveToBottom: "last entry"
        case .openStory: "show these stories"
        case .refreshFeed: "refresh the selected feed (synced: sync its account)"
        case .back: "close the feed list"
        default: summary(in: .headlines)
        }
    }
}

import NewsModel
import TermCore
import TextSafety

/// The state of the reader's views beyond the panes themselves: the feed list, the search prompt, where Esc
/// from a search returns to, and the words a search matched in each listed title.
public struct ReaderViews: Sendable, Equatable {
    /// Opening a story (Enter) marks it read; `Settings.markReadOnOpen` can turn that off.
    public var markReadOnOpen = true
    /// The `F` overlay, while it is open.
    public var feedList: FeedListState?
    /// The `/` prompt in the status bar, while it is open.
    public var searchPrompt: SearchPrompt?
    /// The view a search replaced, restored by Esc; nil when the list is not showing a search.
    public var queryBeforeSearch: HeadlineQuery?
    /// In a search view, the matched words of each listed title (as the cache marked them), for highlighting.
    public var titleMatches: [StoryID: [String]] = [:]
    /// Names of feeds learnt from the feed list, so a feed view is titled even before its rows arrive.
    public var feedTitles: [FeedID: SafeLine] = [:]

    public init() {}
}

/// The one-line search prompt: the text typed so far.
public struct SearchPrompt: Sendable, Equatable {
    public var text: String
    public init(text: String = "") { self.text = text }
}

/// One row of the feed list: a view the headline pane can switch to, with its counts, or the heading of a
/// sync account's feeds with the account's state. Its texts are `SafeLine`s, cleaned when the entry is
/// made, so the feed list draws them as they are.
public struct FeedListEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, Hashable {
        case all, starred
        case tag(String)
        case feed(FeedID)
        /// The heading of a sync account's feeds, by the account's name.
        case account(String)
    }

    public var kind: Kind
    public var title: SafeLine
    public var unread: Int
    public var total: Int
    /// The feed's last refresh error, if any (feeds only).
    public var error: SafeLine?
    /// The feed's URL (feeds only), shown for the selected feed when it has no error.
    public var url: SafeLine?
    /// The sync account a feed comes through, or the account an account heading stands for.
    public var account: String?
    /// The account's state (on account headings and on each of its feeds).
    public var sync: SyncAccountStatus?

    public init(kind: Kind, title: String, unread: Int, total: Int, error: String? = nil, url: String? = nil,
                account: String? = nil, sync: SyncAccountStatus? = nil) {
        self.kind = kind; self.title = SafeLine(title); self.unread = unread; self.total = total
        self.error = error.map { SafeLine($0) }; self.url = url.map { SafeLine($0) }
        self.account = account; self.sync = sync
    }

    /// The scope the headline pane shows when this entry is chosen (an account heading shows the stories
    /// of all its feeds).
    public var scope: HeadlineQuery.Scope {
        switch kind {
        case .all: .all
        case .starred: .starred
        case .tag(let tag): .tag(tag)
        case .feed(let id): .feed(id)
        case .account(let name): .account(name)
        }
    }
}

/// The feed list overlay: its entries once loaded, the selection and the first row shown.
public struct FeedListState: Sendable, Equatable {
    public var entries: [FeedListEntry]
    public var hasLoaded: Bool
    public var selected: Int
    public var top: Int

    public init(entries: [FeedListEntry] = [], hasLoaded: Bool = false, selected: Int = 0, top: Int = 0) {
        self.entries = entries; self.hasLoaded = hasLoaded; self.selected = selected; self.top = top
    }

    public var selectedEntry: FeedListEntry? { entries.indices.contains(selected) ? entries[selected] : nil }

    /// Rows under the entries for the selected feed's error (or URL) and the key reminder.
    public static let detailRows = 3

    /// Where the overlay sits: exactly over the headline pane of the wide layout (so the story stays in
    /// view beside it), the whole width below that, above the status bar. ReaderCore owns it because
    /// scrolling needs its height.
    public static func panel(in size: TerminalSize) -> Rect {
        let wide = max(40, min(size.width * 45 / 100, size.width - 80))
        let width = size.width < ScreenLayout.wideWidth ? size.width : wide
        return Rect(x: 0, y: 0, width: width, height: max(0, size.height - 1))
    }

    /// Entry rows the overlay shows: the panel less its title row and the detail rows.
    public static func visibleRows(in size: TerminalSize) -> Int {
        max(1, panel(in: size).height - 1 - detailRows)
    }

    /// The entries for `directory`: all stories, starred, each tag, each feed of the urls file in
    /// subscription order, then each sync account (by name) as a heading followed by its feeds.
    public static func entries(for directory: FeedDirectory) -> [FeedListEntry] {
        let feeds = directory.feeds
        var entries = [
            FeedListEntry(kind: .all, title: "All stories", unread: feeds.reduce(0) { $0 + $1.unreadCount },
                          total: feeds.reduce(0) { $0 + $1.totalCount }),
            FeedListEntry(kind: .starred, title: "Starred", unread: directory.starredUnread, total: directory.starred),
        ]
        for tag in directory.tags {
            let tagged = feeds.filter { $0.tags.contains(tag) }
            entries.append(FeedListEntry(kind: .tag(tag), title: "#" + tag,
                                         unread: tagged.reduce(0) { $0 + $1.unreadCount },
                                         total: tagged.reduce(0) { $0 + $1.totalCount }))
        }
        for feed in feeds where feed.account == nil {
            entries.append(FeedListEntry(kind: .feed(feed.id), title: feed.title, unread: feed.unreadCount,
                                         total: feed.totalCount, error: feed.lastError, url: feed.url))
        }
        let byAccount = Dictionary(grouping: feeds.filter { $0.account != nil }) { $0.account ?? "" }
        let statuses = Dictionary(directory.accounts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(byAccount.keys).union(statuses.keys).sorted() {
            let own = byAccount[name] ?? []
            let status = statuses[name]
            entries.append(FeedListEntry(kind: .account(name), title: name, unread: own.reduce(0) { $0 + $1.unreadCount },
                                         total: own.reduce(0) { $0 + $1.totalCount }, error: status?.lastError,
                                         account: name, sync: status))
            for feed in own {
                entries.append(FeedListEntry(kind: .feed(feed.id), title: feed.title, unread: feed.unreadCount,
                                             total: feed.totalCount, error: feed.lastError,
                                             url: feed.siteURL ?? feed.url, account: name, sync: status))
            }
        }
        return entries
    }
}

/// A write to the reader's marks, named so a failure can be undone on screen.
public enum MarkRequest: Sendable, Equatable, Hashable {
    /// Set one story read (true) or unread.
    case read(StoryID, Bool)
    /// Star (true) or unstar one story.
    case starred(StoryID, Bool)
    /// Mark every story of a feed read.
    case feedRead(FeedID)
    /// Mark every story of a view read (`C`).
    case viewRead(HeadlineQuery)
}

import NewsModel

/// The part of the headline list the reader holds: the rows on screen plus a margin either side, never the
/// whole list. Indexes (`offset`, `selected`, `top`) are positions in the whole list, so the status bar can
/// say `12/87` and paging can ask the store for the rows next to the window.
public struct HeadlineWindow: Sendable, Equatable {
    public var query: HeadlineQuery
    /// Loaded rows, newest first; `rows[0]` is at position `offset` of the whole list.
    public var rows: [Headline]
    public var offset: Int
    /// How many stories the query matches, and how many of them are unread, as of the last page.
    public var total: Int
    public var unread: Int
    /// The selected position (absolute).
    public var selected: Int
    /// The position shown on the first row of the pane.
    public var top: Int
    /// The request whose answer is awaited; any other answer is stale.
    public var pending: HeadlineRequest?
    /// False until the first page has come back, so the pane can say "loading" rather than "no stories".
    public var hasLoaded: Bool
    /// The story an `n`/`p` jump selects once its page arrives.
    public var jumpTarget: StoryID? = nil

    public init(query: HeadlineQuery) {
        self.query = query; rows = []; offset = 0; total = 0; unread = 0; selected = 0; top = 0
        pending = nil; hasLoaded = false
    }

    /// Positions of the loaded rows.
    public var loadedRange: Range<Int> { offset..<(offset + rows.count) }

    /// The row at an absolute position, if it is loaded.
    public func row(at position: Int) -> Headline? {
        loadedRange.contains(position) ? rows[position - offset] : nil
    }

    public var selectedHeadline: Headline? { row(at: selected) }

    /// Sets the listed comment count of a story, if it is among the loaded rows.
    mutating func setCommentCount(_ id: StoryID, _ count: Int) {
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return }
        rows[index].commentCount = count
    }

    /// Marks the loaded row of `id` read or unread, keeping the unread count in step.
    mutating func setRead(_ id: StoryID, _ isRead: Bool) {
        guard let index = rows.firstIndex(where: { $0.id == id }), rows[index].isRead != isRead else { return }
        rows[index].isRead = isRead
        unread = max(0, unread + (isRead ? -1 : 1))
    }
}

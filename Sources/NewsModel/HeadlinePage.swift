/// Which page of headlines a request asks for, relative to the rows already held.
public enum PageDirection: Sendable, Equatable, Hashable {
    /// The newest rows.
    case first
    /// The rows just older than the cursor (scrolling down).
    case after(HeadlineCursor)
    /// The rows just newer than the cursor (scrolling up), returned newest first.
    case before(HeadlineCursor)
    /// The oldest rows (`G`/End).
    case last
    /// The rows either side of the cursor's story, it included (reloading after a refresh).
    case around(HeadlineCursor)
}

/// A page of headlines as the runtime found it in the store.
public struct HeadlinePage: Sendable, Equatable {
    /// Newest first.
    public var rows: [Headline]
    /// The 0-based position of `rows.first` in the whole list.
    public var startIndex: Int
    /// How many stories the query matches.
    public var total: Int
    /// How many of them are unread.
    public var unread: Int
    /// For a search: the matched words of each row's title, for highlighting.
    public var titleMatches: [StoryID: [String]] = [:]
    public init(rows: [Headline], startIndex: Int, total: Int, unread: Int) {
        self.rows = rows; self.startIndex = startIndex; self.total = total; self.unread = unread
    }
}

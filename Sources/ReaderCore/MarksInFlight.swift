import NewsModel

/// The marks the reader has shown but the cache has not yet confirmed, oldest first.
///
/// A mark changes its row at once and is written in the background, where it may wait behind a refresh
/// holding the cache's writer. A page or a story read from the cache meanwhile still carries the old mark;
/// re-applying these to everything such a read brings in keeps the screen, and the next `s` or `N` on the
/// row, on the mark the reader made. An entry leaves when its write is answered, stored or failed.
public struct MarksInFlight: Sendable, Equatable {
    /// One write not yet answered.
    struct Entry: Sendable, Equatable {
        var request: MarkRequest
        /// For a feed or a view marked read: the loaded rows it turned read. Stories not loaded then were
        /// never shown read, so they are left to the cache.
        var stories: Set<StoryID>
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// True when every mark made has been answered.
    public var isEmpty: Bool { entries.isEmpty }

    /// How many writes are waiting for their answer.
    public var count: Int { entries.count }

    /// Remembers a write just asked for; `stories` are the rows a feed or view mark turned read.
    mutating func add(_ request: MarkRequest, stories: Set<StoryID> = []) {
        entries.append(Entry(request: request, stories: stories))
    }

    /// Forgets the oldest write of `request`, whose answer has come; false when none was waiting (an
    /// answer to a write made before this state, or one already counted).
    @discardableResult
    mutating func settle(_ request: MarkRequest) -> Bool {
        guard let index = entries.firstIndex(where: { $0.request == request }) else { return false }
        entries.remove(at: index)
        return true
    }

    /// The read mark the newest write in flight gives story `id`, nil when none touches it.
    func isRead(_ id: StoryID) -> Bool? {
        for entry in entries.reversed() {
            switch entry.request {
            case .read(let storyID, let isRead) where storyID == id: return isRead
            case .feedRead, .viewRead: if entry.stories.contains(id) { return true }
            default: continue
            }
        }
        return nil
    }

    /// The star the newest write in flight gives story `id`, nil when none touches it.
    func isStarred(_ id: StoryID) -> Bool? {
        for entry in entries.reversed() {
            if case .starred(let storyID, let isStarred) = entry.request, storyID == id { return isStarred }
        }
        return nil
    }

    /// `page` as the reader should see it: each row with the marks in flight, and the unread count moved by
    /// the rows whose read mark they change (rows outside the page cannot be known here; the next read after
    /// the writes corrects the count).
    func applied(to page: HeadlinePage) -> HeadlinePage {
        guard !entries.isEmpty else { return page }
        var page = page
        for index in page.rows.indices {
            let stored = page.rows[index]
            let shown = applied(to: stored)
            guard shown != stored else { continue }
            if shown.isRead != stored.isRead { page.unread = max(0, page.unread + (shown.isRead ? -1 : 1)) }
            page.rows[index] = shown
        }
        return page
    }

    /// `headline` with the marks in flight.
    func applied(to headline: Headline) -> Headline {
        var headline = headline
        if let isRead = isRead(headline.id) { headline.isRead = isRead }
        if let isStarred = isStarred(headline.id) { headline.isStarred = isStarred }
        return headline
    }

    /// `story` with the marks in flight.
    func applied(to story: Story) -> Story {
        var story = story
        if let isRead = isRead(story.id) { story.isRead = isRead }
        if let isStarred = isStarred(story.id) { story.isStarred = isStarred }
        return story
    }
}

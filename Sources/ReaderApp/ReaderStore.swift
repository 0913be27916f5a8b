import NewsCache
import NewsModel

/// What the reader needs from the cache; `NewsCache` conforms (NewsCache+ReaderStore.swift).
/// Headline order is newest first by (date, id); cursors name a row in that order.
public protocol ReaderStore: Sendable {
    func feeds() async throws -> [Feed]
    /// Up to `limit` rows strictly older than `cursor` (from the newest when nil), newest first.
    func headlines(_ query: HeadlineQuery, after cursor: HeadlineCursor?, limit: Int) async throws -> [Headline]
    /// The up to `limit` rows just newer than `cursor`, returned newest first.
    func headlines(_ query: HeadlineQuery, before cursor: HeadlineCursor, limit: Int) async throws -> [Headline]
    /// The oldest `limit` rows, newest first.
    func lastPage(_ query: HeadlineQuery, limit: Int) async throws -> [Headline]
    func count(_ query: HeadlineQuery) async throws -> Int
    /// The 0-based index of the row at `cursor` in the query's order.
    func position(of cursor: HeadlineCursor, in query: HeadlineQuery) async throws -> Int
    func story(_ id: StoryID) async throws -> Story?
    /// The story's comments in thread order (depth first).
    func comments(for id: StoryID) async throws -> [Comment]
    func setRead(_ id: StoryID, _ isRead: Bool) async throws
    func setStarred(_ id: StoryID, _ isStarred: Bool) async throws
    /// Every tag in use, sorted.
    func tags() async throws -> [String]
    /// Marks every story of the feed read; returns how many changed.
    func markFeedRead(_ feedID: FeedID) async throws -> Int
    /// Stores reader mode's outcome for a story: the article's HTML, or (`html` nil) why there is none.
    func setExtraction(_ html: String?, note: String?, for id: StoryID) async throws
    /// The newest unread stories reader mode has not tried yet (for fetching in the background).
    func extractionCandidates(limit: Int) async throws -> [ExtractionCandidate]
    /// Up to `limit` stories matching `text`, best first, with the matches marked.
    func search(_ text: String, limit: Int) async throws -> [SearchHit]
}

import Foundation
import NewsCache
import NewsModel

/// What the reader needs from the cache; `NewsCache` conforms (NewsCache+ReaderStore.swift).
/// Headline order is newest first by (date, id); cursors name a row in that order. It speaks in NewsModel
/// types only, so the runtime does not depend on how the cache stores them.
public protocol ReaderStore: Sendable {
    func feeds() async throws -> [Feed]
    /// The page of up to `limit` rows that `direction` names, with the query's counts and the position
    /// of its first row, all from one read (a refresh storing meanwhile cannot make them disagree).
    func headlinePage(_ query: HeadlineQuery, _ direction: PageDirection, limit: Int) async throws -> HeadlinePage
    func count(_ query: HeadlineQuery) async throws -> Int
    func story(_ id: StoryID) async throws -> Story?
    /// The story's comments in thread order (depth first).
    func comments(for id: StoryID) async throws -> [Comment]
    /// The story's thread with when it was fetched and last opened.
    func commentThread(for id: StoryID) async throws -> CommentThread
    /// Remembers that the reader opened the story's comments at `date`.
    func markCommentsOpened(_ id: StoryID, at date: Date) async throws
    func setRead(_ id: StoryID, _ isRead: Bool) async throws
    func setStarred(_ id: StoryID, _ isStarred: Bool) async throws
    /// The feeds, tags and starred counts of the feed list, from one read.
    func feedDirectory() async throws -> FeedDirectory
    /// Marks every story of the feed read; returns how many changed.
    func markFeedRead(_ feedID: FeedID) async throws -> Int
    /// Stores reader mode's outcome for a story: the article's HTML, or (`html` nil) why there is none.
    func setExtraction(_ html: String?, note: String?, for id: StoryID) async throws
    /// The newest unread stories reader mode has not tried yet (for fetching in the background).
    func extractionCandidates(limit: Int) async throws -> [ExtractionCandidate]
    /// Up to `limit` stories matching `text`, best first, with the matches marked.
    func search(_ text: String, limit: Int) async throws -> [SearchHit]
    /// Marks every story the query lists read; returns how many changed.
    func markRead(matching query: HeadlineQuery) async throws -> Int
    /// A number that changes when stories or feeds are added or removed, by any process.
    func changeStamp() async throws -> Int64
}

/// Stores without fetch times: a thread is just its comments, and visits are not remembered.
extension ReaderStore {
    public func commentThread(for id: StoryID) async throws -> CommentThread {
        CommentThread(storyID: id, comments: try await comments(for: id))
    }

    public func markCommentsOpened(_ id: StoryID, at date: Date) async throws {}
}

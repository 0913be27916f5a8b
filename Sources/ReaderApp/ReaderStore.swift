import Foundation
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
    /// The story's thread with when it was fetched and last opened.
    func commentThread(for id: StoryID) async throws -> CommentThread
    /// Remembers that the reader opened the story's comments at `date`.
    func markCommentsOpened(_ id: StoryID, at date: Date) async throws
    func setRead(_ id: StoryID, _ isRead: Bool) async throws
    func setStarred(_ id: StoryID, _ isStarred: Bool) async throws
    /// Every tag in use, sorted.
    func tags() async throws -> [String]
    /// Marks every story of the feed read; returns how many changed.
    func markFeedRead(_ feedID: FeedID) async throws -> Int
    /// Up to `limit` stories matching `text`, best first, with the matches marked.
    func search(_ text: String, limit: Int) async throws -> [SearchHit]
}

/// Stores without fetch times: a thread is just its comments, and visits are not remembered.
extension ReaderStore {
    public func commentThread(for id: StoryID) async throws -> CommentThread {
        CommentThread(storyID: id, comments: try await comments(for: id))
    }

    public func markCommentsOpened(_ id: StoryID, at date: Date) async throws {}
}

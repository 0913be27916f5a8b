import Foundation
import NewsCache
import NewsModel

/// The reader reads and writes the real cache: its synchronous, thread-safe methods satisfy the store's
/// async requirements directly (the runtime calls them from tasks off the main actor).
extension NewsCache: ReaderStore {
    public func commentThread(for id: StoryID) async throws -> CommentThread { try thread(for: id) }

    public func markCommentsOpened(_ id: StoryID, at date: Date) async throws { try recordCommentsOpened(id, at: date) }
}

import Foundation
import NewsCache
import NewsModel
import NewsSources
import ReaderCore

/// What the reader needs to fetch a story's comments in the background; `CommentFetcher` is the real one.
public protocol CommentFetching: Sendable {
    /// Fetches the story's thread from its source, stores it with the time, and answers with the stored
    /// thread, or says why there is none.
    func fetchComments(for storyID: StoryID) async -> CommentFetchOutcome
    /// The discussions of `url` on Hacker News and Lobsters, and a message for each site not reached.
    func findDiscussions(of url: String) async -> (found: [Discussion], problems: [String])
    /// The thread of a discussion elsewhere, for showing beside the story without storing it as its own.
    func fetchDiscussion(_ discussion: Discussion, for storyID: StoryID) async -> CommentFetchOutcome
}

/// Fetches threads through `CommentSources` and stores them in the cache with their fetch time. A
/// read-only cache (another Gazette is writing it) still shows what was fetched, without keeping it.
public final class CommentFetcher: CommentFetching {
    private let cache: NewsCache
    private let sources: CommentSources
    private let finder: DiscussionFinder?
    private let now: @Sendable () -> Date

    public init(cache: NewsCache, sources: CommentSources, finder: DiscussionFinder? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.cache = cache; self.sources = sources; self.finder = finder; self.now = now
    }

    /// The sources at the configured endpoints, fetching with the refresh's limits.
    public convenience init(cache: NewsCache, settings: Settings) {
        self.init(cache: cache, sources: CommentSources(endpoints: settings.endpoints, policy: settings.fetch,
                                                              pageReader: PageCommentReading.extracted),
                  finder: DiscussionFinder(endpoints: settings.endpoints, policy: settings.fetch))
    }

    public func findDiscussions(of url: String) async -> (found: [Discussion], problems: [String]) {
        guard let finder else { return ([], ["discussions cannot be looked up in this session"]) }
        let (found, problems) = await finder.discussions(of: url)
        return (found, problems)
    }

    public func fetchDiscussion(_ discussion: Discussion, for storyID: StoryID) async -> CommentFetchOutcome {
        let target = CommentTarget(commentsURL: discussion.url)
        guard sources.source(for: target) != nil else { return .failed("no source reads \(discussion.url)") }
        do {
            return .fetched(Self.unstored(try await sources.comments(for: target), storyID: storyID, at: now()))
        } catch {
            return .failed(error.description)
        }
    }

    public func fetchComments(for storyID: StoryID) async -> CommentFetchOutcome {
        let story: Story
        do {
            guard let found = try cache.story(storyID) else { return .failed("the story is no longer in the cache") }
            story = found
        } catch {
            return .failed("cache: \(error)")
        }
        let target = CommentTarget(story)
        guard sources.source(for: target) != nil else {
            return .unavailable("No comments yet: this story names no comment feed or discussion.")
        }
        let fetched: [FetchedComment]
        do {
            fetched = try await sources.comments(for: target)
        } catch .closed {
            return .unavailable("Comments are closed.")
        } catch {
            return .failed(error.description)
        }
        let fetchedAt = now()
        guard cache.access == .readWrite else {
            return .fetched(Self.unstored(fetched, storyID: storyID, at: fetchedAt))
        }
        do {
            try cache.storeComments(fetched, for: storyID, fetchedAt: fetchedAt)
            return .fetched(try cache.thread(for: storyID))
        } catch {
            return .failed("cache: \(error)")
        }
    }

    /// A thread that is shown but not stored: ids by position (negative, so they never meet a cache id).
    static func unstored(_ fetched: [FetchedComment], storyID: StoryID, at date: Date) -> CommentThread {
        let comments = fetched.enumerated().map { position, comment in
            Comment(id: CommentID(-Int64(position) - 1), storyID: storyID, remoteID: comment.remoteID,
                    parentRemoteID: comment.parentRemoteID, author: comment.author, date: comment.date,
                    score: comment.score, body: comment.body, depth: comment.depth, position: position,
                    isDeleted: comment.isDeleted, firstSeen: nil)
        }
        return CommentThread(storyID: storyID, comments: comments, fetchedAt: date)
    }
}

/// How the reader fetches comments: the fetcher (nil: no network, as in the sample edition), how old a
/// stored thread may get, and whether the pane opens beside the story when three panes fit.
public struct CommentOptions: Sendable {
    public var fetcher: (any CommentFetching)?
    public var maxAgeMinutes: Int
    public var besideStory: Bool

    public init(fetcher: (any CommentFetching)? = nil, maxAgeMinutes: Int = 30, besideStory: Bool = false) {
        self.fetcher = fetcher; self.maxAgeMinutes = maxAgeMinutes; self.besideStory = besideStory
    }
}

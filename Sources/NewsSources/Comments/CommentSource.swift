import Foundation
import NewsModel

/// What a comment source needs to know about a story to find its thread.
public struct CommentTarget: Sendable, Equatable {
    /// The story's own page.
    public var link: String?
    /// A web page with the comments (RSS `<comments>`; the discussion page of Hacker News and Lobsters).
    public var commentsURL: String?
    /// A feed of the comments (`wfw:commentRss`, Atom `link rel="replies"`).
    public var repliesFeedURL: String?

    public init(link: String? = nil, commentsURL: String? = nil, repliesFeedURL: String? = nil) {
        self.link = link; self.commentsURL = commentsURL; self.repliesFeedURL = repliesFeedURL
    }

    public init(_ story: Story) {
        self.init(link: story.link, commentsURL: story.commentsURL, repliesFeedURL: story.repliesFeedURL)
    }
}

/// One place comments come from (Hacker News, Lobsters, a comment feed). The reader and the command line
/// ask `CommentSources`, which asks each source in turn whether the story is one of its own.
public protocol CommentSource: Sendable {
    /// The host named in messages ("news.ycombinator.com").
    var name: String { get }
    /// Whether this source knows where `target`'s comments are.
    func handles(_ target: CommentTarget) -> Bool
    /// The whole thread in thread order (depth first, as the site ranks it), bodies as safe HTML.
    func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment]
}

/// Why a thread could not be fetched, in words for the comment pane and `gazette read`.
public enum CommentSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached or answered with an error.
    case unreachable(host: String, FetchError)
    /// The server answered with something that is not what its API promises.
    case malformed(host: String, detail: String)
    /// No source knows where this story's comments are.
    case noSource
    /// The story's page says commenting is closed, and shows no comments.
    case closed

    public var description: String {
        switch self {
        case .unreachable(let host, let error): "could not reach \(host): \(error.message)"
        case .malformed(let host, let detail): "\(host) answered with something unexpected: \(detail)"
        case .noSource: "no comments yet: this story names no comment feed or discussion"
        case .closed: "comments are closed"
        }
    }
}

/// Every comment source, asked in order: the first that handles a story fetches its thread.
public struct CommentSources: Sendable {
    public var sources: [any CommentSource]

    public init(_ sources: [any CommentSource]) { self.sources = sources }

    /// Hacker News, Lobsters, comment feeds at `endpoints`, and last the story's own page (read by
    /// `pageReader`), fetching through one fetcher per politeness rule (Lobsters allows one request at a time).
    public init(endpoints: SourceEndpoints, policy: FetchPolicy, pageReader: @escaping PageCommentReader) {
        self.init([
            HackerNewsClient(endpoints: endpoints, policy: policy),
            LobstersClient(endpoints: endpoints, policy: policy),
            CommentFeedSource(fetcher: FeedFetcher(policy: policy)),
            PageCommentSource(fetcher: FeedFetcher(policy: policy), reader: pageReader),
        ])
    }

    /// The source for `target`, if any.
    public func source(for target: CommentTarget) -> (any CommentSource)? {
        sources.first { $0.handles(target) }
    }

    /// The thread of `target` from the first source that handles it.
    public func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment] {
        guard let source = source(for: target) else { throw .noSource }
        return try await source.comments(for: target)
    }
}

import Foundation
import NewsModel

/// A `ReaderStore` over arrays, for tests and for running the reader before the cache is wired in.
/// Answers the same questions the SQLite cache does, in the same order (newest first by date, then id).
public actor MemoryStore: ReaderStore {
    private var feedList: [Feed]
    private var stories: [StoryID: Story]
    private var commentsByStory: [StoryID: [Comment]]

    /// One subscription's content as a refresh would hand it over: the parsed feed and each entry's
    /// comments keyed by the entry's id (the shape of the bundled sample edition).
    public struct Source: Sendable {
        public var url: String
        public var title: String
        public var kind: SourceKind
        public var tags: [String]
        public var document: FeedDocument
        public var comments: [String: [FetchedComment]]
        public init(url: String, title: String, kind: SourceKind = .feed, tags: [String] = [],
                    document: FeedDocument, comments: [String: [FetchedComment]] = [:]) {
            self.url = url; self.title = title; self.kind = kind; self.tags = tags; self.document = document
            self.comments = comments
        }
    }

    /// A store holding `sources`, with ids given in order (feeds from 1, stories and comments from 1).
    /// Entries without a date sort as `firstSeen`.
    public init(sources: [Source], firstSeen: Date = Date(timeIntervalSince1970: 0)) {
        var feeds: [Feed] = []
        var stories: [Story] = []
        var comments: [Comment] = []
        for (sourceIndex, source) in sources.enumerated() {
            let feedID = FeedID(Int64(sourceIndex + 1))
            let title = source.document.title ?? source.title
            feeds.append(Feed(id: feedID, url: source.url, kind: source.kind, title: source.title, tags: source.tags,
                              siteURL: source.document.link, unreadCount: source.document.entries.count,
                              totalCount: source.document.entries.count))
            for entry in source.document.entries {
                let storyID = StoryID(Int64(stories.count + 1))
                let thread = entry.id.flatMap { source.comments[$0] } ?? []
                stories.append(Story(id: storyID, feedID: feedID, feedTitle: title, title: entry.title ?? "(untitled)",
                                     link: entry.link, author: entry.author, published: entry.published,
                                     updated: entry.updated, firstSeen: firstSeen, summary: entry.summary,
                                     content: entry.content, categories: entry.categories,
                                     enclosures: entry.enclosures, commentsURL: entry.commentsURL,
                                     repliesFeedURL: entry.repliesFeedURL,
                                     commentCount: thread.isEmpty ? entry.commentCount : thread.count))
                for (position, fetched) in thread.enumerated() {
                    comments.append(Comment(id: CommentID(Int64(comments.count + 1)), storyID: storyID,
                                            remoteID: fetched.remoteID, parentRemoteID: fetched.parentRemoteID,
                                            author: fetched.author, date: fetched.date, score: fetched.score,
                                            body: fetched.body, depth: fetched.depth, position: position,
                                            isDeleted: fetched.isDeleted))
                }
            }
        }
        self.init(feeds: feeds, stories: stories, comments: comments)
    }

    public init(feeds: [Feed] = [], stories: [Story], comments: [Comment] = []) {
        feedList = feeds
        self.stories = Dictionary(stories.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        commentsByStory = Dictionary(grouping: comments, by: \.storyID).mapValues { $0.sorted { $0.position < $1.position } }
    }

    public func feeds() -> [Feed] { feedList }

    public func headlines(_ query: HeadlineQuery, after cursor: HeadlineCursor?, limit: Int) -> [Headline] {
        let rows = ordered(query)
        guard let cursor else { return Array(rows.prefix(limit)) }
        return Array(rows.filter { Self.isOlder($0, than: cursor) }.prefix(limit))
    }

    public func headlines(_ query: HeadlineQuery, before cursor: HeadlineCursor, limit: Int) -> [Headline] {
        Array(ordered(query).filter { Self.isNewer($0, than: cursor) }.suffix(limit))
    }

    public func lastPage(_ query: HeadlineQuery, limit: Int) -> [Headline] { Array(ordered(query).suffix(limit)) }

    public func count(_ query: HeadlineQuery) -> Int { ordered(query).count }

    public func position(of cursor: HeadlineCursor, in query: HeadlineQuery) -> Int {
        ordered(query).filter { Self.isNewer($0, than: cursor) }.count
    }

    public func story(_ id: StoryID) -> Story? { stories[id] }

    public func comments(for id: StoryID) -> [Comment] { commentsByStory[id] ?? [] }

    public func setRead(_ id: StoryID, _ isRead: Bool) { stories[id]?.isRead = isRead }

    public func setStarred(_ id: StoryID, _ isStarred: Bool) { stories[id]?.isStarred = isStarred }

    /// The query's rows, newest first.
    private func ordered(_ query: HeadlineQuery) -> [Headline] {
        stories.values.filter { matches($0, query) }.map(headline).sorted { lhs, rhs in
            lhs.date != rhs.date ? lhs.date > rhs.date : lhs.id > rhs.id
        }
    }

    private func matches(_ story: Story, _ query: HeadlineQuery) -> Bool {
        if query.unreadOnly, story.isRead { return false }
        switch query.scope {
        case .all: return true
        case .feed(let id): return story.feedID == id
        case .tag(let tag): return feedList.first { $0.id == story.feedID }?.tags.contains(tag) ?? false
        case .starred: return story.isStarred
        case .search(let text):
            return story.title.localizedCaseInsensitiveContains(text)
                || (story.bodyHTML?.localizedCaseInsensitiveContains(text) ?? false)
        }
    }

    private func headline(_ story: Story) -> Headline {
        Headline(id: story.id, feedID: story.feedID, feedTitle: story.feedTitle, title: story.title,
                 date: story.displayDate, commentCount: commentsByStory[story.id]?.count ?? story.commentCount,
                 isRead: story.isRead, isStarred: story.isStarred)
    }

    private static func isOlder(_ row: Headline, than cursor: HeadlineCursor) -> Bool {
        row.date != cursor.date ? row.date < cursor.date : row.id < cursor.id
    }

    private static func isNewer(_ row: Headline, than cursor: HeadlineCursor) -> Bool {
        row.date != cursor.date ? row.date > cursor.date : row.id > cursor.id
    }
}

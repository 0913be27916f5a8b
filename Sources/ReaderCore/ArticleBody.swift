import NewsModel

/// Which laid-out body the article pane needs: the story, which of its texts (the extracted article or
/// the feed's), and the text width. The header is cheap and laid out with each frame; the body is the
/// part worth doing off the key path and keeping.
public struct ArticleBodyKey: Sendable, Hashable {
    public var storyID: StoryID
    public var isExtracted: Bool
    public var width: Int
    public init(storyID: StoryID, isExtracted: Bool, width: Int) {
        self.storyID = storyID; self.isExtracted = isExtracted; self.width = width
    }
}

/// A request to parse (or find parsed) and lay out a story's body, answered by `.articleBodyLaidOut`.
public struct ArticleBodyRequest: Sendable, Hashable {
    public var id: RequestID
    public var key: ArticleBodyKey
    /// The HTML to parse and the URL its relative links resolve against.
    public var html: String
    public var baseURL: String?
    public init(id: RequestID, key: ArticleBodyKey, html: String, baseURL: String?) {
        self.id = id; self.key = key; self.html = html; self.baseURL = baseURL
    }

    /// The request for `story`'s body as shown (its extracted article when it has one) at `width` columns.
    public init(story: Story, width: Int, id: RequestID = RequestID(rawValue: 0)) {
        self.init(id: id, key: ArticleBodyKey(storyID: story.id, isExtracted: story.extractedText != nil, width: width),
                  html: story.bodyHTML ?? "", baseURL: story.link)
    }
}

/// Where the article pane's body stands when the runtime lays bodies out off the key path (`isDeferred`).
/// Without it (`update` alone in tests, the pure `render`) bodies are laid out as each frame is drawn.
public struct ArticleBodyState: Sendable, Equatable {
    /// Set by the runtime: the body is asked for with `.layOutArticleBody` rather than laid out in the frame.
    public var isDeferred = false
    /// The last request made: an answer with another id is stale and dropped.
    public var requested: ArticleBodyRequest?
    /// The key of the last body answered for the current request.
    public var ready: ArticleBodyKey?
    /// The story asked for with `.loadStory` and not answered yet.
    public var loadingStory: StoryID?
    public init() {}
}

import NewsModel

/// The article body off the key path: after every action, if the body the pane needs changed (another
/// story, its other text, another width), one `.layOutArticleBody` asks for it; only the answer to the
/// last request counts, so a burst of moves ends with the body of the story finally selected.
extension AppState {
    /// The body the article pane needs now, or nil (no story to show, or the pane not on screen).
    public var wantedArticleBody: ArticleBodyRequest? {
        guard let story = displayedStory, let rect = ScreenLayout(self).panes[.article] else { return nil }
        return ArticleBodyRequest(story: story, width: ScreenLayout.articleTextWidth(paneWidth: rect.width))
    }

    /// True while the article pane waits for the runtime: its story is loading, or its body is being laid
    /// out. The view then keeps what it showed, so a move sends the terminal the list rows first.
    public var isArticlePending: Bool {
        guard articleBody.isDeferred else { return false }
        if let id = articleStoryID, articleBody.loadingStory == id { return true }
        guard let wanted = wantedArticleBody else { return false }
        return articleBody.ready != wanted.key
    }

    /// The request for the body the pane needs, when it is not the one asked for last.
    mutating func articleBodyEffects() -> [Effect] {
        guard articleBody.isDeferred, var wanted = wantedArticleBody else { return [] }
        if let last = articleBody.requested, last.key == wanted.key, last.html == wanted.html,
           last.baseURL == wanted.baseURL {
            return []
        }
        wanted.id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        articleBody.requested = wanted
        articleBody.ready = nil
        return [.layOutArticleBody(wanted)]
    }

    /// The answer to a body request; an answer to an older request is dropped.
    mutating func receiveArticleBody(_ id: RequestID, _ key: ArticleBodyKey) {
        guard articleBody.requested?.id == id, articleBody.requested?.key == key else { return }
        articleBody.ready = key
    }
}

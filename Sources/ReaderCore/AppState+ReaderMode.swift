import NewsModel

/// What reader mode gave for a story: the article's safe HTML, or why there is none.
public enum ExtractionOutcome: Sendable, Equatable {
    case article(html: String)
    case failed(note: String)
}

/// A reader-mode fetch that has been asked for and not yet answered.
public struct PendingExtraction: Sendable, Equatable {
    public var id: RequestID
    public var storyID: StoryID
    public init(id: RequestID, storyID: StoryID) { self.id = id; self.storyID = storyID }
}

/// Reader mode: the whole article fetched from the story's page when the feed carries a summary, and `x`
/// to switch between it and the feed's text.
extension AppState {
    /// After a story is loaded: if the feed's mode wants its article and it was never tried, waits
    /// `ExtractPolicy.settleMilliseconds` first, so that a reader moving through the list starts no page
    /// fetch for the stories passed over, only for the one they stop at.
    mutating func extractIfWanted() -> [Effect] {
        guard let story = shownStory, extractPolicy.wantsExtraction(of: story) else { return [] }
        if pendingExtraction?.storyID == story.id || settlingExtraction?.storyID == story.id { return [] }
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        settlingExtraction = PendingExtraction(id: id, storyID: story.id)
        return [.settleBeforeExtracting(id, story.id, milliseconds: ExtractPolicy.settleMilliseconds)]
    }

    /// The wait is over: the page is fetched if the story is still the one shown (and still wanted).
    mutating func extractionSettled(_ id: RequestID, _ storyID: StoryID) -> [Effect] {
        guard settlingExtraction?.id == id else { return [] }
        settlingExtraction = nil
        guard let story = shownStory, story.id == storyID, extractPolicy.wantsExtraction(of: story) else { return [] }
        return startExtraction(of: story)
    }

    private mutating func startExtraction(of story: Story) -> [Effect] {
        guard let link = story.link, ExtractPolicy.isWebLink(link) else { return [] }
        if pendingExtraction?.storyID == story.id { return [] }
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        pendingExtraction = PendingExtraction(id: id, storyID: story.id)
        return [.extractArticle(id, story.id, url: link)]
    }

    /// `x`: switches between the extracted article and the feed's text; with no article yet, fetches it
    /// (also after an earlier failure: the key is an explicit request).
    mutating func toggleReaderMode() -> [Effect] {
        guard let story = shownStory else { return [] }
        if story.extractedText != nil {
            showsFeedText.toggle()
            articleScroll = 0
            return []
        }
        if pendingExtraction?.storyID == story.id {
            status = StatusMessage("Still fetching the whole article…")
            return []
        }
        guard ExtractPolicy.isWebLink(story.link) else {
            status = StatusMessage("This story has no web page to read the whole article from", isError: true)
            return []
        }
        showsFeedText = false
        return startExtraction(of: story)
    }

    /// The answer to an extraction: kept with the story shown (the runtime has stored it in the cache).
    mutating func receiveExtraction(_ id: RequestID, _ storyID: StoryID, _ outcome: ExtractionOutcome) -> [Effect] {
        guard pendingExtraction?.id == id else { return [] }
        pendingExtraction = nil
        guard story?.id == storyID else { return [] }
        switch outcome {
        case .article(let html):
            story?.extractedText = html
            story?.extractionNote = nil
            showsFeedText = false
        case .failed(let note):
            story?.extractionNote = note
        }
        return []
    }

    /// The story as the article pane shows it: without the extracted article while the feed's text is asked for.
    public var displayedStory: Story? {
        guard var story = shownStory else { return nil }
        if showsFeedText { story.extractedText = nil }
        return story
    }

    /// The line under the article's header that says which text is shown, or nil when reader mode has
    /// nothing to say about this story.
    public var readerModeLine: String? {
        guard let story = shownStory else { return nil }
        if story.extractedText != nil {
            return showsFeedText ? "Feed's text · x: whole article" : "Whole article from the web page · x: feed's text"
        }
        if pendingExtraction?.storyID == story.id { return "Feed's text · fetching the whole article…" }
        if let note = story.extractionNote { return "Feed's text · no whole article: \(note)" }
        return nil
    }
}

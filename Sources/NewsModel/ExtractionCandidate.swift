/// A story reader mode may fetch in the background: unread, with a web link, never extracted or failed.
public struct ExtractionCandidate: Sendable, Equatable {
    public var storyID: StoryID
    public var link: String
    /// The URL of the story's feed, which its `ExtractMode` is keyed by.
    public var feedURL: String
    public init(storyID: StoryID, link: String, feedURL: String) {
        self.storyID = storyID; self.link = link; self.feedURL = feedURL
    }
}

import NewsModel

/// The `d` overlay: the discussions found for a story's link (nil while still looking), what could not be
/// asked, and the selected row.
public struct DiscussionList: Sendable, Equatable {
    public var request: RequestID
    public var storyID: StoryID
    public var url: String
    public var found: [Discussion]?
    public var problems: [String] = []
    public var selected = 0

    public init(request: RequestID, storyID: StoryID, url: String) {
        self.request = request; self.storyID = storyID; self.url = url
    }
}

import Foundation
import Testing
@testable import NewsModel

@Suite("Story")
struct StoryTests {
    @Test("The display date falls back from published to updated to first seen")
    func displayDate() {
        let seen = Date(timeIntervalSince1970: 100)
        var story = Story(id: StoryID(1), feedID: FeedID(1), feedTitle: "F", title: "T", firstSeen: seen)
        #expect(story.displayDate == seen)
        story.updated = Date(timeIntervalSince1970: 200)
        #expect(story.displayDate == Date(timeIntervalSince1970: 200))
        story.published = Date(timeIntervalSince1970: 300)
        #expect(story.displayDate == Date(timeIntervalSince1970: 300))
    }

    @Test("The body prefers extracted text, then content, then summary")
    func body() {
        var story = Story(id: StoryID(1), feedID: FeedID(1), feedTitle: "F", title: "T", firstSeen: Date(),
                          summary: "s")
        #expect(story.bodyHTML == "s")
        story.content = "c"
        #expect(story.bodyHTML == "c")
        story.extractedText = "x"
        #expect(story.bodyHTML == "x")
    }
}

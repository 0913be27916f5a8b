import Foundation
import Testing
@testable import NewsModel
import TextSafety

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

    @Test("A story's and a comment's one-line texts are cleaned when they are made, so painting draws them as they are")
    func oneLineTextsAreSafe() throws {
        let hostile = "Pwn\u{1B}]0;title\u{07}ed \u{202E}txt\u{9B}31m\nsecond line"
        let story = Story(id: StoryID(1), feedID: FeedID(1), feedTitle: hostile, title: hostile, author: hostile,
                          firstSeen: Date())
        let comment = Comment(id: CommentID(1), storyID: StoryID(1), remoteID: "1", author: hostile, body: "", position: 0)
        for text in [story.title.text, story.feedTitle.text, try #require(story.author).text, try #require(comment.author).text] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    "\(text.debugDescription)")
            #expect(text.contains("second line"))
        }
        // The JSON form is the plain string, as before the type changed.
        let json = String(decoding: try JSONEncoder().encode(story), as: UTF8.self)
        #expect(json.contains("\"title\":\"\(story.title.text)\""))
    }
}

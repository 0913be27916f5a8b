import Foundation
import NewsModel
import ReaderApp

/// A small edition for driving the runtime: the seed story with its two comments, and filler stories.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let merco = FeedID(1)
    static let other = FeedID(2)

    static let seedTitle = "Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks"

    static let seed = Story(
        id: StoryID(1), feedID: merco, feedTitle: "MercoPress", title: seedTitle,
        link: "https://en.mercopress.com/2022/03/08/surprise-turnaround", published: now.addingTimeInterval(-3600),
        firstSeen: now,
        content: "<p>The United States and Venezuela are back in talking terms. White House admitted on Monday that a "
            + "US delegation held weekend talks in Caracas with the government of Nicolas Maduro.</p>"
            + "<p>Maduro has been among the few international figures to assure Putin of his support.</p>")

    static let seedComments = [
        Comment(id: CommentID(1), storyID: StoryID(1), remoteID: "a", author: "imoyaro",
                date: now.addingTimeInterval(-1800), score: 0,
                body: "That's Polonium, Gauchito. Not that you'd know... ;)", position: 0),
        Comment(id: CommentID(2), storyID: StoryID(1), remoteID: "b", author: "Tænk",
                date: now.addingTimeInterval(-1700), score: -1,
                body: "Now..., we only need Putin to poison USA's Venezuelan Fake President.", position: 1),
    ]

    /// The seed story first (newest), then `fillerCount` older stories from another source.
    static func stories(fillerCount: Int = 14) -> [Story] {
        var stories = [seed]
        for n in 0..<fillerCount {
            stories.append(Story(id: StoryID(Int64(100 + n)), feedID: other, feedTitle: "Sample Wire",
                                 title: "Filler story number \(n)", published: now.addingTimeInterval(Double(-7200 - n * 600)),
                                 firstSeen: now, content: "<p>Body of filler \(n).</p>"))
        }
        return stories
    }

    /// A fresh store holding the edition.
    static func store(fillerCount: Int = 14) -> MemoryStore {
        MemoryStore(stories: stories(fillerCount: fillerCount), comments: seedComments)
    }
}

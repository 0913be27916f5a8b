import Foundation
import NewsCache
import NewsModel
import ReaderApp

/// A small edition for driving the runtime, stored in a real SQLite cache in a temporary folder: the seed
/// story with its two comments, and filler stories from another source.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static let seedTitle = "Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks"

    static let seed = FeedEntry(
        id: "seed", title: seedTitle, link: "https://en.mercopress.com/2022/03/08/surprise-turnaround",
        published: now.addingTimeInterval(-3600),
        content: "<p>The United States and Venezuela are back in talking terms. White House admitted on Monday that a "
            + "US delegation held weekend talks in Caracas with the government of Nicolas Maduro.</p>"
            + "<p>Maduro has been among the few international figures to assure Putin of his support.</p>",
        commentCount: 2)

    static let seedComments = [
        FetchedComment(remoteID: "a", author: "imoyaro", date: now.addingTimeInterval(-1800), score: 0,
                       body: "That's Polonium, Gauchito. Not that you'd know... ;)"),
        FetchedComment(remoteID: "b", author: "Tænk", date: now.addingTimeInterval(-1700), score: -1,
                       body: "Now..., we only need Putin to poison USA's Venezuelan Fake President."),
    ]

    static func filler(_ n: Int) -> FeedEntry {
        FeedEntry(id: "filler-\(n)", title: "Filler story number \(n)",
                  published: now.addingTimeInterval(Double(-7200 - n * 600)), content: "<p>Body of filler \(n).</p>")
    }

    /// A fresh cache holding the edition: the seed story first (newest), then `fillerCount` older stories.
    static func store(fillerCount: Int = 14) -> NewsCache {
        do {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-runtime-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let cache = try NewsCache(path: dir.appendingPathComponent("cache.sqlite").path)
            let merco = try cache.addFeed(url: "sample:mercopress", kind: .sample, title: "MercoPress")
            let wire = try cache.addFeed(url: "sample:wire", kind: .sample, title: "Sample Wire")
            _ = try cache.store(FeedDocument(title: "MercoPress", entries: [seed]), feedID: merco, fetchedAt: now)
            if let id = try cache.storyID(feedID: merco, entry: seed) {
                try cache.storeComments(seedComments, for: id)
            }
            _ = try cache.store(FeedDocument(title: "Sample Wire", entries: (0..<fillerCount).map(filler)),
                                feedID: wire, fetchedAt: now)
            return cache
        } catch {
            fatalError("cannot build the test cache: \(error)")
        }
    }

    /// The id the cache gave a stored entry.
    static func id(of entry: FeedEntry, in cache: NewsCache) throws -> StoryID? {
        for feed in try cache.feeds() {
            if let id = try cache.storyID(feedID: feed.id, entry: entry) { return id }
        }
        return nil
    }
}

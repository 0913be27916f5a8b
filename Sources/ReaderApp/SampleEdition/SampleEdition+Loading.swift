import Foundation
import NewsCache
import NewsModel

extension SampleEdition {
    /// The moment the sample edition is "fetched" at: fixed, so the edition is the same on every machine.
    static let fetchedAt = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    /// Stores the sample edition in `cache` through the same path a refresh uses (feeds, then documents,
    /// then each story's comment thread). Running it again changes nothing.
    public static func load(into cache: NewsCache) throws {
        for source in sources {
            let feedID = try cache.addFeed(url: source.url, kind: .sample, title: source.title, tags: source.tags)
            _ = try cache.store(source.document, feedID: feedID, fetchedAt: fetchedAt)
            for entry in source.document.entries {
                guard let entryID = entry.id, let thread = source.comments[entryID], !thread.isEmpty,
                      let storyID = try cache.storyID(feedID: feedID, entry: entry) else { continue }
                try cache.storeComments(thread, for: storyID)
            }
        }
    }
}

import Foundation
import GRDB
import NewsModel
@testable import NewsCache

/// A fresh directory under the system temp dir, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "gazette-cache-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var cachePath: String { path + "/cache.sqlite" }
}

/// A fixed point in time so that tests never depend on the clock.
let referenceDate = Date(timeIntervalSince1970: 1_790_000_000)

/// `count` entries with ids `prefix-0…`, dated one minute apart, newest last.
func entries(_ count: Int, prefix: String = "e", start: Date = referenceDate) -> [FeedEntry] {
    (0..<count).map { index in
        FeedEntry(id: "\(prefix)-\(index)", title: "Story \(prefix) \(index)",
                  link: "https://example.org/\(prefix)/\(index)",
                  published: start.addingTimeInterval(Double(index) * 60),
                  summary: "<p>Summary of story \(index) from \(prefix)</p>")
    }
}

/// A cache with one feed holding `count` stories.
func cacheWithFeed(_ directory: TemporaryDirectory, stories count: Int, prefix: String = "e",
                   url: String = "https://example.org/feed") throws -> (NewsCache, FeedID) {
    let cache = try NewsCache(path: directory.cachePath)
    let feed = try cache.addFeed(url: url)
    try cache.store(FeedDocument(title: "Example", entries: entries(count, prefix: prefix)), feedID: feed,
                    fetchedAt: referenceDate)
    return (cache, feed)
}

/// The `detail` lines of SQLite's plan for `sql`.
func planDetails(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
}

/// Walks the whole headline list page by page with `after` cursors.
func walk(_ cache: NewsCache, _ query: HeadlineQuery, pageSize: Int) throws -> [Headline] {
    var all: [Headline] = []
    var page = try cache.headlines(query, limit: pageSize)
    while let last = page.last {
        all += page
        page = try cache.headlines(query, after: HeadlineCursor(last), limit: pageSize)
    }
    return all
}

import Foundation
import Testing
import NewsModel
@testable import NewsCache

@Suite("Retention")
struct RetentionTests {
    /// 10 stories, one per day, the newest dated `referenceDate`.
    func dailyCache(_ directory: TemporaryDirectory) throws -> (NewsCache, FeedID, [Headline]) {
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let daily = (0..<10).map { day in
            FeedEntry(id: "d\(day)", title: "Day \(day)", published: referenceDate.addingTimeInterval(-Double(day) * 86_400))
        }
        try cache.store(FeedDocument(entries: daily), feedID: feed, fetchedAt: referenceDate)
        return (cache, feed, try cache.headlines(HeadlineQuery(), limit: 10))
    }

    @Test("old read stories go; starred and unread stories stay, old or not")
    func keepDays() throws {
        let directory = try TemporaryDirectory()
        let (cache, feed, rows) = try dailyCache(directory)
        for row in rows { try cache.setRead(row.id, true) }
        try cache.setStarred(rows[8].id, true)           // old but starred
        try cache.setRead(rows[9].id, false)             // old and unread: stays
        try cache.setRead(rows[1].id, false)             // recent and unread
        let removed = try cache.purge(RetentionRule(keepDays: 5, maxPerFeed: 0), now: referenceDate.addingTimeInterval(3600))
        let left = try cache.headlines(HeadlineQuery(), limit: 20).map(\.title)
        #expect(left == ["Day 0", "Day 1", "Day 2", "Day 3", "Day 4", "Day 8", "Day 9"])
        #expect(removed == 3)
        #expect(try cache.feed(feed)?.totalCount == 7)
        #expect(try cache.feed(feed)?.unreadCount == 2)
    }

    @Test("a feed over its limit keeps only its newest stories, but never unread or starred ones")
    func maxPerFeed() throws {
        let directory = try TemporaryDirectory()
        let (cache, _, rows) = try dailyCache(directory)
        for row in rows { try cache.setRead(row.id, true) }
        try cache.setRead(rows[4].id, false)   // unread and within 30 days
        try cache.setStarred(rows[6].id, true)
        try cache.storeComments([FetchedComment(remoteID: "c", body: "gone")], for: rows[7].id)
        try cache.purge(RetentionRule(keepDays: 30, maxPerFeed: 3), now: referenceDate)
        #expect(try cache.headlines(HeadlineQuery(), limit: 20).map(\.title) == ["Day 0", "Day 1", "Day 2", "Day 4", "Day 6"])
        #expect(try cache.comments(for: rows[7].id).isEmpty)
        #expect(try cache.search("Day 7", limit: 5).isEmpty)
    }

    @Test("every combination of read / unread / starred × old / new: only old read unstarred stories go",
          arguments: [RetentionRule(keepDays: 30, maxPerFeed: 0), RetentionRule(keepDays: 30, maxPerFeed: 1),
                      RetentionRule(keepDays: 0, maxPerFeed: 0)])
    func everyCombination(rule: RetentionRule) throws {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let marks = ["read", "unread", "starred-read", "starred-unread"]
        var entries: [FeedEntry] = []
        for mark in marks {
            entries.append(FeedEntry(id: "new-\(mark)", title: "new \(mark)", published: referenceDate.addingTimeInterval(-86_400)))
            entries.append(FeedEntry(id: "old-\(mark)", title: "old \(mark)", published: referenceDate.addingTimeInterval(-400 * 86_400)))
        }
        try cache.store(FeedDocument(entries: entries), feedID: feed, fetchedAt: referenceDate)
        for row in try cache.headlines(HeadlineQuery(), limit: 20) {
            try cache.setRead(row.id, row.title.text.hasSuffix("-read") || row.title.text.hasSuffix(" read"))
            if row.title.text.contains("starred") { try cache.setStarred(row.id, true) }
        }
        let listed = try cache.purgeCandidates(rule, now: referenceDate).map(\.title)
        let removed = try cache.purge(rule, now: referenceDate)
        let left = Set(try cache.headlines(HeadlineQuery(), limit: 20).map(\.title.text))
        let expectedGone: Set<String>
        switch (rule.keepDays, rule.maxPerFeed) {
        case (0, 0): expectedGone = []
        case (30, 0): expectedGone = ["old read"]
        default: expectedGone = ["old read", "new read"]  // one per feed: both read ones are beyond it
        }
        #expect(Set(entries.map(\.title)).subtracting(left) == expectedGone)
        #expect(Set(listed) == expectedGone)
        #expect(removed == expectedGone.count)
    }

    @Test("vacuum compacts the file and keeps everything that was not purged")
    func vacuum() throws {
        let directory = try TemporaryDirectory()
        let (cache, _) = try cacheWithFeed(directory, stories: 300)
        let all = try cache.headlines(HeadlineQuery(), limit: 300)
        for row in all { try cache.setRead(row.id, true) }
        try cache.purge(RetentionRule(keepDays: 1, maxPerFeed: 10), now: referenceDate)
        try cache.vacuum()
        #expect(try cache.count(HeadlineQuery()) == 10)
        #expect(try cache.integrityCheck() == ["ok"])
        #expect(try cache.search("Story", limit: 20).count == 10)
    }
}

import Foundation
import NewsModel
@testable import NewsSources

/// A fixed fetch time for every test, so clamping and "now" never depend on the clock.
let fetchTime = Date(timeIntervalSince1970: 1_800_000_000) // 2027-01-15T08:00:00Z

/// Parses a string fixture (UTF-8 unless `bytes` is given).
func parse(_ text: String, url: String? = "https://example.org/feed", contentType: String? = nil,
           limits: ParseLimits = .default) throws -> ParseResult {
    try FeedParser.parse(data: Data(text.utf8), url: url, contentType: contentType, fetchedAt: fetchTime, limits: limits)
}

func parse(bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws -> ParseResult {
    try FeedParser.parse(data: Data(bytes), url: url, contentType: contentType, fetchedAt: fetchTime)
}

/// `2003-12-31T10:14:55Z` for a date, to compare readably.
func iso(_ date: Date?) -> String? {
    guard let date else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
}

/// Wraps items in an RSS 2.0 channel with the common namespaces.
func rss(_ items: String, channel: String = "<title>T</title>") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
         xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
    <channel>\(channel)
    \(items)
    </channel></rss>
    """
}

/// Wraps entries in an Atom 1.0 feed.
func atom(_ entries: String, head: String = "<title>A</title><id>urn:feed</id>") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
    \(head)
    \(entries)
    </feed>
    """
}

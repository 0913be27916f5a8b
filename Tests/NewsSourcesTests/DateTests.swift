import Foundation
import Testing
@testable import NewsSources

@Suite("Dates in every form feeds use")
struct DateTests {
    @Test("RFC 822 and ISO 8601 forms", arguments: [
        ("Wed, 31 Dec 2003 10:14:55 GMT", "2003-12-31T10:14:55Z"),
        ("31 Dec 2003 10:14:55 GMT", "2003-12-31T10:14:55Z"),             // no weekday
        ("Fri,24 Nov 2023 10:00:00 +0000", "2023-11-24T10:00:00Z"),         // no space after comma
        ("Wed, 31 Dec 2003 10:14 GMT", "2003-12-31T10:14:00Z"),           // no seconds
        ("Wed, 31 Dec 03 10:14:55 GMT", "2003-12-31T10:14:55Z"),          // 2-digit year
        ("Wed, 31 Dec 99 10:14:55 GMT", "1999-12-31T10:14:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 EST", "2003-12-31T15:14:55Z"),        // named zone
        ("Wed, 31 Dec 2003 10:14:55 PDT", "2003-12-31T17:14:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 -0500", "2003-12-31T15:14:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 +05:30", "2003-12-31T04:44:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 GMT-05:00", "2003-12-31T15:14:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 Etc/GMT", "2003-12-31T10:14:55Z"),
        ("Wed, 31 Dec 2003 10:14:55 Z", "2003-12-31T10:14:55Z"),          // military Z
        ("Wed, 31 Dec 2003 10:14:55 XYZ", "2003-12-31T10:14:55Z"),        // unknown zone → UTC
        ("Wed, 31 Dec 2003", "2003-12-31T00:00:00Z"),                     // no time
        ("Wed, Dec 31 2003 10:14:55 GMT", "2003-12-31T10:14:55Z"),        // day and month swapped
        ("Thursday, 28 May 2026 07:57:00 GMT", "2026-05-28T07:57:00Z"),   // full weekday
        ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),             // asctime
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31t10:14:55z", "2003-12-31T10:14:55Z"),                 // lower case
        ("2003-12-31 10:14:55Z", "2003-12-31T10:14:55Z"),                 // space for T
        ("2003-12-31T10:14:55.123+01:00", "2003-12-31T09:14:55Z"),        // fraction and offset
        ("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"),                    // no seconds
        ("2003-12-31T10:14:55-0800", "2003-12-31T18:14:55Z"),
        ("2003-12-31", "2003-12-31T00:00:00Z"),                           // W3CDTF reduced forms
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003", "2003-01-01T00:00:00Z"),
        ("20031231T101455Z", "2003-12-31T10:14:55Z"),                     // compact ISO 8601
        ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z"),       // asctime with a zone before the year
        ("Sun Jul 15 03:16:00 +0200 2012", "2012-07-15T01:16:00Z"),
        ("Wed, 31 Dec 2003 10:14:55 +0000 (Coordinated Universal Time)", "2003-12-31T10:14:55Z"), // RFC 822 comment
        ("Sun, 29 Feb 2004 10:14:55 GMT", "2004-02-29T10:14:55Z"),        // leap day
        ("2003-12-31T24:00:00Z", "2004-01-01T00:00:00Z"),                 // end of day
    ])
    func forms(_ raw: String, _ expected: String) {
        #expect(iso(FeedDateParser.parse(raw)) == expected, "\(raw)")
    }

    @Test("garbage is not a date", arguments: ["", "soon", "32 Foo 2003", "2003-13-45", "Wed, 31 Dec"])
    func garbage(_ raw: String) {
        #expect(FeedDateParser.parse(raw) == nil)
    }

    /// A string that cannot be read whole must not become a nearby instant made of the part that could.
    @Test("malformed fields, impossible values and trailing text are not dates", arguments: [
        "2003-012-31T10:14:55+00:00",                 // a three-digit month once read as 1 January
        "2003-12-31T10:14:55+00:00 and then some",
        "2003-12-31 noon",
        "2003-02-29", "2003-04-31T10:00:00Z",         // no such day
        "2003-12-31T25:00:00Z", "2003-12-31T10:61Z", "2003-12-31T24:30:00Z",
        "2003-12-31T10:14:55+0x00",
        "Wed, 31 Dec 2003 10:14:55 GMT and more words",
        "Wed, 31 Dec 2003 1x:14:55 GMT",              // a time field that is not a number
        "Sun, 30 Feb 2003 10:14:55 GMT",
        "Sun Jul 15 01:16:00 +0000",                  // asctime without its year
        "Wed, 31 Dec 2003 10:14:55 +00zz",
    ])
    func rejected(_ raw: String) {
        #expect(FeedDateParser.parse(raw) == nil, "\(raw)")
    }

    @Test("a date in the future is clamped to the fetch time")
    func futureClamped() throws {
        let item = try parse(rss("<item><title>x</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>")).feed.entries[0]
        #expect(item.published == fetchTime)
    }

    @Test("an entry without any date keeps nil (the cache records first-seen)")
    func noDate() throws {
        let item = try parse(rss("<item><title>x</title></item>")).feed.entries[0]
        #expect(item.published == nil && item.updated == nil)
    }
}

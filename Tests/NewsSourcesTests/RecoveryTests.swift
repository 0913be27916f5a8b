import Foundation
import Testing
import NewsModel
@testable import NewsSources

@Suite("Sloppy feeds recover")
struct RecoveryTests {
    @Test("undeclared HTML entities are decoded (XMLParser would abort on &nbsp;)")
    func htmlEntities() throws {
        let feed = try parse(rss("<item><title>caf&eacute; &mdash; cr&egrave;me</title><description>a&nbsp;b &hellip;</description></item>")).feed
        #expect(feed.entries[0].title == "café — crème")
        #expect(feed.entries[0].summary == "a\u{A0}b …")
    }

    @Test("a bare ampersand is text")
    func bareAmpersand() throws {
        let feed = try parse(rss("<item><title>Fish & Chips</title><link>https://x.org/?a=1&b=2</link></item>")).feed
        #expect(feed.entries[0].title == "Fish & Chips")
        #expect(feed.entries[0].link == "https://x.org/?a=1&b=2")
    }

    @Test("unknown entities stay as written instead of failing the document")
    func unknownEntity() throws {
        let feed = try parse(rss("<item><title>a &bogus; b</title></item>")).feed
        #expect(feed.entries[0].title == "a &bogus; b")
    }

    @Test("unclosed and mis-nested tags are closed by their parent's end tag")
    func unclosedTags() throws {
        let feed = try parse(rss("""
            <item><title>One</title><description>d<b>bold</description></item>
            <item><title>Two<link>https://x.org/2</link></item>
            """)).feed
        #expect(feed.entries.count == 2)
        #expect(feed.entries[0].title == "One")
        #expect(feed.entries[1].link == nil || feed.entries[1].title?.hasPrefix("Two") == true)
    }

    @Test("white space and junk before the root element are skipped")
    func junkBeforeRoot() throws {
        let text = "\n\n  <b>Warning</b>: headers already sent in /var/www/x.php\n" + rss("<item><title>ok</title></item>")
        let result = try parse(text)
        #expect(result.feed.entries.map(\.title) == ["ok"])
        #expect(result.feed.title == "T")
    }

    @Test("a truncated document keeps the items read so far and says so")
    func truncated() throws {
        let full = rss("<item><title>1</title></item><item><title>2</title></item><item><title>3</title><description>cut he")
        let cut = String(full.prefix(while: { _ in true }).dropLast("</channel></rss>".count + 1))
        let result = try parse(cut)
        #expect(result.feed.entries.count == 3)
        #expect(result.feed.entries.prefix(2).map(\.title) == ["1", "2"])
        #expect(result.warnings.contains { $0.contains("truncated after 3 items") })
    }

    @Test("an unterminated CDATA section keeps its text and warns")
    func unterminatedCDATA() throws {
        let result = try parse("<rss><channel><item><title><![CDATA[half")
        #expect(result.feed.entries.first?.title == "half")
        #expect(!result.warnings.isEmpty)
    }

    @Test("an end tag without its closing bracket at the end of input still closes the root")
    func danglingEndTag() throws {
        let feed = try parse("<rss><channel><title>x</title></channel></rss").feed
        #expect(feed.title == "x")
    }

    @Test("a stray < in text is kept as text")
    func strayLessThan() throws {
        let feed = try parse(rss("<item><title>1 < 2</title></item>")).feed
        #expect(feed.entries[0].title == "1 < 2")
    }

    @Test("an HTML page is not a feed, and the error names the feeds it advertises")
    func htmlPage() {
        let page = """
            <!DOCTYPE html><html><head><title>Blog</title>
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <link rel="alternate" type="application/atom+xml" href="https://blog.example/atom.xml">
            <link rel="alternate" type="application/feed+json" href="feed.json">
            <link rel="stylesheet" href="/s.css">
            </head><body><p>Hello &nbsp; world<br></body></html>
            """
        #expect(throws: FeedParseError.notAFeed(advertisedFeeds: [
            "https://blog.example/feed.xml", "https://blog.example/atom.xml", "https://blog.example/blog/feed.json",
        ])) {
            try parse(page, url: "https://blog.example/blog/index.html")
        }
    }

    @Test("plain text is not a feed")
    func plainText() {
        #expect(throws: FeedParseError.notAFeed(advertisedFeeds: [])) { try parse("just some words") }
    }

    @Test("an empty document is a clear error")
    func empty() {
        #expect(throws: FeedParseError.empty) { try parse("  \n ") }
    }
}

@Suite("Undeclared entities follow HTML 4, which the feeds using them were written for")
struct LegacyEntityTests {
    @Test("&lang; and &rang; are the HTML 4 angle brackets; &nbsp; stays a no-break space in a title")
    func legacy() throws {
        let feed = try parse(rss("<item><title>a &lang;b&rang; c&nbsp;d</title></item>")).feed
        #expect(feed.entries.first?.title == "a \u{2329}b\u{232A} c\u{A0}d")
    }
}

import Foundation
import Testing
import NewsModel
@testable import NewsSources

/// Shapes of feeds met in the wild that mature parsers read: each test is one general rule, written from
/// the specifications (RFC 4287, RSS 2.0, Apple's podcast and Media RSS namespaces) and from how hand-made
/// and generated feeds bend them.
@Suite("Feed shapes from the wild")
struct WildShapesTests {
    // MARK: Atom Base64 (RFC 4287 §4.1.3.3, rule 6)

    @Test("content whose type is a non-text, non-XML media type is Base64 and shown decoded")
    func base64Content() throws {
        let entry = try #require(parse(atom("""
            <entry><id>urn:tide</id><title type="application/octet-stream">SGFyYm91ciBub3Rlcw==</title>
            <content type="application/octet-stream">
              PHA+VGlkZSB0YWJsZXMgZm9yIDxiPlBvcnQgU3RhbmxleTwvYj4gJmFtcDsgdGhl
              IG91dGVyIGlzbGFuZHM8L3A+
            </content>
            <summary type="application/x-harbour-note">RmlzaCAmIGNoaXBz</summary></entry>
            """)).feed.entries.first)
        #expect(entry.title == "Harbour notes")
        #expect(entry.content == "<p>Tide tables for <b>Port Stanley</b> &amp; the outer islands</p>")
        #expect(entry.summary == "Fish &amp; chips") // decoded plain text, escaped as HTML
    }

    @Test("feed subtitles and titles with a media type are decoded too (padding may be missing)")
    func base64FeedText() throws {
        let feed = try parse(atom("", head: """
            <title type="application/octet-stream">SGFyYm91ciBub3Rlcw</title>
            <subtitle type="application/octet-stream">V2Vla2x5IG5ld3MgZnJvbSB0aGUgaGFyYm91ciDigJMgaW4gYnJpZWY=</subtitle>
            """)).feed
        #expect(feed.title == "Harbour notes")
        #expect(feed.subtitle == "Weekly news from the harbour – in brief")
    }

    @Test("binary payloads are not shown as text", arguments: [
        "<content type=\"image/png\">iVBORw0KGgoAAAANSUhEUg==</content>",
        "<content type=\"image/gif\">R0lGODlhIHBsYWluLWxvb2tpbmc=</content>",   // textual bytes, image type
        "<content type=\"application/octet-stream\">iVBORw0KGgoAAAANSUhEUg==</content>", // control bytes
    ])
    func base64Binary(_ content: String) throws {
        let entry = try #require(parse(atom("<entry><id>urn:b</id><title>Chart</title>\(content)</entry>")).feed.entries.first)
        #expect(entry.content == nil)
        #expect(entry.title == "Chart")
    }

    @Test("textual and XML types are read as written, never Base64-decoded", arguments: [
        ("text/plain", "SGFyYm91ciBub3Rlcw==", "SGFyYm91ciBub3Rlcw=="),
        ("text", "SGFyYm91ciBub3Rlcw==", "SGFyYm91ciBub3Rlcw=="),
        ("", "evil", "evil"),
        ("application/x-unknown", "not base64 at all!", "not base64 at all!"),
    ])
    func notBase64(_ type: String, _ raw: String, _ expected: String) throws {
        let entry = try #require(parse(atom("<entry><id>urn:t</id><title type=\"\(type)\">\(raw)</title></entry>")).feed.entries.first)
        #expect(entry.title == expected)
    }

    // MARK: unescaped markup inside type="html"

    @Test("markup written unescaped inside type=html keeps its elements and resolves links against xml:base")
    func unescapedHTML() throws {
        let entry = try #require(parse(atom("""
            <entry><id>urn:ferry</id><title>Ferry</title>
            <content type="html" xml:base="https://news.example.net/harbour/">Winter times: <a href="timetable.html">the
            timetable</a>, &lt;b&gt;revised&lt;/b&gt;.</content></entry>
            """)).feed.entries.first)
        let content = try #require(entry.content)
        #expect(content.contains("<a href=\"https://news.example.net/harbour/timetable.html\">the\ntimetable</a>"))
        #expect(content.contains("<b>revised</b>"))
        #expect(content.hasPrefix("Winter times: "))
    }

    // MARK: podcast and Media RSS item fields

    @Test("an item's itunes:image is its image; a Media RSS thumbnail still comes first")
    func itunesImage() throws {
        let feed = try parse(rss("""
            <item><title>Episode 4</title><itunes:image href="/art/ep4.jpg"/></item>
            <item><title>Episode 5</title><media:thumbnail url="https://cdn.example.org/t5.jpg"/>
              <itunes:image href="https://cdn.example.org/ep5.jpg"/></item>
            """).replacingOccurrences(of: "<rss ", with: "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "))
            .feed
        #expect(feed.entries.map(\.thumbnailURL) == ["https://example.org/art/ep4.jpg", "https://cdn.example.org/t5.jpg"])
    }

    @Test("media:title is the title of an item without one; a real title wins")
    func mediaTitle() throws {
        let feed = try parse(rss("""
            <item><guid isPermaLink="false">v1</guid><media:group><media:title>Lighthouse at dawn</media:title></media:group></item>
            <item><guid isPermaLink="false">v2</guid><media:title>Quay</media:title></item>
            <item><guid isPermaLink="false">v3</guid><title>Real title</title><media:title>Other</media:title></item>
            """)).feed
        #expect(feed.entries.map(\.title) == ["Lighthouse at dawn", "Quay", "Real title"])
    }

    @Test("nested itunes:category gives every level as a category")
    func nestedItunesCategory() throws {
        let feed = try parse(rss("""
            <item><title>E</title><itunes:category text="Society &amp; Culture"><itunes:category text="Places"/>
            </itunes:category><itunes:category text="News"/></item>
            """).replacingOccurrences(of: "<rss ", with: "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "))
            .feed
        #expect(feed.entries.first?.categories == ["Society & Culture", "Places", "News"])
    }

    @Test("an RSS item's description and richer body each keep their place, whatever order they come in")
    func descriptionAndBody() throws {
        let feed = try parse(rss("""
            <item><title>a</title><description>Gale warning lifted</description>
              <summary>Fuller note on the gale</summary></item>
            <item><title>b</title><summary>Quay repairs begin</summary><description>Quay repairs, in detail</description></item>
            <item><title>c</title><content:encoded><![CDATA[<p>The whole report</p>]]></content:encoded>
              <description>The short report</description></item>
            <item><title>d</title><description>Short d</description><content>&lt;p&gt;Long d&lt;/p&gt;</content></item>
            """)).feed
        #expect(feed.entries.map(\.summary) == ["Gale warning lifted", "Quay repairs begin", "The short report", "Short d"])
        #expect(feed.entries.map(\.content) == ["Fuller note on the gale", "Quay repairs, in detail", "<p>The whole report</p>",
                                                "<p>Long d</p>"])
    }

    // MARK: channel author

    @Test("a channel-level author names the feed, in either name (email) form", arguments: [
        ("Ines Cabral (ines@example.org)", "Ines Cabral"),
        ("ines@example.org (Ines Cabral)", "Ines Cabral"),
        ("Ines Cabral", "Ines Cabral"),
    ])
    func channelAuthor(_ raw: String, _ expected: String) throws {
        let feed = try parse(rss("<item><title>x</title></item>", channel: "<title>T</title><author>\(raw)</author>")).feed
        #expect(feed.author == expected)
        #expect(feed.entries.first?.author == nil)
    }

    // MARK: Atom with item elements

    @Test("an Atom document whose stories are item elements gives its stories, read as Atom entries")
    func atomItems() throws {
        let feed = try parse(atom("""
            <item><id>urn:i1</id><title>First</title><link href="https://example.org/1"/>
              <updated>2026-03-02T08:00:00Z</updated><summary>One</summary></item>
            <item><id>urn:i2</id><title>Second</title><link rel="alternate" href="/2"/></item>
            """)).feed
        #expect(feed.format == .atom10)
        #expect(feed.entries.map(\.id) == ["urn:i1", "urn:i2"])
        #expect(feed.entries.map(\.link) == ["https://example.org/1", "https://example.org/2"])
        #expect(iso(feed.entries.first?.updated) == "2026-03-02T08:00:00Z")
        let bare = try parse("<feed><title>No namespace</title><item><title>Only</title></item></feed>").feed
        #expect(bare.entries.map(\.title) == ["Only"])
    }
}

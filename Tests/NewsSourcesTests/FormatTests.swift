import Foundation
import Testing
import NewsModel
@testable import NewsSources

@Suite("Feed formats are recognised from the content and every field is read")
struct FormatTests {
    @Test("RSS 2.0 channel and item fields")
    func rss20() throws {
        let feed = try parse(rss("""
            <item><title>One</title><link>https://example.org/1</link><guid isPermaLink="false">g-1</guid>
            <pubDate>Wed, 31 Dec 2003 10:14:55 GMT</pubDate><dc:creator>Ana Pérez</dc:creator>
            <description>Short &lt;b&gt;bold&lt;/b&gt;</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded>
            <category>Politics</category><category>World</category>
            <enclosure url="https://example.org/a.mp3" type="audio/mpeg" length="1234"/>
            <comments>https://example.org/1#comments</comments><slash:comments>7</slash:comments>
            <wfw:commentRss>https://example.org/1/feed/</wfw:commentRss>
            <media:thumbnail url="https://example.org/t.jpg"/></item>
            """, channel: "<title>Chan</title><link>https://example.org/</link><description>Sub</description><managingEditor>ed@example.org (Ed Itor)</managingEditor><lastBuildDate>Thu, 01 Jan 2004 00:00:00 GMT</lastBuildDate>")).feed
        #expect(feed.format == .rss20)
        #expect(feed.title == "Chan")
        #expect(feed.link == "https://example.org/")
        #expect(feed.subtitle == "Sub")
        #expect(feed.author == "Ed Itor")
        #expect(iso(feed.updated) == "2004-01-01T00:00:00Z")
        let item = try #require(feed.entries.first)
        #expect(item.id == "g-1")
        #expect(item.title == "One")
        #expect(item.link == "https://example.org/1")
        #expect(iso(item.published) == "2003-12-31T10:14:55Z")
        #expect(item.author == "Ana Pérez")
        #expect(item.summary == "Short <b>bold</b>")
        #expect(item.content == "<p>Full</p>")
        #expect(item.categories == ["Politics", "World"])
        #expect(item.enclosures == [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 1234)])
        #expect(item.commentsURL == "https://example.org/1#comments")
        #expect(item.commentCount == 7)
        #expect(item.repliesFeedURL == "https://example.org/1/feed/")
        #expect(item.thumbnailURL == "https://example.org/t.jpg")
    }

    @Test("RSS 0.91 and 0.92 are read like 2.0 and report their version")
    func rss09x() throws {
        let feed = try parse("<rss version=\"0.91\"><channel><title>Old</title><item><title>I</title><link>http://x.org/i</link></item></channel></rss>").feed
        #expect(feed.format == .rss091)
        #expect(feed.entries.first?.link == "http://x.org/i")
        let feed92 = try parse("<rss version=\"0.92\"><channel><title>Old</title></channel></rss>").feed
        #expect(feed92.format == .rss092)
    }

    @Test("RSS 1.0 (RDF) items are siblings of the channel and take dc:date")
    func rss10() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link>
                <description>d</description></channel>
              <item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link>
                <dc:date>2004-01-05</dc:date><dc:creator>Bo</dc:creator></item>
            </rdf:RDF>
            """).feed
        #expect(feed.format == .rss10)
        #expect(feed.title == "RDF")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].id == "https://example.org/a")
        #expect(iso(feed.entries[0].updated) == "2004-01-05T00:00:00Z")
        #expect(feed.entries[0].author == "Bo")
    }

    @Test("RSS 0.90 (Netscape RDF) is recognised")
    func rss090() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>N</title><link>http://n.org/</link></channel><item><title>x</title><link>http://n.org/x</link></item></rdf:RDF>
            """).feed
        #expect(feed.format == .rss090)
        #expect(feed.entries.first?.title == "x")
    }

    @Test("Atom 1.0 feed and entry fields, with text, html and xhtml content")
    func atom10() throws {
        let feed = try parse(atom("""
            <entry><id>urn:1</id><title type="html">&lt;em&gt;Hi&lt;/em&gt; there</title>
              <link rel="alternate" type="text/html" href="/posts/1"/><link rel="enclosure" href="/a.ogg" type="audio/ogg" length="9"/>
              <published>2003-12-13T08:29:29-04:00</published><updated>2003-12-13T18:30:02Z</updated>
              <author><name>Mark</name><email>m@example.org</email></author>
              <summary>plain &amp; simple</summary>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X <a href="rel">l</a></p></div></content>
              <category term="tech"/></entry>
            <entry><id>urn:2</id><title>Two</title><content type="html">&lt;p&gt;two&lt;/p&gt;</content></entry>
            """, head: "<title>A</title><subtitle>S</subtitle><id>urn:feed</id><link href=\"https://example.org/\"/><author><name>Feed Author</name></author><updated>2004-01-01T00:00:00Z</updated>")).feed
        #expect(feed.format == .atom10)
        #expect(feed.title == "A")
        #expect(feed.subtitle == "S")
        #expect(feed.id == "urn:feed")
        #expect(feed.link == "https://example.org/")
        let first = feed.entries[0]
        #expect(first.title == "Hi there")
        #expect(first.link == "https://example.org/posts/1")
        #expect(iso(first.published) == "2003-12-13T12:29:29Z")
        #expect(iso(first.updated) == "2003-12-13T18:30:02Z")
        #expect(first.author == "Mark")
        #expect(first.summary == "plain &amp; simple")
        #expect(first.content == "<p>X <a href=\"https://example.org/rel\">l</a></p>")
        #expect(first.categories == ["tech"])
        #expect(first.enclosures == [Enclosure(url: "https://example.org/a.ogg", type: "audio/ogg", length: 9)])
        #expect(feed.entries[1].content == "<p>two</p>")
        #expect(feed.entries[1].author == "Feed Author", "an entry without an author inherits the feed's")
    }

    @Test("Atom 0.3 is read leniently: issued, modified, tagline, escaped mode")
    func atom03() throws {
        let feed = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><tagline>tl</tagline>
            <entry><title>E</title><id>tag:x,2003:1</id><issued>2003-12-13T08:29:29Z</issued><modified>2003-12-14T08:29:29Z</modified>
            <content type="text/html" mode="escaped">&lt;b&gt;b&lt;/b&gt;</content></entry></feed>
            """).feed
        #expect(feed.format == .atom03)
        #expect(feed.subtitle == "tl")
        #expect(iso(feed.entries[0].published) == "2003-12-13T08:29:29Z")
        #expect(iso(feed.entries[0].updated) == "2003-12-14T08:29:29Z")
        #expect(feed.entries[0].content == "<b>b</b>")
    }

    @Test("JSON Feed 1.1 with authors, tags, attachments and numeric ids")
    func jsonFeed11() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.org/",
             "description": "jd", "authors": [{"name": "Jo"}],
             "items": [{"id": 42, "url": "https://j.org/42?utm_source=x", "title": "Forty-two",
                        "content_html": "<p>Hi<script>x()</script></p>", "summary": "s < t",
                        "date_published": "2020-01-02T03:04:05+01:00", "tags": ["a", "b"],
                        "attachments": [{"url": "https://j.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]}]}
            """).feed
        #expect(feed.format == .json11)
        #expect(feed.title == "J")
        #expect(feed.author == "Jo")
        let item = try #require(feed.entries.first)
        #expect(item.id == "42")
        #expect(item.link == "https://j.org/42")
        #expect(item.content == "<p>Hi</p>")
        #expect(item.summary == "s &lt; t")
        #expect(iso(item.published) == "2020-01-02T02:04:05Z")
        #expect(item.categories == ["a", "b"])
        #expect(item.enclosures.first?.length == 10)
    }

    @Test("JSON Feed 1.0 with the singular author and content_text escaped")
    func jsonFeed10() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "J", "author": {"name": "Old"},
             "items": [{"id": "a", "content_text": "1 < 2 & 3"}]}
            """).feed
        #expect(feed.format == .json10)
        #expect(feed.author == "Old")
        #expect(feed.entries[0].content == "1 &lt; 2 &amp; 3")
    }

    @Test("invalid JSON is a clear error, not a crash")
    func badJSON() {
        #expect(throws: FeedParseError.self) { try parse("{\"version\": ") }
    }
}

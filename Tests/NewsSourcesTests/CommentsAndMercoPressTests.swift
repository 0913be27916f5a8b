import Foundation
import Testing
import NewsModel
@testable import NewsSources

@Suite("Comment metadata and the MercoPress item shape")
struct CommentsAndMercoPressTests {
    /// The shape of a MercoPress section-feed item: CDATA everywhere, utm parameters in guid and link, a
    /// comma-joined category, a windows-1252 numeric reference in the CDATA HTML, a 0-length image/jpg enclosure.
    static let mercoPressItem = rss("""
        <item>
          <title><![CDATA[Falklands: fisheries &amp; oil talks]]></title>
          <link><![CDATA[https://en.mercopress.com/2026/05/28/talks?utm_source=feed&utm_medium=rss&utm_content=falkland-islands&utm_campaign=rss]]></link>
          <guid><![CDATA[https://en.mercopress.com/2026/05/28/talks?utm_source=feed&utm_medium=rss&utm_content=falkland-islands&utm_campaign=rss]]></guid>
          <description><![CDATA[<p><img src="https://en.mercopress.com/data/cache/noticias/1/100x80/a.jpg" alt="Caption" /> The minister said &#147;no&#148; today.</p>]]></description>
          <enclosure url="https://en.mercopress.com/data/cache/noticias/1/100x80/a.jpg" length="0" type="image/jpg" />
          <category>Economy, Energy &amp; Oil, Politics, Falkland Islands</category>
          <pubDate>Thu, 28 May 2026 07:57:00 GMT</pubDate>
        </item>
        """, channel: "<title>MercoPress</title><link>https://en.mercopress.com/</link><description>South Atlantic News Agency</description>")

    @Test("MercoPress: utm parameters are dropped from link and guid, so section feeds agree")
    func mercoPressIdentity() throws {
        let item = try #require(try parse(Self.mercoPressItem).feed.entries.first)
        #expect(item.link == "https://en.mercopress.com/2026/05/28/talks")
        #expect(item.id == "https://en.mercopress.com/2026/05/28/talks")
    }

    @Test("MercoPress: CDATA title, &#147; read as a curly quote, comma-joined categories split")
    func mercoPressFields() throws {
        let item = try #require(try parse(Self.mercoPressItem).feed.entries.first)
        #expect(item.title == "Falklands: fisheries & oil talks")
        #expect(item.summary?.contains("\u{201C}no\u{201D}") == true)
        #expect(item.summary?.contains("<img src=\"https://en.mercopress.com/data/cache/noticias/1/100x80/a.jpg\"") == true)
        #expect(item.categories == ["Economy", "Energy & Oil", "Politics", "Falkland Islands"])
        #expect(item.enclosures == [Enclosure(url: "https://en.mercopress.com/data/cache/noticias/1/100x80/a.jpg",
                                              type: "image/jpg", length: 0)])
        #expect(iso(item.published) == "2026-05-28T07:57:00Z")
        #expect(item.commentCount == nil && item.commentsURL == nil)
    }

    @Test("a WordPress comment feed item: dc:creator, #comment link, thr:in-reply-to")
    func wordPressCommentFeed() throws {
        let feed = try parse(rss("""
            <item xmlns:thr="http://purl.org/syndication/thread/1.0">
              <title>By: Ana</title><link>https://blog.example/post/#comment-42</link>
              <dc:creator><![CDATA[Ana]]></dc:creator><pubDate>Thu, 28 May 2026 10:30:00 +0000</pubDate>
              <guid isPermaLink="false">https://blog.example/?p=7#comment-42</guid>
              <description>Agreed.</description><content:encoded><![CDATA[<p>Agreed.</p>]]></content:encoded>
              <thr:in-reply-to ref="https://blog.example/?p=7#comment-41" href="https://blog.example/post/#comment-41"/>
            </item>
            """)).feed
        let comment = try #require(feed.entries.first)
        #expect(comment.author == "Ana")
        #expect(comment.link == "https://blog.example/post/#comment-42")
        #expect(comment.id == "https://blog.example/?p=7#comment-42")
        #expect(comment.inReplyTo == ["https://blog.example/?p=7#comment-41"])
        #expect(comment.content == "<p>Agreed.</p>")
    }

    @Test("Atom replies links: the Atom one is the comment feed, the HTML one the comments page; thr:count")
    func atomReplies() throws {
        let feed = try parse(atom("""
            <entry><id>https://blog.example/?p=7</id><title>Post</title>
              <link rel="alternate" type="text/html" href="https://blog.example/post/"/>
              <link rel="replies" type="text/html" href="https://blog.example/post/#comments" thr:count="3"/>
              <link rel="replies" type="application/atom+xml" href="https://blog.example/post/feed/atom/" thr:count="3"/>
              <thr:total>3</thr:total></entry>
            <entry><id>https://blog.example/?c=42</id><title>Re</title>
              <thr:in-reply-to ref="https://blog.example/?p=7" type="text/html" href="https://blog.example/post/"/></entry>
            """)).feed
        #expect(feed.entries[0].repliesFeedURL == "https://blog.example/post/feed/atom/")
        #expect(feed.entries[0].commentsURL == "https://blog.example/post/#comments")
        #expect(feed.entries[0].commentCount == 3)
        #expect(feed.entries[1].inReplyTo == ["https://blog.example/?p=7"])
    }

    @Test("slash:comments that is not a number is ignored")
    func badCount() throws {
        let item = try parse(rss("<item><title>x</title><slash:comments>many</slash:comments></item>")).feed.entries[0]
        #expect(item.commentCount == nil)
    }
}

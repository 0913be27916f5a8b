import Foundation
import Testing
@testable import NewsSources

/// newsboat's quoting in the urls file, and what `gazette add` and `gazette remove` accept.
@Suite("urls lines as newsboat writes them; adding and removing lines")
struct NewsboatLineTests {
    @Test("\\\" inside a quoted title is a quote and \\\\ a backslash, as newsboat reads them")
    func escapedQuotes() {
        let text = #"https://feeds.example/q.xml "~JSON \"quoted\" title" "tag \\ with slash" plain\tag"# + "\n"
        let (subs, problems) = UrlsFile.parse(text)
        #expect(problems.isEmpty)
        #expect(subs == [Subscription(url: "https://feeds.example/q.xml",
                                      tags: [#"tag \ with slash"#, #"plain\tag"#],
                                      title: #"JSON "quoted" title"#)])
    }

    @Test("a title with a backslash written by Gazette reads back the same")
    func backslashRoundTrip() {
        let sub = Subscription(url: "https://feeds.example/b.xml", tags: ["a b"], title: #"C:\News "today""#)
        let (back, problems) = UrlsFile.parse(UrlsFile.line(for: sub))
        #expect(problems.isEmpty)
        #expect(back.first?.title == #"C:\News 'today'"#)
        #expect(back.first?.tags == ["a b"])
    }

    @Test("extract:MODE sets the feed's reader mode, is not a tag, and is written back; an unknown mode skips the line")
    func extractMode() {
        let text = """
            https://feeds.example/summary.xml news extract:always "~Summaries"
            https://feeds.example/full.xml extract:never
            https://feeds.example/plain.xml news
            https://feeds.example/typo.xml extract:sometimes
            """
        let (subs, problems) = UrlsFile.parse(text)
        #expect(subs.map(\.extract) == [.always, .never, nil])
        #expect(subs.first?.tags == ["news"])
        #expect(subs.first?.title == "Summaries")
        #expect(problems.map(\.line) == [4])
        #expect(problems.first?.message.contains("extract:auto, extract:always, extract:never") == true)
        let (back, again) = UrlsFile.parse(UrlsFile.line(for: subs[0]))
        #expect(again.isEmpty)
        #expect(back == [subs[0]])
    }

    @Test("add refuses what is neither an absolute URL, a file path nor a known source kind")
    func addRefusesBadURLs() {
        for bad in ["htp:/bad url", "http:/no-host", "https://example.org/a feed", "example.org/feed", "ftp://x.example/f"] {
            #expect(UrlsFile.problem(adding: bad) != nil, "\(bad) must be refused")
        }
        for good in ["https://example.org/feed.xml", "http://127.0.0.1:8080/f?a=1", "hackernews:top",
                     "lobsters:hottest", "/home/me/feed.xml", "file:///tmp/f.xml"] {
            #expect(UrlsFile.problem(adding: good) == nil, "\(good) must be accepted")
        }
    }

    @Test("remove removes any line the file has, a bad one included, and keeps the rest")
    func removeBadLine() {
        let text = "# mine\nhttps://a.example/feed\n\"htp:/bad url\" news\nnot-a-url\nhttps://b.example/feed\n"
        let first = UrlsFile.removing("htp:/bad url", from: text)
        #expect(first.removed)
        #expect(first.text == "# mine\nhttps://a.example/feed\nnot-a-url\nhttps://b.example/feed\n")
        let second = UrlsFile.removing("not-a-url", from: first.text)
        #expect(second.removed)
        #expect(second.text == "# mine\nhttps://a.example/feed\nhttps://b.example/feed\n")
        #expect(!UrlsFile.removing("https://c.example/feed", from: second.text).removed)
    }
}

/// The one link-cleaning rule: a literal `&amp;` in a query is a separator, and `utm_*` parameters go.
@Suite("Links with &amp; left in their query")
struct EscapedQueryLinkTests {
    static func item(link: String) -> String {
        rss("""
            <item><title>Talks</title><link>\(link)</link>
            <pubDate>Thu, 28 May 2026 07:57:00 GMT</pubDate></item>
            """, channel: "<title>Desk</title><link>https://news.example/</link>")
    }

    @Test("&amp; inside CDATA and &amp; escaped once give the same clean link and the same story")
    func bothShapes() throws {
        let cdata = Self.item(link: "<![CDATA[https://news.example/2026/talks?id=7&amp;utm_source=rss&amp;utm_medium=feed&amp;page=2]]>")
        let escaped = Self.item(link: "https://news.example/2026/talks?id=7&amp;utm_source=rss&amp;utm_medium=feed&amp;page=2")
        let one = try #require(try parse(cdata).feed.entries.first)
        let two = try #require(try parse(escaped).feed.entries.first)
        #expect(one.link == "https://news.example/2026/talks?id=7&page=2")
        #expect(two.link == one.link)  // the same link is the same story in the cache (its identity link)
    }
}

import Foundation
import NewsModel
import Testing
import TestSupport
@testable import NewsSources

/// Comment feeds as WordPress publishes them: RSS without threading, Atom with `thr:in-reply-to`.
@Suite("Comment feeds")
struct CommentFeedTests {
    /// WordPress's RSS comment feed: newest first, no threading.
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Comments on: Mending nets</title><link>BASE/mending-nets/</link>
        <item><title>By: Rosa</title><link>BASE/mending-nets/#comment-12</link><dc:creator><![CDATA[Rosa]]></dc:creator>
          <pubDate>Tue, 01 Dec 2026 10:30:00 +0000</pubDate><guid isPermaLink="false">BASE/?p=5#comment-12</guid>
          <description>Thanks, Ines!</description><content:encoded><![CDATA[<p>Thanks, Ines!</p>]]></content:encoded></item>
        <item><title>By: Ines</title><link>BASE/mending-nets/#comment-11</link><dc:creator><![CDATA[Ines]]></dc:creator>
          <pubDate>Tue, 01 Dec 2026 09:00:00 +0000</pubDate><guid isPermaLink="false">BASE/?p=5#comment-11</guid>
          <description>Which knot?</description><content:encoded><![CDATA[<p>Which <b>knot</b>?</p>]]></content:encoded></item>
        </channel></rss>
        """

    /// WordPress's Atom comment feed: the same comments, threaded (the reply names its parent).
    static let atom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
        <title>Comments on: Mending nets</title><id>BASE/mending-nets/feed/atom/</id><updated>2026-12-01T10:30:00Z</updated>
        <entry><title>By: Rosa</title><id>BASE/?p=5#comment-12</id><author><name>Rosa</name></author>
          <updated>2026-12-01T10:30:00Z</updated><published>2026-12-01T10:30:00Z</published>
          <thr:in-reply-to ref="BASE/?p=5#comment-11" href="BASE/mending-nets/#comment-11" type="text/html"/>
          <content type="html">&lt;p&gt;Thanks, Ines!&lt;/p&gt;</content></entry>
        <entry><title>By: Tom</title><id>BASE/?p=5#comment-13</id><author><name>Tom</name></author>
          <published>2026-12-01T11:00:00Z</published><updated>2026-12-01T11:00:00Z</updated>
          <thr:in-reply-to ref="BASE/?p=5" href="BASE/mending-nets/" type="text/html"/>
          <content type="html">Late to this.</content></entry>
        <entry><title>By: Ines</title><id>BASE/?p=5#comment-11</id><author><name>Ines</name></author>
          <published>2026-12-01T09:00:00Z</published><updated>2026-12-01T09:00:00Z</updated>
          <thr:in-reply-to ref="BASE/?p=5" href="BASE/mending-nets/" type="text/html"/>
          <content type="html">&lt;p&gt;Which &lt;b&gt;knot&lt;/b&gt;?&lt;/p&gt;</content></entry>
        </feed>
        """

    static func server(atomAvailable: Bool = true) throws -> LoopbackServer {
        let base = LockedBox<String>("")
        let server = try LoopbackServer { request in
            switch request.path {
            case "/mending-nets/feed/":
                return LoopbackServer.Reply(contentType: "application/rss+xml; charset=UTF-8",
                                            body: rss.replacingOccurrences(of: "BASE", with: base.value))
            case "/mending-nets/feed/atom/" where atomAvailable, "/threaded.atom":
                return LoopbackServer.Reply(contentType: "application/atom+xml; charset=UTF-8",
                                            body: atom.replacingOccurrences(of: "BASE", with: base.value))
            case "/flat.rss":
                return LoopbackServer.Reply(contentType: "application/rss+xml", body: rss.replacingOccurrences(of: "BASE", with: base.value))
            case "/broken/feed/":
                return LoopbackServer.Reply(status: 500, contentType: "text/plain", body: "oops")
            default:
                return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "no")
            }
        }
        base.value = server.baseURL
        return server
    }

    static let source = CommentFeedSource(fetcher: FeedFetcher(policy: FetchPolicy(timeoutSeconds: 5)))

    @Test("An Atom comment feed is threaded by thr:in-reply-to, each level oldest first")
    func threadedAtom() async throws {
        let server = try Self.server()
        let thread = try await Self.source.comments(for: CommentTarget(repliesFeedURL: server.baseURL + "/threaded.atom"))
        #expect(thread.map(\.author) == ["Ines", "Rosa", "Tom"])
        #expect(thread.map(\.depth) == [0, 1, 0])
        #expect(thread[1].parentRemoteID == server.baseURL + "/?p=5#comment-11")
        #expect(thread[0].body.contains("<b>knot</b>"))
    }

    @Test("An RSS comment feed without threading is flat and oldest first")
    func flatRSS() async throws {
        let server = try Self.server()
        let thread = try await Self.source.comments(for: CommentTarget(repliesFeedURL: server.baseURL + "/flat.rss"))
        #expect(thread.map(\.author) == ["Ines", "Rosa"])
        #expect(thread.map(\.depth) == [0, 0])
        #expect(thread[0].date == Date(timeIntervalSince1970: 1_796_115_600))
    }

    @Test("WordPress's flat RSS comment feed gives way to its threaded Atom twin")
    func prefersThreadedAtom() async throws {
        let server = try Self.server()
        let thread = try await Self.source.comments(for: CommentTarget(repliesFeedURL: server.baseURL + "/mending-nets/feed/"))
        #expect(thread.map(\.depth) == [0, 1, 0])
        #expect(server.requests.map(\.path) == ["/mending-nets/feed/", "/mending-nets/feed/atom/"])
    }

    @Test("Without an Atom twin the RSS thread is used as it is")
    func noAtomTwin() async throws {
        let server = try Self.server(atomAvailable: false)
        let thread = try await Self.source.comments(for: CommentTarget(repliesFeedURL: server.baseURL + "/mending-nets/feed/"))
        #expect(thread.map(\.author) == ["Ines", "Rosa"])
    }

    @Test("A failing comment feed says which host and why")
    func failure() async throws {
        let server = try Self.server()
        await #expect {
            _ = try await Self.source.comments(for: CommentTarget(repliesFeedURL: server.baseURL + "/broken/feed/"))
        } throws: { error in
            (error as? CommentSourceError)?.description == "could not reach 127.0.0.1: HTTP 500 Internal Server Error"
        }
    }

    @Test("Sources are asked in order, the story's own web page last; a story with none says so")
    func resolution() async throws {
        let sources = CommentSources(endpoints: SourceEndpoints(), policy: FetchPolicy(),
                                     pageReader: { _, _, _ in PageCommentReading() })
        #expect(sources.source(for: CommentTarget(commentsURL: "https://news.ycombinator.com/item?id=1")) is HackerNewsClient)
        #expect(sources.source(for: CommentTarget(commentsURL: "https://lobste.rs/s/abc/x")) is LobstersClient)
        #expect(sources.source(for: CommentTarget(commentsURL: "https://ex.org/p#respond", repliesFeedURL: "https://ex.org/p/feed/"))
                is CommentFeedSource)
        #expect(sources.source(for: CommentTarget(link: "https://ex.org/p")) is PageCommentSource)
        #expect(sources.source(for: CommentTarget(link: "/home/me/story.html")) == nil)
        await #expect(throws: CommentSourceError.noSource) {
            _ = try await sources.comments(for: CommentTarget(link: "/home/me/story.html"))
        }
    }
}

import Foundation
import Testing
import TestSupport
@testable import ArticleText

@Suite("Comments found on a story's own page")
struct PageCommentTests {
    static let now = Date(timeIntervalSince1970: 1_773_200_000)  // 2026-03-11T03:33:20Z

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func extract(_ html: String, url: String? = "https://wire.example/2026/03/10/squid-season") -> PageComments {
        PageCommentExtractor.extract(html: html, url: url, now: Self.now)
    }

    @Test("MercoPress-like: authors, texts, dates and scores from the meta line, a nested reply threaded")
    func mercoPressLike() {
        let found = extract(CommentPages.allCommentsPage, url: "https://wire.example/2026/03/10/squid-season/comments")
        #expect(found.comments.map(\.author) == ["Petrel", "Skua", "Albatross"])
        #expect(found.comments.map(\.depth) == [0, 1, 0])
        #expect(found.comments.map(\.id) == ["c1", "c2", "c3"])
        #expect(found.comments[1].parentID == "c1" && found.comments[0].parentID == nil)
        #expect(found.comments[0].paragraphs == ["Record licences, record risk.", "Who counts the squid that get away?"])
        #expect(found.comments[2].paragraphs == ["Good news for the harbour & its cafés."])
        #expect(found.comments.map(\.score) == [4, -1, nil])
        #expect(found.comments[0].date == Self.utc("2026-03-10T11:15:00Z"))
        #expect(found.comments[1].date == Self.utc("2026-03-10T12:40:00Z"))
        #expect(found.comments[2].date == Self.now.addingTimeInterval(-3 * 3600))
        #expect(found.comments[2].html == "<p>Good news for the harbour &amp; its cafés.</p>")
        #expect(found.isClosed)
    }

    @Test("The story page links to the page of all its comments; related stories and the nav are not comments")
    func storyPageLinksToAllComments() {
        let found = extract(CommentPages.storyPage)
        #expect(found.allCommentsLink == "https://wire.example/2026/03/10/squid-season/comments")
        #expect(found.comments.isEmpty, "one unmarked top comment is not a thread; related stories never are")
        #expect(!found.isClosed)
    }

    @Test("A link is followed only when it is of the same site and speaks of comments in its path or text")
    func allCommentsLinkRule() {
        func link(_ anchor: String) -> String? {
            extract("<html><body><p>Story.</p>\(anchor)</body></html>").allCommentsLink
        }
        #expect(link(#"<a href="/2026/03/10/squid-season/talk?page=all">View all 12 comments</a>"#)
            == "https://wire.example/2026/03/10/squid-season/talk?page=all")
        #expect(link(#"<a href="https://www.wire.example/2026/03/10/squid-season/comments/">Discuss</a>"#)
            == "https://www.wire.example/2026/03/10/squid-season/comments/")
        #expect(link(#"<a href="https://other.example/2026/comments">Read all comments</a>"#) == nil)
        #expect(link(##"<a href="#comments">12 comments</a>"##) == nil)
        #expect(link(#"<a href="/2026/03/10/squid-season/comments/feed/">Comments feed</a>"#) == nil)
        #expect(link(#"<a href="/rules">Comment rules</a>"#) == nil)
    }

    static let wordPress = """
        <html><body><article><h1>Harbour diary</h1><p>The ferry was late again.</p></article>
        <div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Harbour diary”</h2>
        <ol class="comment-list">
          <li id="comment-41" class="comment even thread-even depth-1 parent">
            <article id="div-comment-41" class="comment-body">
              <footer class="comment-meta">
                <div class="comment-author vcard"><img alt="" src="/avatar.png"><b class="fn"><a href="https://tern.example/" rel="external nofollow ugc" class="url">Tern</a></b> <span class="says">says:</span></div>
                <div class="comment-metadata"><a href="https://blog.example/diary/#comment-41"><time datetime="2026-03-09T18:05:00+00:00">March 9, 2026 at 6:05 pm</time></a> <span class="edit-link"><a href="/edit">Edit</a></span></div>
              </footer>
              <div class="comment-content"><p>Late, but it came.</p><p>Mine never did.</p></div>
              <div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=41#respond">Reply</a></div>
            </article>
            <ol class="children">
              <li id="comment-42" class="comment odd alt depth-2">
                <article id="div-comment-42" class="comment-body">
                  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Gull</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#comment-42">March 9, 2026 at 7:30 pm</a></div></footer>
                  <div class="comment-content"><p>Take the bus.</p></div>
                </article>
              </li>
            </ol>
          </li>
          <li id="comment-43" class="pingback even thread-odd depth-1"><div class="comment-body">Pingback: <a href="https://x.example/">Elsewhere</a></div></li>
        </ol></div></body></html>
        """

    @Test("WordPress: the standard comment list, replies in ul.children, pingbacks left out")
    func wordPress() {
        let found = extract(Self.wordPress, url: "https://blog.example/diary/")
        #expect(found.comments.map(\.author) == ["Tern", "Gull"])
        #expect(found.comments.map(\.id) == ["comment-41", "comment-42"])
        #expect(found.comments.map(\.depth) == [0, 1])
        #expect(found.comments[1].parentID == "comment-41")
        #expect(found.comments[0].paragraphs == ["Late, but it came.", "Mine never did."])
        #expect(found.comments[0].date == Self.utc("2026-03-09T18:05:00Z"))
        #expect(found.comments[1].date == Self.utc("2026-03-09T19:30:00Z"))
    }

    static let jsonLD = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "NewsArticle", "headline": "Lighthouse relit", "comment": [
            {"@type": "Comment", "@id": "#k1", "author": {"@type": "Person", "name": "Shag"},
             "text": "At last a light.\\n\\nIt was dark for a year.", "dateCreated": "2026-03-08T07:00:00Z", "upvoteCount": 7,
             "comment": [{"@type": "Comment", "@id": "#k2", "author": "Prion", "text": "Two years.",
                          "datePublished": "2026-03-08T08:30:00.000+00:00"}]},
            {"@type": "Comment", "@id": "#k3", "author": {"name": "Fulmar"}, "text": "Lovely photo."}
          ]}]}
        </script></head><body><h1>Lighthouse relit</h1><p>The keeper climbed the stairs.</p></body></html>
        """

    @Test("JSON-LD: schema.org Comment objects of the article, replies nested in their comment")
    func jsonLDComments() {
        let found = extract(Self.jsonLD)
        #expect(found.comments.map(\.author) == ["Shag", "Prion", "Fulmar"])
        #expect(found.comments.map(\.depth) == [0, 1, 0])
        #expect(found.comments[1].parentID == "#k1")
        #expect(found.comments[0].paragraphs == ["At last a light.", "It was dark for a year."])
        #expect(found.comments[0].score == 7)
        #expect(found.comments[0].date == Self.utc("2026-03-08T07:00:00Z"))
        #expect(found.comments[1].date == Self.utc("2026-03-08T08:30:00Z"))
    }

    static let microdata = """
        <html><body><article itemscope itemtype="https://schema.org/Article"><h1>Penguin count</h1>
        <p>Volunteers counted the colony on Sunday.</p>
        <section class="talk">
          <div itemprop="comment" itemscope itemtype="https://schema.org/Comment" id="m1">
            <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Rockhopper</span></span>
            <time itemprop="dateCreated" datetime="2026-03-07T15:00:00Z">last Saturday</time>
            <div itemprop="text"><p>I counted twice.</p></div>
            <meta itemprop="upvoteCount" content="3">
            <div itemprop="comment" itemscope itemtype="https://schema.org/Comment" id="m2">
              <span itemprop="author">Gentoo</span>
              <div itemprop="text">And got two numbers?</div>
            </div>
          </div>
        </section></article></body></html>
        """

    @Test("Microdata: Comment items with author, text, date and score; a nested item is a reply")
    func microdataComments() {
        let found = extract(Self.microdata)
        #expect(found.comments.map(\.author) == ["Rockhopper", "Gentoo"])
        #expect(found.comments.map(\.depth) == [0, 1])
        #expect(found.comments[0].paragraphs == ["I counted twice."], "the reply's text is not the parent's")
        #expect(found.comments[1].paragraphs == ["And got two numbers?"])
        #expect(found.comments[1].parentID == "m1")
        #expect(found.comments[0].score == 3)
        #expect(found.comments[0].date == Self.utc("2026-03-07T15:00:00Z"))
    }

    @Test("Other markups: authors in bold, dates day first or ISO, scores in points")
    func otherShapes() {
        let html = """
            <html><body><p>Story text.</p><div id="reader-comments">
            <div class="c"><strong>Cormorant:</strong><p>Tables are fine.</p><small>12 March 2026 at 10:30 · 5 points</small></div>
            <div class="c"><strong>Petrel</strong><p>So are divs.</p><small>2026-03-12 11:00 · 2 points</small></div>
            </div></body></html>
            """
        let found = extract(html)
        #expect(found.comments.map(\.author) == ["Cormorant", "Petrel"])
        #expect(found.comments.map(\.score) == [5, 2])
        #expect(found.comments.map(\.date) == [Self.utc("2026-03-12T10:30:00Z"), Self.utc("2026-03-12T11:00:00Z")])
    }

    @Test("Negative: related stories with headlines, dates and teasers, a nav and a news list are not comments")
    func relatedStoriesAreNotComments() {
        let html = """
            <html><body><nav><ul><li><a href="/a">Fisheries</a> <span>Mar 1st, 2026</span></li>
            <li><a href="/b">Politics</a> <span>Mar 2nd, 2026</span></li></ul></nav>
            <article><h1>Story</h1><p>Text of the story, long enough to be one.</p></article>
            <ul class="more">
              <li><a href="/2026/03/02/krill">Krill quota cut</a><div>Mar 2nd, 2026 - 08:00 am</div><p>The quota fell.</p></li>
              <li><a href="/2026/02/20/port">Port fees rise</a><div>Feb 20th, 2026 - 10:00 am</div><p>Dues go up.</p></li>
            </ul>
            <ol class="latest"><li><a href="/x">Ferry late</a> Mar 3rd, 2026</li><li><a href="/y">Storm</a> Mar 4th, 2026</li></ol>
            </body></html>
            """
        let found = extract(html)
        #expect(found.comments.isEmpty)
        #expect(found.allCommentsLink == nil)
    }

    @Test("A page with no comments gives none, not the article's paragraphs")
    func noComments() {
        let found = extract("<html><body><h1>Quiet day</h1><div><p>Nothing happened.</p><p>Mar 3rd, 2026</p></div></body></html>")
        #expect(found.comments.isEmpty && !found.isClosed)
        #expect(extract("").comments.isEmpty)
    }

    @Test("A thread nested 300 deep is read without exhausting the stack, on a small-stack thread")
    func deepThread() async {
        var html = "<html><body><ul class=\"comments\">"
        for level in 0..<300 {
            html += "<li><div>user\(level)</div><p>reply \(level)</p><div>Mar 1st, 2026 - 10:00 am 1</div><ul>"
        }
        html += String(repeating: "</ul></li>", count: 300) + "</ul></body></html>"
        let found = await Task.detached { PageCommentExtractor.extract(html: html, url: nil, now: Self.now) }.value
        #expect(found.comments.count >= 100)
        #expect(found.comments.first?.author == "user0")
        #expect(zip(found.comments, found.comments.dropFirst()).allSatisfy { $1.depth <= $0.depth + 1 })
    }
}

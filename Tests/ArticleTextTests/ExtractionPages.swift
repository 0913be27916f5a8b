/// Web pages written for the reader-mode tests, each imitating a layout found on real sites. Every page's
/// article is `ExtractionPages.paragraphs` (so a test can check each one arrived) and its furniture uses
/// words that appear nowhere in the article (so a test can check none did).
enum ExtractionPages {
    /// The article's paragraphs: long enough, with commas, as news prose is.
    static let paragraphs = [
        "The harbour board in Port Esperanza voted on Tuesday to rebuild the old north pier, ending a dispute "
            + "that had run for three winters, divided the fishing fleet and delayed the ferry timetable twice.",
        "Engineers said the new pier would stand on forty steel piles, each driven twelve metres into the "
            + "seabed, and that work could begin in the spring if the weather allowed it.",
        "Captain Ines Morales, who speaks for the fishermen's cooperative, said the crews were relieved, "
            + "although many still doubted that the budget, set at nine million pesos, would be enough.",
        "The board's chairman answered that the figure had been checked twice by outside auditors, and that "
            + "any overrun would be met from the port's reserve rather than from higher mooring fees.",
        "Residents of the waterfront, who had complained for years about noise, trucks and dust, were "
            + "promised that the heaviest work would stop each evening at six and never run on Sundays.",
    ]

    static let title = "Harbour board approves new north pier"
    static let caption = "The old north pier at low tide, seen from the lighthouse"

    static var articleHTML: String { paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n") }

    /// A news site: menu, article with byline and photo, sidebar, related links, share bar, cookie banner,
    /// newsletter box, footer.
    static var newsSite: String {
        """
        <!doctype html><html><head><title>\(title) | Coastal Herald</title>
        <meta property="og:title" content="\(title)">
        <meta property="og:image:alt" content="\(caption)">
        <meta name="author" content="Dana Quiroga">
        <meta property="article:published_time" content="2026-11-30T08:15:00Z">
        </head><body>
        <div id="cookie-notice">We use biscuits to improve your visit. Accept all biscuits?</div>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
        <li><a href="/weather">Weather</a></li></ul></nav></header>
        <div class="layout">
          <div class="main-column">
            <article class="story">
              <h1>\(title)</h1>
              <div class="byline">By Dana Quiroga, maritime desk</div>
              <figure><img src="/img/pier.jpg" alt="pier"><figcaption>\(caption)</figcaption></figure>
              <div class="share-bar"><a href="#">Tweet this</a> <a href="#">Post to Facebook</a></div>
              <div class="story-body">\(articleHTML)</div>
              <div class="newsletter-box"><h3>Get the morning tide</h3><p>Subscribe for our free bulletin,
              delivered daily, with tides, weather, sailings and more.</p></div>
            </article>
            <div class="related-stories"><h3>Related</h3><ul>
              <li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Lighthouse keeper retires</a></li>
              <li><a href="/c">Storm closes southern road</a></li></ul></div>
          </div>
          <div class="sidebar"><h3>Most read</h3><ol><li><a href="/d">Mayor opens market</a></li>
          <li><a href="/e">School choir wins prize, travels to capital</a></li></ol></div>
        </div>
        <footer><p>Copyright Coastal Herald. All rights reserved, everywhere, for ever.</p></footer>
        </body></html>
        """
    }

    /// A blog post followed by a long comment thread whose text outweighs the post.
    static var blogWithComments: String {
        let comment = "I grew up near that pier, and honestly, the gulls, the smell, the nets, the boats, "
            + "the evenings there were the best part of every summer, so I am glad, truly glad, it survives."
        let comments = (1...12).map {
            "<li class=\"comment\" id=\"comment-\($0)\"><div class=\"comment-body\"><p>\(comment)</p></div></li>"
        }.joined()
        return """
        <html><head><title>\(title)</title></head><body>
        <div id="page"><div id="content" class="site-content">
        <article class="post hentry"><h1 class="entry-title">\(title)</h1>
        <div class="entry-content">\(articleHTML)</div></article>
        <div id="comments" class="comments-area"><h2>12 thoughts on this post</h2><ol class="comment-list">\(comments)</ol>
        <form class="comment-form"><textarea></textarea><button>Post comment</button></form></div>
        </div></div></body></html>
        """
    }

    /// An article whose paragraphs are interrupted by advertisements and "read also" boxes.
    static var splitByAds: String {
        var body = ""
        for (index, paragraph) in paragraphs.enumerated() {
            body += "<p>\(paragraph)</p>"
            if index == 1 { body += "<div class=\"ad-slot advert\">Advertisement: cheap flights to anywhere</div>" }
            if index == 3 {
                body += "<div class=\"inline-promo\"><a href=\"/x\">Read also: volcano tours booming</a></div>"
            }
        }
        return """
        <html><body><div class="wrapper"><div class="article-content">\(body)</div>
        <div class="pager"><a href="/prev">Previous story</a> <a href="/next">Next story</a></div></div></body></html>
        """
    }

    /// An old site laid out with tables: the article in one cell, link columns beside it.
    static var articleInTable: String {
        let links = (1...15).map { "<a href=\"/s\($0)\">Section \($0)</a><br>" }.joined()
        return """
        <html><body><table width="100%"><tr><td colspan="2"><font size="5">Coastal Herald</font></td></tr>
        <tr><td width="20%" valign="top">\(links)</td>
        <td valign="top"><b>\(title)</b><br><br>\(paragraphs.joined(separator: "<br><br>"))</td></tr>
        <tr><td colspan="2"><a href="/contact">Contact</a> | <a href="/terms">Terms</a></td></tr></table></body></html>
        """
    }

    /// A page that renders its text with script: the markup is empty, the text is in JSON-LD.
    static var jsonLDOnly: String {
        let body = paragraphs.joined(separator: "\\n")
        return """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Coastal Herald"},
          {"@type": "NewsArticle", "headline": "\(title)", "datePublished": "2026-11-30T08:15:00Z",
           "author": [{"@type": "Person", "name": "Dana Quiroga"}],
           "image": {"@type": "ImageObject", "url": "https://example.com/pier.jpg", "caption": "\(caption)"},
           "articleBody": "\(body)"}]}
        </script></head><body><div id="app">Loading…</div><script>render()</script></body></html>
        """
    }
}

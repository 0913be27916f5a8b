/// Story pages and comment pages in the markups news sites use, written for the tests of comments read
/// from a story's own page (the extractor, the comment source, the reader end to end). Every page here
/// belongs to an imaginary South Atlantic news agency, "Austral Wire".
public enum CommentPages {
    /// A section feed as MercoPress publishes it: RSS, summary only, no `wfw:commentRss`, no
    /// `slash:comments`, no `<comments>`. `base` is the server's address, ending with a slash.
    public static func sectionFeed(base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel>
          <title><![CDATA[Austral Wire - Fisheries]]></title><link>\(base)</link>
          <description>South Atlantic wire</description>
          <item>
            <title><![CDATA[Squid season opens with record licences]]></title>
            <link><![CDATA[\(base)2026/03/10/squid-season?utm_source=feed&utm_medium=rss]]></link>
            <guid><![CDATA[\(base)2026/03/10/squid-season?utm_source=feed&utm_medium=rss]]></guid>
            <description><![CDATA[<p>Ninety trawlers were licensed for the first season.</p>]]></description>
            <pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate>
          </item>
        </channel></rss>
        """
    }

    /// The story page: the article, a nav bar, a list of related stories with dates, the top comment only,
    /// and links to the page of all comments (the story's URL plus `/comments`).
    public static let storyPage = """
        <!doctype html><html><head><meta charset="utf-8"><title>Squid season opens with record licences</title></head>
        <body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/fisheries">Fisheries</a></li>
          <li><a href="/2026/03/09/port">Mar 9th, 2026</a></li></ul></nav>
        <div id="story">
          <h1>Squid season opens with record licences</h1>
          <div class="dateline">Tuesday, March 10th 2026 - 09:00 UTC</div>
          <a href="/2026/03/10/squid-season/comments">Full article 3 comments</a>
          <p>Ninety trawlers were licensed for the first season, the largest number the fisheries office has
          issued since the licences began, and the first boats sailed from the harbour at dawn.</p>
          <p>Inspectors will board each vessel twice during the season to count the catch.</p>
        </div>
        <div class="top">
          <h3>Top Comments</h3>
          <ul class="feedback">
            <li><div class="who">Petrel</div><div class="said"><p>Record licences, record risk.</p></div>
              <div class="when">Mar 10th, 2026 - 11:15 am - <a href="#c1">Link</a> - <a href="/abuse/1">Report abuse</a> 4</div></li>
          </ul>
          <a href="/2026/03/10/squid-season/comments">Read all comments</a>
        </div>
        <div class="related"><h3>Related stories</h3><ul>
          <li><h4><a href="/2026/03/02/krill-quota">Krill quota cut again</a></h4><span>Mar 2nd, 2026 - 08:00 am</span>
            <p>The commission lowered the quota for the third year.</p></li>
          <li><h4><a href="/2026/02/20/port-fees">Port fees to rise in April</a></h4><span>Feb 20th, 2026 - 10:00 am</span>
            <p>Harbour dues go up by a tenth from the first of April.</p></li>
        </ul></div>
        </body></html>
        """

    /// The page of all comments, MercoPress-like: each comment an author, a text and a meta line with a
    /// date and a score; one reply nested in the comment it answers; the comment rules link is not one.
    public static let allCommentsPage = """
        <!doctype html><html><head><meta charset="utf-8"><title>Comments</title></head><body>
        <h1><a href="/2026/03/10/squid-season">Squid season opens with record licences</a></h1>
        <a href="/rules">Disclaimer &amp; comment rules</a>
        <ul class="feedback">
          <li id="c1"><div class="who"><a href="/users/petrel">Petrel</a></div>
            <div class="said"><p>Record licences, record risk.</p><p>Who counts the squid that get away?</p></div>
            <div class="when">Mar 10th, 2026 - 11:15 am - <a href="#c1">Link</a> - <a href="/abuse/1">Report abuse</a> 4</div>
            <ul class="replies">
              <li id="c2"><div class="who">Skua</div><div class="said"><p>The inspectors do, twice a season.</p></div>
                <div class="when">Mar 10th, 2026 - 12:40 pm - <a href="#c2">Link</a> - <a href="/abuse/2">Report abuse</a> -1</div></li>
            </ul></li>
          <li id="c3"><div class="who">Albatross</div><div class="said"><p>Good news for the harbour &amp; its cafés.</p></div>
            <div class="when">Posted 3 hours ago</div></li>
        </ul>
        <p>Commenting for this story is now closed.</p>
        </body></html>
        """
}

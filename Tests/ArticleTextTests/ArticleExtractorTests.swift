import Testing
@testable import ArticleText

@Suite("Reader mode finds the article among a page's furniture")
struct ArticleExtractorTests {
    /// Every paragraph of the article is in `text`, in order, each once.
    func expectWholeArticle(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var previous = text.startIndex
        for paragraph in ExtractionPages.paragraphs {
            let found = text.range(of: paragraph)
            #expect(found != nil, "missing: \(paragraph.prefix(40))", sourceLocation: sourceLocation)
            if let found {
                #expect(found.lowerBound >= previous, "out of order: \(paragraph.prefix(40))", sourceLocation: sourceLocation)
                previous = found.upperBound
                #expect(text.components(separatedBy: paragraph).count == 2, "repeated", sourceLocation: sourceLocation)
            }
        }
    }

    func expectAbsent(_ words: [String], in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for word in words { #expect(!text.contains(word), "kept furniture: \(word)", sourceLocation: sourceLocation) }
    }

    @Test("News site: the story without menu, sidebar, related links, share bar, cookie banner, newsletter box")
    func newsSite() {
        let article = ArticleExtractor.extract(html: ExtractionPages.newsSite, url: "https://herald.example/news/1")
        expectWholeArticle(article.text)
        expectAbsent(["biscuits", "Weather", "Most read", "Ferry fares", "Tweet this", "morning tide", "Copyright",
                      "Mayor opens", "Dana Quiroga, maritime"], in: article.text)
        #expect(!article.text.hasPrefix(ExtractionPages.title), "the title is the header's, not the body's")
        #expect(article.title == ExtractionPages.title)
        #expect(article.byline == "Dana Quiroga")
        #expect(article.published == "2026-11-30T08:15:00Z")
        #expect(article.leadCaption == ExtractionPages.caption)
        // The caption is shown once, in the header; never again in the body.
        #expect(!article.text.contains("low tide"))
        #expect(!article.html.contains("low tide"))
    }

    @Test("Paragraphs are separated by one blank line; the HTML keeps them as paragraphs with safe links")
    func shapes() {
        let article = ArticleExtractor.extract(html: ExtractionPages.newsSite, url: "https://herald.example/news/1")
        #expect(article.text == ExtractionPages.paragraphs.joined(separator: "\n\n"))
        #expect(article.html.components(separatedBy: "<p>").count - 1 == ExtractionPages.paragraphs.count)
    }

    @Test("Blog: the post, not the longer comment thread under it")
    func blogWithComments() {
        let article = ArticleExtractor.extract(html: ExtractionPages.blogWithComments, url: nil)
        expectWholeArticle(article.text)
        expectAbsent(["gulls", "thoughts on this post", "Post comment"], in: article.text)
    }

    @Test("An article split by advertisements and promotions comes out whole, without them")
    func splitByAds() {
        let article = ArticleExtractor.extract(html: ExtractionPages.splitByAds, url: nil)
        expectWholeArticle(article.text)
        expectAbsent(["cheap flights", "volcano", "Previous story"], in: article.text)
    }

    @Test("An article in a layout table: the cell with the text, not the link columns")
    func articleInTable() {
        let article = ArticleExtractor.extract(html: ExtractionPages.articleInTable, url: nil)
        expectWholeArticle(article.text)
        expectAbsent(["Section 3", "Terms", "Coastal Herald"], in: article.text)
    }

    @Test("A page whose text is only in JSON-LD gives that text, with its metadata")
    func jsonLDOnly() {
        let article = ArticleExtractor.extract(html: ExtractionPages.jsonLDOnly, url: nil)
        #expect(article.fromStructuredData)
        #expect(article.text == ExtractionPages.paragraphs.joined(separator: "\n\n"))
        #expect(article.title == ExtractionPages.title)
        #expect(article.byline == "Dana Quiroga")
        #expect(article.leadCaption == ExtractionPages.caption)
        #expect(!article.text.contains("Loading"))
    }

    @Test("A page with nothing but script, or no page at all, gives an empty article")
    func emptyPages() {
        let scriptOnly = "<html><head><title>App</title></head><body><div id=root></div><script>start()</script></body></html>"
        #expect(ArticleExtractor.extract(html: scriptOnly, url: nil).isEmpty)
        #expect(ArticleExtractor.extract(html: "", url: nil).isEmpty)
    }

    @Test("A short paywall stub is what the page has: it is returned as such, not padded with furniture")
    func paywallStub() {
        let page = """
            <html><body><nav><a href="/">Home</a></nav><article><h1>Pier costs</h1>
            <p>The harbour board met on Tuesday to discuss the pier.</p>
            <div class="paywall">Subscribe to keep reading this story and every other one.</div></article>
            <footer>About us</footer></body></html>
            """
        let article = ArticleExtractor.extract(html: page, url: nil)
        #expect(article.text == "The harbour board met on Tuesday to discuss the pier.")
    }

    @Test("Relative links and images in the article are made absolute against the page's address")
    func relativeLinks() {
        let page = "<html><body><article>" + ExtractionPages.articleHTML
            + "<p>More in <a href=\"/archive/pier\">the archive</a>, with maps, drawings, and the full report.</p>"
            + "</article></body></html>"
        let article = ArticleExtractor.extract(html: page, url: "https://herald.example/news/1")
        #expect(article.html.contains("href=\"https://herald.example/archive/pier\""))
        #expect(!article.html.contains("<script"))
    }
}

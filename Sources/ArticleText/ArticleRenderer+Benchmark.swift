/// A measurement of `ArticleRenderer` for a bench command: how long parsing, reading into `RichText` and
/// layout take for one document at one width. Not used by the app itself.
public struct RenderBenchmark: Sendable {
    /// Medians over the runs.
    public struct Result: Sendable {
        /// gumbo alone: parse and free the tree.
        public var gumbo: Duration
        /// HTML to `RichText` (gumbo included).
        public var richText: Duration
        /// `RichText` to rows at the width.
        public var layout: Duration
        /// `ArticleRenderer.render` end to end.
        public var total: Duration
        public var runs: Int
        public var lineCount: Int
    }

    /// Runs every phase `runs` times (at least 1) on `html` at `width` and returns the medians.
    public static func run(html: String, width: Int, runs: Int = 7) -> Result {
        let clock = ContinuousClock()
        var gumbo: [Duration] = [], richText: [Duration] = [], layout: [Duration] = [], total: [Duration] = []
        var lineCount = 0
        for _ in 0..<max(1, runs) {
            gumbo.append(clock.measure { _ = HTMLTree(html: html) })
            var text = RichText()
            richText.append(clock.measure { text = ArticleRenderer.richText(fromHTML: html) })
            layout.append(clock.measure { lineCount = TextLayout.lines(for: text, width: width).count })
            total.append(clock.measure { _ = ArticleRenderer.render(html: html, width: width) })
        }
        func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
        return Result(gumbo: median(gumbo), richText: median(richText), layout: median(layout),
                      total: median(total), runs: max(1, runs), lineCount: lineCount)
    }

    /// A deterministic news-like HTML document of about `bytes` bytes: paragraphs with links, emphasis,
    /// entities (windows-1252 quotes among them), lists, quotes, a figure and some non-Latin text.
    public static func sampleArticle(bytes: Int) -> String {
        let paragraph = """
        <p>The United States and Venezuela are back on <b>talking terms</b>. The White House admitted on \
        Monday that a delegation held <a href="/news/2022/03/08/talks">weekend talks</a> in Caracas with \
        the government, including discussions on &#147;energy supplies&#148; &amp; security &mdash; \
        according to <i>The New York Times</i>, 96% of the country&#146;s revenues come from crude oil.</p>
        <p>Los precios del petróleo subieron; 原油价格上涨了百分之五，市场反应强烈。 Ölpreise steigen \
        weiter, und die Märkte reagieren nervös auf die Nachrichten aus Caracas.</p>
        <blockquote><p>&#147;As it relates to Venezuela, the purpose of the trip was to discuss a range \
        of issues,&#148; the press secretary told reporters.</p></blockquote>
        <ul><li>Sanctions on crude exports since 2019</li><li>Six oil executives detained in 2017</li></ul>
        <figure><img src="/photo.jpg" alt="Maduro and Putin"><figcaption>Maduro has been among the few \
        figures to assure Putin of his &#147;strong support&#148;.</figcaption></figure>

        """
        var html = "<html><head><title>Sample</title></head><body><article><h1>Surprise turnaround</h1>\n"
        html.reserveCapacity(bytes + paragraph.utf8.count)
        while html.utf8.count < bytes { html += paragraph }
        return html + "</article></body></html>"
    }
}

/// A generated news article of about the given size (paragraphs with emphasis and links, headings, a list
/// and a quote), for tests of long-article rendering.
public enum SampleArticle {
    /// A deterministic news-like HTML document of about `bytes` bytes: paragraphs with links, emphasis,
    /// entities (windows-1252 quotes among them), lists, quotes, a figure and some non-Latin text.
    public static func html(bytes: Int) -> String {
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

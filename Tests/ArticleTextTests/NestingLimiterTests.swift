import Testing
@testable import ArticleText

@Suite("Nesting limiter in front of the HTML parser")
struct NestingLimiterTests {
    @Test("Ordinary HTML passes unchanged, however many paragraphs and items it has")
    func unchanged() {
        let html = String(repeating: "<p>para<li>item<br><img src=x>", count: 2_000) + "<div><b>x</b></div>"
        #expect(NestingLimiter.limit(html, maxDepth: 8) == html)
    }

    @Test("Start tags beyond the depth limit are removed and their text kept")
    func excess() {
        let html = String(repeating: "<div>", count: 5) + "deep" + String(repeating: "</div>", count: 5)
        #expect(NestingLimiter.limit(html, maxDepth: 3) == "<div><div><div>deep" + String(repeating: "</div>", count: 5))
    }

    @Test("End tags give depth back, so later siblings keep their tags")
    func siblings() {
        let html = "<div><div></div></div><span>a</span>"
        #expect(NestingLimiter.limit(html, maxDepth: 2) == html)
    }

    @Test("Hostile nesting renders with its text and every row within the width")
    func hostile() {
        let html = String(repeating: "<div><blockquote><ul><li><b>", count: 3_000) + "deep"
        let rendered = ArticleRenderer.render(html: html, width: 40)
        #expect(rendered.lines.last?.plainText.hasSuffix("deep") == true)
        #expect(widestRow(rendered.lines) <= 40)
    }
}

import Testing
@testable import ArticleText

@Suite("Entities and hostile content in HTML")
struct EntityAndSafetyTests {
    @Test("Windows-1252 numeric references decode to the characters they meant")
    func windows1252() {
        #expect(rows("<p>&#147;quote&#148; &#128; &#150; &#133; &#146;s</p>") == ["“quote” € – … ’s"])
    }

    @Test("Numeric references to C1 controls and escape leave nothing that acts on a terminal")
    func controlReferences() {
        let html = "<p>a&#157;b &#27;[31mred &#155;31m &#x9B;x &#7;bell &#8;bs &#x202E;rlo&#x2066; &#13;cr</p>"
        let text = rows(html, width: 200).joined(separator: "\n")
        for scalar in text.unicodeScalars {
            #expect(scalar.value >= 0x20 || scalar.value == 0x0A, "control \(scalar.value) in \(text)")
            #expect(!(0x7F...0x9F).contains(scalar.value))
            #expect(![0x202E, 0x2066, 0x200E, 0x200F].contains(scalar.value))
        }
        // HTML5 maps &#155; through windows-1252 to "›"; &#157; has no mapping and stays C1, then is dropped.
        #expect(text == "ab [31mred ›31m ›x bell bs rlo cr")
    }

    @Test("An alt text with windows-1252 quotes decodes to curly quotes, no C1")
    func altQuotes() {
        #expect(rows("<img alt=\"&#147;quote&#148;\">") == ["[image: “quote”]"])
    }

    @Test("Named entities decode, and escaped markup stays text")
    func namedEntities() {
        #expect(rows("<p>&amp;amp; &lt;b&gt; caf&eacute; &nbsp;x</p>") == ["&amp; <b> café \u{A0}x"])
    }

    @Test("Only http, https and mailto links are numbered; others stay plain text")
    func linkSchemes() {
        let html = "<a href='javascript:alert(1)'>a</a> <a href='data:text/html,x'>b</a> <a href='file:///etc/passwd'>c</a> <a href='ftp://x/y'>d</a> <a href=' HTTPS://ok.example/ '>e</a>"
        let rendered = ArticleRenderer.render(html: html, width: 40)
        #expect(rendered.links == ["https://ok.example/"])
        #expect(rendered.lines.first?.plainText == "a b c d e[1]")
    }

    @Test("Relative links resolve against the base URL; without one they are not numbered")
    func relativeLinks() {
        let withBase = ArticleRenderer.render(html: "<a href='../x?a=1#f'>x</a>", width: 40, baseURL: "https://example.com/news/2024/")
        #expect(withBase.links == ["https://example.com/news/x?a=1#f"])
        let withoutBase = ArticleRenderer.render(html: "<a href='../x'>x</a>", width: 40)
        #expect(withoutBase.links.isEmpty)
    }

    @Test("Tricky real-world HTML: unclosed paragraphs and items, mis-nested tags")
    func tagSoup() {
        #expect(rows("<p>unclosed<p>second<ul><li>one<li>two</ul>") == ["unclosed", "", "second", "", "• one", "• two"])
        #expect(rows("<b><i>mis</b>nested</i> text") == ["misnested text"])
        let lines = ArticleRenderer.render(html: "<b><i>mis</b>nested</i>", width: 30).lines
        #expect(lines[0].spans.map(\.traits) == [[.bold, .italic], .italic])
        #expect(rows("<li>stray item") == ["• stray item"])
        #expect(rows("<table><td>cell without row") == ["cell without row"])
    }

    @Test("A document nested thousands of levels deep renders without exhausting the stack")
    func deepNesting() {
        let depth = 5_000
        for (open, close) in [("<div>", "</div>"), ("<blockquote>", "</blockquote>"), ("<ul><li>", "</li></ul>"), ("<b>", "</b>")] {
            let html = String(repeating: open, count: depth) + "deep" + String(repeating: close, count: depth)
            let lines = ArticleRenderer.render(html: html, width: 40).lines
            #expect(lines.contains { $0.plainText.hasSuffix("deep") })
            #expect(widestRow(lines) <= 40)
        }
    }
}

import Testing
@testable import ArticleText

/// Expected rows at a fixed width for each construct the renderer knows.
@Suite("Golden renders of each HTML construct")
struct RenderGoldenTests {
    @Test("Paragraphs are separated by one empty row")
    func paragraphs() {
        #expect(rows("<p>one</p><p>two</p>") == ["one", "", "two"])
    }

    @Test("Headings stand alone and carry the heading trait")
    func headings() {
        #expect(rows("<h1>Big</h1><h2>Small</h2><p>x</p>") == ["Big", "", "Small", "", "x"])
        let lines = ArticleRenderer.render(html: "<h2>Small</h2>", width: 30).lines
        #expect(traits(of: "Small", in: lines) == [.heading, .bold])
    }

    @Test("Emphasis, strong, underline, strike and code keep their text and get their traits")
    func inlineStyles() {
        let html = "<p>a <b>b</b> <i>i</i> <u>u</u> <s>s</s> <code>c()</code> <em><strong>both</strong></em></p>"
        #expect(rows(html) == ["a b i u s c() both"])
        let lines = ArticleRenderer.render(html: html, width: 30).lines
        #expect(traits(of: "b", in: lines.map { StyledLine($0.spans.filter { $0.text == "b" }) }) == .bold)
        #expect(traits(of: "c()", in: lines) == .code)
        #expect(traits(of: "both", in: lines) == [.bold, .italic])
        #expect(lines[0].spans.contains { $0.text == "u" && $0.traits == .underline })
        #expect(lines[0].spans.contains { $0.text == "s" && $0.traits == .strikethrough })
    }

    @Test("Line breaks end a row; two in a row leave an empty one")
    func lineBreaks() {
        #expect(rows("<p>line<br>break<br/><br>x</p>") == ["line", "break", "", "x"])
    }

    @Test("Preformatted text keeps its spaces, expands tabs and is clipped with an arrow")
    func preformatted() {
        let html = "<pre>  keep   spaces\n\tand tabs that go far beyond the width\n</pre>"
        #expect(rows(html) == ["  keep   spaces", "        and tabs that go far →"])
    }

    @Test("Preformatted text scrolls sideways with a horizontal offset")
    func preformattedOffset() {
        let text = ArticleRenderer.richText(fromHTML: "<pre>0123456789abcdefghij</pre>")
        let lines = TextLayout.lines(for: text, width: 8, horizontalOffset: 5)
        #expect(lines.map(\.plainText) == ["56789ab→"])
    }

    @Test("Quotes draw a bar, nest, and keep the bar through empty rows")
    func quotes() {
        let html = "<blockquote><p>q1</p><blockquote><p>nested quote text that wraps here</p></blockquote></blockquote><p>after</p>"
        #expect(rows(html) == ["│ q1", "│", "│ │ nested quote text that", "│ │ wraps here", "", "after"])
    }

    @Test("Unordered lists nest with a different bullet per level and a hanging indent")
    func unorderedLists() {
        let html = "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>long item text that wraps to the next line</li></ul>"
        #expect(rows(html) == ["• a", "  ◦ b", "    ▪ c", "• long item text that wraps to", "  the next line"])
    }

    @Test("Ordered lists number from their start and right-align the numbers")
    func orderedLists() {
        #expect(rows("<ol><li>x<li>y</ol><ol start=99><li>a<li>b</ol>") == ["1. x", "2. y", "", " 99. a", "100. b"])
    }

    @Test("Definition lists put the term on its row and indent the description")
    func definitionLists() {
        #expect(rows("<dl><dt>Term<dd>Desc<dt>T2<dd>D3</dl>") == ["Term", "    Desc", "", "T2", "    D3"])
    }

    @Test("A horizontal rule spans the width")
    func rule() {
        #expect(rows("<p>a</p><hr><p>b</p>") == ["a", "", String(repeating: "─", count: 30), "", "b"])
    }

    @Test("A table that fits is drawn with aligned columns and a rule under the header")
    func alignedTable() {
        let html = "<table><thead><tr><th>City</th><th>Pop</th></tr></thead><tr><td>Montevideo</td><td>1.3M</td></tr><tr><td>Caracas</td><td>2.2M</td></tr></table>"
        #expect(rows(html) == ["City       │ Pop", "───────────┼─────", "Montevideo │ 1.3M", "Caracas    │ 2.2M"])
    }

    @Test("A table too wide for the pane becomes one block per row, labelled by the header")
    func wideTable() {
        let html = "<table><tr><th>Name</th><th>Description</th></tr><tr><td>Alpha</td><td>A very long description that cannot fit a column</td></tr><tr><td>Beta</td><td>Short</td></tr></table>"
        #expect(rows(html) == ["Name: Alpha", "Description: A very long", "description that cannot fit a", "column",
                               "", "Name: Beta", "Description: Short"])
    }

    @Test("A figure shows its image as a marker with the caption under it, muted")
    func figure() {
        let html = "<figure><img src=p.jpg alt='A dog'><figcaption>The dog, 2024</figcaption></figure>"
        #expect(rows(html) == ["[image: A dog]", "The dog, 2024"])
        let lines = ArticleRenderer.render(html: html, width: 30).lines
        #expect(traits(of: "The dog", in: lines) == [.muted, .italic])
    }

    @Test("An image without alt text is still marked")
    func imageWithoutAlt() {
        #expect(rows("<p>x <img src=a.png> y</p>") == ["x [image] y"])
    }

    @Test("Video, audio and iframes become numbered markers on rows of their own")
    func media() {
        let html = "<p>Watch:</p><video src=https://e.com/v.mp4></video><audio><source src=/a.mp3></audio><iframe src=https://youtube.com/embed/x></iframe>"
        let rendered = ArticleRenderer.render(html: html, width: 40, baseURL: "https://example.com/news/")
        #expect(rendered.lines.map(\.plainText) == [
            "Watch:", "", "[video: https://e.com/v.mp4][1]", "", "[audio: https://example.com/a.mp3][2]", "",
            "[video: https://youtube.com/embed/x][3]", "",
            "[1] https://e.com/v.mp4", "[2] https://example.com/a.mp3", "[3] https://youtube.com/embed/x",
        ])
    }

    @Test("Links get a reference number, repeated targets share it, and the list ends the article")
    func links() {
        let html = "<p><a href=/a>one</a> <a href=https://b.com>two</a> <a href=/a>again</a> <a href=javascript:alert(1)>js</a> <a href=mailto:x@y.z>mail</a></p>"
        let rendered = ArticleRenderer.render(html: html, width: 30, baseURL: "https://example.com/news/")
        #expect(rendered.lines.map(\.plainText) == [
            "one[1] two[2] again[1] js", "mail[3]", "",
            "[1] https://example.com/a", "[2] https://b.com", "[3] mailto:x@y.z",
        ])
        #expect(rendered.links == ["https://example.com/a", "https://b.com", "mailto:x@y.z"])
        #expect(traits(of: "one", in: rendered.lines) == .link)
        #expect(traits(of: "[1]", in: rendered.lines)?.contains(.muted) == true)
    }

    @Test("A long link list wraps its URLs under themselves")
    func longLinkList() {
        let html = "<a href='https://example.com/a/very/long/path/that/does/not/fit'>x</a>"
        #expect(rows(html, width: 30) == ["x[1]", "", "[1] https://example.com/a/", "    very/long/path/that/does/", "    not/fit"])
    }

    @Test("Scripts, styles, noscript, comments and hidden elements are dropped")
    func dropped() {
        let html = "<p>Hi<script>alert(1)</script><style>p{}</style><noscript>ns</noscript><!-- c --><template>t</template><span hidden>h</span><span aria-hidden=true>a</span><span style='display: none'>d</span><span style='visibility:hidden'>v</span> there</p>"
        #expect(rows(html) == ["Hi there"])
    }

    @Test("Inline quotations get curly quotes")
    func inlineQuote() {
        #expect(rows("<p>He said <q>no</q>.</p>") == ["He said “no”."])
    }
}

import Testing
@testable import ArticleText
import TestSupport

/// The streaming reader against the cases where a tree-less reader could go wrong, and against gumbo's
/// tree walk on whole articles.
@Suite("Streaming HTML reader")
struct StreamingReaderTests {
    @Test("A generated news article reads exactly as gumbo's tree walk reads it")
    func sameAsGumbo() {
        let html = SampleArticle.html(bytes: 20_000)
        let streamed = StreamingHTMLReader.read(html: html, baseURL: "https://example.com/")
        let walked = HTMLReader.read(html: html, baseURL: "https://example.com/")
        #expect(streamed == walked)
    }

    @Test("The seed story reads exactly as gumbo's tree walk reads it")
    func seedSameAsGumbo() {
        let streamed = StreamingHTMLReader.read(html: SeedStoryFixture.html, baseURL: SeedStoryFixture.baseURL)
        let walked = HTMLReader.read(html: SeedStoryFixture.html, baseURL: SeedStoryFixture.baseURL)
        #expect(streamed == walked)
    }

    @Test("Mis-nested bold and italic end where HTML5 ends them")
    func misnested() {
        let lines = ArticleRenderer.render(html: "<p><b>1<i>2</b>3</i>4</p>", width: 30).lines
        #expect(lines[0].spans.map(\.text) == ["1", "2", "3", "4"])
        #expect(lines[0].spans.map(\.traits) == [.bold, [.bold, .italic], .italic, []])
    }

    @Test("Unclosed paragraphs and list items end at the next one")
    func unclosed() {
        #expect(rows("<p>a<p>b<ul><li>c<li>d<ul><li>e</ul><li>f</ul><p>g") ==
                ["a", "", "b", "", "• c", "• d", "  ◦ e", "• f", "", "g"])
    }

    @Test("Nested ordered lists number each level from its own start")
    func nestedLists() {
        #expect(rows("<ol><li>a<ol start=5><li>b<li>c</ol><li>d</ol>") == ["1. a", "   5. b", "   6. c", "2. d"])
    }

    @Test("Tables with implied row and cell ends align their columns")
    func impliedCells() {
        #expect(rows("<table><tr><th>k<th>v<tr><td>one<td>1<tr><td>two<td>2</table>") ==
                ["k   │ v", "────┼──", "one │ 1", "two │ 2"])
    }

    @Test("Formatting inside a cell ends with the cell")
    func cellFormatting() {
        let lines = ArticleRenderer.render(html: "<table><tr><td><b>x<td>y</table>", width: 30).lines
        #expect(lines[0].plainText == "x │ y")
        #expect(lines[0].spans.first { $0.text == "y" }?.traits == [])
    }

    @Test("Preformatted text decodes entities, keeps markup out and drops the first newline")
    func preEntities() {
        #expect(rows("<pre>\nif a &lt; b &amp;&amp; c\n  <b>x</b>&#9;y\n</pre>") == ["if a < b && c", "  x     y"])
    }

    @Test("Raw-text elements, comments, doctypes and CDATA show nothing")
    func rawText() {
        let html = "<!DOCTYPE html><title>T</title><p>a<script>if (a < b) document.write('<p>x</p>')</script>b<!-- <p>c</p> -->c<![CDATA[d]]>e<textarea><b>t</b></textarea>f</p>"
        #expect(rows(html) == ["abcef"])
    }

    @Test("Named references from the full HTML5 set and legacy ones without a semicolon decode")
    func entities() {
        #expect(rows("<p>&hellip; &rarr; &NotEqualTilde; &copy 2024 &amp x &bogus; &#x1F600;</p>", width: 40) ==
                ["… → ≂̸ © 2024 & x &bogus; 😀"])
    }

    @Test("A link left open ends at its paragraph and is numbered there")
    func openLink() {
        let rendered = ArticleRenderer.render(html: "<p><a href=https://a.example/>one</p>", width: 30)
        #expect(rendered.lines.map(\.plainText) == ["one[1]", "", "[1] https://a.example/"])
    }

    @Test("100 000 nested elements render in linear time without exhausting the stack")
    func hostileNesting() {
        let depth = 100_000
        for (open, close) in [("<div>", "</div>"), ("<ul><li>", "</li></ul>"), ("<b><i>", "</i></b>"),
                              ("<table><tr><td>", "</td></tr></table>"), ("<blockquote>", "")] {
            let html = String(repeating: open, count: depth) + "deep" + String(repeating: close, count: depth) + "<p>after"
            let lines = ArticleRenderer.render(html: html, width: 40).lines
            #expect(lines.contains { $0.plainText.hasSuffix("deep") })
            #expect(lines.contains { $0.plainText.hasSuffix("after") })
            #expect(widestRow(lines) <= 40)
        }
    }
}

@Suite("Tag names packed into a word")
struct PackedTagNameTests {
    @Test("Every tag is found from its name packed into one or two words as from its name")
    func everyTag() {
        for tag in HTMLTag.allCases where tag != .other {
            let name = String(describing: tag)
            #expect(HTMLTag.named(name) == tag)
            #expect(name.utf8.count <= 16, "\(name): the reader packs at most sixteen bytes")
            var low: UInt64 = 0, high: UInt64 = 0
            for (k, byte) in name.utf8.enumerated() {
                if k < 8 { low |= UInt64(byte) << (8 * UInt64(k)) } else { high |= UInt64(byte) << (8 * UInt64(k - 8)) }
            }
            if name.utf8.count <= 8 {
                #expect(HTMLTag.named(packed: low) == tag, "\(name)")
            } else {
                #expect(HTMLTag.named(packed: low, high: high) == tag, "\(name)")
            }
        }
        #expect(HTMLTag.named(packed: 0x6F75716B636F6C62, high: 0x6575) == .other)  // "blockquoue"
        #expect(HTMLTag.named(packed: 0x7A) == .other)  // "z"
        #expect(HTMLTag.named(packed: 0) == .other)
    }
}

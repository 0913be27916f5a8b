import CGumbo
import Testing
@testable import ArticleText

@Suite("Text kept out of gumbo's way reads back as gumbo would have parsed it")
struct TextStretchesTests {
    /// Every node of the tree in document order: elements with their attributes, text with its kind.
    static func describe(_ root: HTMLNode) -> [String] {
        var lines: [String] = []
        var stack: [HTMLNode] = [root]
        while let node = stack.popLast() {
            switch node.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                lines.append("<\(node.tagName) \(attributes)>")
                for index in (0..<node.childCount).reversed() { stack.append(node.child(index)) }
            case GUMBO_NODE_TEXT: lines.append("text: " + node.text)
            case GUMBO_NODE_WHITESPACE: lines.append("space: " + node.text)
            case GUMBO_NODE_CDATA: lines.append("cdata: " + node.text)
            case GUMBO_NODE_COMMENT: lines.append("comment: " + node.text)
            default: lines.append("other")
            }
        }
        return lines
    }

    /// U+FDD0 and U+1FFFE between sentences: characters gumbo replaces, which a stretch must not hold.
    static let nonCharacters = [0xFDD0, 0x1FFFE].map { String(Character(Unicode.Scalar($0)!)) + sentence }.joined()

    static let sentence = "The harbour board met on Tuesday evening, and the vote on the pier went ahead after all"

    /// Pages whose markup the byte scan must read as the tokenizer does: quoted ">" in attributes,
    /// character references beside long text, raw-text elements, comments of every shape, tables whose
    /// text gumbo moves out, a `<pre>` whose first newline it drops, SVG with CDATA, unknown elements.
    static let pages: [String] = [
        "<p>\(sentence)</p><p title=\"a > b \(sentence)\">\(sentence) &amp; \(sentence)&eacute;\(sentence)</p>",
        "<table><tr><td>\(sentence)</td></tr>\(sentence)<tr><td>x</td></tr></table>",
        "<pre>\n\(sentence)\n  \(sentence)</pre><textarea>\n\(sentence) &lt; \(sentence)</textarea>",
        "<script>var s = \"\(sentence)\"; if (a < b) { c = '<p>\(sentence)</p>' }</script><p>\(sentence)</p>",
        "<script><!-- \(sentence) <script> \(sentence) </script> \(sentence) --></script><p>\(sentence)</p>",
        "<style>p > a { content: \"\(sentence)\" }</style><p>\(sentence)</p>",
        "<!-->\(sentence)<!--->\(sentence)<!-- \(sentence) --!>\(sentence)<!-- a -- b -->\(sentence)",
        "<!DOCTYPE html><?php \(sentence) ?><p>\(sentence)</p></ \(sentence)><p>\(sentence)",
        "<svg><title>\(sentence)</title><text class='\(sentence)'>\(sentence)</text><![CDATA[ \(sentence) > \(sentence) ]]></svg><p>\(sentence)</p>",
        "<head><title>\(sentence)</title></head>\(sentence)<frameset>\(sentence)</frameset>",
        "<my-widget data-x=\(sentence.replacingOccurrences(of: " ", with: "_"))>\(sentence)</my-widget><p a = \"\(sentence) > x\">\(sentence)",
        "<p>\(sentence)\r\n\(sentence)\u{1}\(sentence)\u{85}\(sentence)" + nonCharacters + "</p>",
        "<svg><style><tspan class=\"\(sentence)\">x</tspan></style></svg><p>\(sentence)</p>",
        "<p>\(sentence) \u{10FFFD}ABCD \(sentence)</p>",
        "<p>\(sentence) &#x10FFFD;AAAA \(sentence)</p>",
        "<ul><li>\(sentence)<li>\(sentence)</ul><select><option>\(sentence)</select>",
        "<p>\(sentence)<!-- unterminated \(sentence)",
        "<p title='\(sentence)",
        "<script>\(sentence)",
        "\(sentence)<",
    ]

    @Test("Each tricky page gives the same tree, node for node, with and without the text taken out")
    func sameTree() {
        for page in Self.pages + [ExtractionPages.newsSite] {
            guard let whole = HTMLTree(html: page), let taken = HTMLTree(html: page, takesOutText: true) else {
                Issue.record("gumbo failed")
                continue
            }
            #expect(Self.describe(taken.root) == Self.describe(whole.root), "\(page.prefix(60))")
            #expect(Self.describe(taken.root).joined().contains("\u{10FFFD}") == page.contains("\u{10FFFD}")
                        || page.contains("#x10FFFD"))
        }
    }

    @Test("A plain article's paragraphs are taken out of gumbo's way")
    func stretchesAreTaken() {
        let page = "<html><body>" + String(repeating: "<p>\(Self.sentence).</p>\n", count: 50) + "</body></html>"
        #expect(Self.taken(page) == 50)
        guard let whole = HTMLTree(html: page) else { Issue.record("gumbo failed"); return }
        #expect(whole.takenStretchCount == 0)
    }

    /// How many stretches were taken out of `page` (-1 when gumbo failed).
    static func taken(_ page: String) -> Int {
        guard let tree = HTMLTree(html: page, takesOutText: true) else { return -1 }
        return tree.takenStretchCount
    }

    @Test("A page that already holds the placeholder marker is parsed whole")
    func markerInPage() {
        #expect(Self.taken(Self.pages[13]) == 0)
        #expect(Self.taken(Self.pages[0]) > 0)
    }

    @Test("Markup the scan misreads (an attribute inside SVG style) makes the page parse whole")
    func misreadFallsBack() {
        #expect(Self.taken(Self.pages[12]) == 0)
        guard let tree = HTMLTree(html: Self.pages[12], takesOutText: true) else { Issue.record("gumbo failed"); return }
        #expect(Self.describe(tree.root).contains("<tspan class=\(Self.sentence)>"))
    }

    @Test("Extraction reads the same article with its text taken out of gumbo's way")
    func sameArticle() {
        let article = ArticleExtractor.extract(html: ExtractionPages.newsSite, url: "https://herald.example/news/1")
        for paragraph in ExtractionPages.paragraphs { #expect(article.text.contains(paragraph)) }
        #expect(!article.text.contains("\u{10FFFD}"))
        #expect(!article.html.contains("\u{10FFFD}"))
    }
}

import Testing
import TermCore
@testable import ArticleText
import TestSupport
import TextSafety

/// Random and mutated HTML: whatever comes in, rendering does not crash, every row fits its width, and
/// nothing that acts on a terminal comes out.
@Suite("Any input renders safely within its width")
struct PropertyTests {
    static let tags = ["p", "div", "b", "i", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
                       "table", "tr", "td", "th", "thead", "h1", "h3", "a href='/x'", "a href='javascript:x'", "img alt='pic'",
                       "br", "hr", "figure", "figcaption", "video src='https://v.example/v'", "span hidden", "script",
                       "style", "q", "iframe src=//e.example/", "svg", "math", "template", "textarea", "select"]
    static let texts = ["word", "two words", "  spaced\tout\n", "日本語のテキスト", "한국어", "👩‍👩‍👧‍👦", "👍🏽", "🇺🇾", "❤️",
                        "e\u{301}\u{302}", "مرحبا بكم", "שלום", "कि हिन्दी", "&#147;q&#148;", "&#27;[31m", "&#155;", "&#157;",
                        "&#x202E;", "\u{1B}]0;title\u{7}", "\r\n", "\u{AD}", "\u{200B}", "&amp;", "&nbsp;", "&",
                        "https://example.com/a/very/long/path/without/any/spaces/at/all?q=1",
                        "supercalifragilisticexpialidociousandthensomemoretoolongforanyrow", "\u{0}", "\u{FEFF}", "<", ">",
                        "<!-- c -->", "<![CDATA[x]]>", "\t\t", "1️⃣", "\u{E0001}", "Ａ", "　"]

    static func randomHTML(_ generator: inout SplitMix64) -> String {
        var html = ""
        var open: [String] = []
        for _ in 0..<Int.random(in: 1...60, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3:
                let tag = tags.randomElement(using: &generator)!
                html += "<\(tag)>"
                open.append(String(tag.split(separator: " ")[0]))
            case 4...5:
                // Close something, not always the innermost: mis-nesting on purpose.
                if !open.isEmpty {
                    let index = Int.random(in: 0..<open.count, using: &generator)
                    html += "</\(open.remove(at: index))>"
                }
            default:
                html += texts.randomElement(using: &generator)! + " "
            }
        }
        return html
    }

    static func mutate(_ html: String, _ generator: inout SplitMix64) -> String {
        var bytes = Array(html.utf8)
        for _ in 0..<Int.random(in: 1...20, using: &generator) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes.remove(at: index)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 2: bytes.insert(contentsOf: Array("<".utf8), at: index)
            default: bytes[index] = UInt8.random(in: 0x20...0x7E, using: &generator)
            }
        }
        return String(decoding: bytes, as: UTF8.self)  // invalid UTF-8 becomes U+FFFD, as the decoder does
    }

    static func check(_ lines: [StyledLine], width: Int, input: String) {
        for line in lines {
            let text = line.plainText
            #expect(DisplayWidth.width(of: text) <= width, "row too wide at \(width): \(text.debugDescription) from \(input.debugDescription)")
            for scalar in text.unicodeScalars {
                let v = scalar.value
                let forbidden = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xAD || v == 0x200B
                #expect(!forbidden, "scalar \(String(v, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test("Random tag soup renders at random widths within the width")
    func randomDocuments() {
        var generator = SplitMix64(seed: 0x6A7A_E77E)
        for _ in 0..<300 {
            let html = Self.randomHTML(&generator)
            let text = ArticleRenderer.richText(fromHTML: html, baseURL: "https://example.com/")
            for width in [1, 2, 3, 5, 10, Int.random(in: 11...200, using: &generator)] {
                Self.check(TextLayout.lines(for: text, width: width), width: width, input: html)
            }
        }
    }

    @Test("Every width from 30 to 200 holds for generated documents")
    func allWidths() {
        var generator = SplitMix64(seed: 42)
        let documents = (0..<8).map { _ in ArticleRenderer.richText(fromHTML: Self.randomHTML(&generator)) }
        for width in 30...200 {
            for document in documents { Self.check(TextLayout.lines(for: document, width: width), width: width, input: "") }
        }
    }

    @Test("Mutated copies of a real article render within the width")
    func mutatedArticle() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<60 {
            let html = Self.mutate(SeedStoryFixture.html, &generator)
            let width = Int.random(in: 20...120, using: &generator)
            Self.check(ArticleRenderer.render(html: html, width: width).lines, width: width, input: "")
        }
    }

    @Test("Plain text of any kind renders within the width")
    func plainText() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in Self.texts.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            let width = Int.random(in: 1...80, using: &generator)
            Self.check(ArticleRenderer.renderPlainText(text, width: width).lines, width: width, input: text)
        }
    }
}

import Testing
@testable import TextSafety

/// The feed-fragment tokenizing rules, read back as strings: what each token covers of the input.
@Suite("HTML scanner for feed fragments")
struct HTMLScannerTests {
    /// The tokens of `html` as readable lines; a start tag named in `rawText` has its content skipped and
    /// shown as `raw(...)`.
    static func tokens(_ html: String, rawText: Set<String> = []) -> [String] {
        let bytes = Array(html.utf8)
        return bytes.withUnsafeBufferPointer { b in
            func string(_ start: Int, _ end: Int) -> String { String(decoding: b[start..<end], as: UTF8.self) }
            var scanner = HTMLScanner(b)
            var out: [String] = []
            while let token = scanner.next() {
                switch token {
                case .text(let start, let end):
                    out.append("text(\(string(start, end)))")
                case .startTag(let nameStart, let nameEnd, let selfClosing):
                    let name = string(nameStart, nameEnd)
                    let attributes = scanner.attributes.map {
                        " \(string($0.nameStart, $0.nameEnd))=\(string($0.valueStart, $0.valueEnd))"
                    }.joined()
                    out.append("<\(name)\(attributes)\(selfClosing ? "/" : "")>")
                    if rawText.contains(name.lowercased()) {
                        let content = scanner.skipRawText(nameStart: nameStart, nameEnd: nameEnd)
                        out.append("raw(\(string(content.start, content.end)))")
                    }
                case .endTag(let nameStart, let nameEnd):
                    out.append("</\(string(nameStart, nameEnd))>")
                }
            }
            return out
        }
    }

    @Test("Tags, attributes as written, and the text between them")
    func tagsAndText() {
        #expect(Self.tokens(#"a<p class="x y" ID=z>b</P>c"#)
                == ["text(a)", "<p class=x y ID=z>", "text(b)", "</P>", "text(c)"])
        #expect(Self.tokens("<input disabled value = 'a b'><br/><a/ href=u>")
                == ["<input disabled= value=a b>", "<br/>", "<a href=u>"])
    }

    @Test("Comments, doctypes and processing instructions are skipped; an unclosed comment ends the input")
    func skippedMarkup() {
        #expect(Self.tokens("a<!-- x -->b<!DOCTYPE html>c<?xml v?>d")
                == ["text(a)", "text(b)", "text(c)", "text(d)"])
        #expect(Self.tokens("a<!-- never closed <p>") == ["text(a)"])
    }

    @Test("A < that starts no tag is text")
    func strayAngles() {
        #expect(Self.tokens("1 < 2 <3 </ x> <") == ["text(1 < 2 <3 </ x> <)"])
    }

    @Test("Raw text runs to its end tag, found ignoring case, or to the end of the input")
    func rawText() {
        #expect(Self.tokens("<script>if (a</b) {}</SCRIPT >after", rawText: ["script"])
                == ["<script>", "raw(if (a</b) {})", "text(after)"])
        // Only where the caller asks: otherwise the same bytes are markup.
        #expect(Self.tokens("<script>a</b>c</script>") == ["<script>", "text(a)", "</b>", "text(c)", "</script>"])
        #expect(Self.tokens("x<style>p{}", rawText: ["style"]) == ["text(x)", "<style>", "raw(p{})"])
    }

    @Test("String tokens: names lower-cased, text and attribute values decoded, raw text as written")
    func stringTokens() {
        var out: [String] = []
        HTMLTokenizer.tokenize(#"<P Title="a&amp;b">x &lt; y</p><SCRIPT>1&lt;2</script>z"#) { token in
            switch token {
            case .text(let text): out.append("text(\(text))")
            case .start(let name, let attributes, _): out.append("<\(name)\(attributes.map { " \($0.0)=\($0.1)" }.joined())>")
            case .end(let name): out.append("</\(name)>")
            case .rawText(let name, let content): out.append("raw \(name)(\(content))")
            }
        }
        #expect(out == ["<p title=a&b>", "text(x < y)", "</p>", "raw script(1&lt;2)", "text(z)"])
    }
}

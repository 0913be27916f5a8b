import Testing
@testable import ArticleText

@Suite("HTML fragment sanitiser for feed summaries and content")
struct HTMLSanitizerTests {
    private func clean(_ html: String, base: String? = nil) -> String { HTMLSanitizer.sanitize(html: html, baseURL: base) }

    @Test("Allowed markup is written back, void elements closed")
    func allowed() {
        #expect(clean("<p>Hello <b>bold</b> <i>it</i><br>x</p>") == "<p>Hello <b>bold</b> <i>it</i><br />x</p>")
        #expect(clean("<img src=\"http://e.com/a.jpg\" alt=\"A\">") == "<img src=\"http://e.com/a.jpg\" alt=\"A\" />")
    }

    @Test("Scripts, styles and embedded frames go with their content")
    func droppedWithContent() {
        #expect(clean("safe<script>alert(1)</script> description") == "safe description")
        #expect(clean("a<style>p{color:red}</style>b") == "ab")
        #expect(clean("a<iframe src='http://e.com'>x</iframe>b") == "ab")
        #expect(clean("a<embed src='x.swf'>b") == "ab")
        #expect(clean("<svg><script>x</script><text>t</text></svg>ok") == "ok")
    }

    @Test("Unknown and unsafe containers are unwrapped, keeping their text")
    func unwrapped() {
        #expect(clean("safe<object classid='x'> <b>description</b></object>") == "safe <b>description</b>")
        #expect(clean("<form action='/x'>in a form</form>") == "in a form")
        #expect(clean("<blink>old</blink> <font color=red>font</font>") == "old font")
    }

    @Test("Event handlers and unknown attributes are dropped")
    func attributes() {
        #expect(clean("<img src='http://e.com/i.jpg' onerror='alert(1)'>") == "<img src=\"http://e.com/i.jpg\" />")
        #expect(clean("<a href='http://e.com/' onclick='x()' title='t'>a</a>") == "<a href=\"http://e.com/\" title=\"t\">a</a>")
        #expect(clean("<span align=\"\"></span>") == "<span align=\"\"></span>")
    }

    @Test("Dangerous URL schemes are removed; data: only for raster images")
    func schemes() {
        #expect(clean("<a href='javascript:alert(1)'>x</a>") == "<a>x</a>")
        #expect(clean("<a href='jav&#x09;ascript:alert(1)'>x</a>") == "<a>x</a>")
        #expect(clean("<a href=' JAVASCRIPT:alert(1)'>x</a>") == "<a>x</a>")
        #expect(clean("<a href='vbscript:x'>x</a>") == "<a>x</a>")
        #expect(clean("<a href='data:text/html,x'>x</a>") == "<a>x</a>")
        #expect(clean("<img src='data:image/png;base64,iVBOR'>") == "<img src=\"data:image/png;base64,iVBOR\" />")
        #expect(clean("<img src='data:image/svg+xml,<svg/onload=x>'>") == "<img />")
    }

    @Test("Relative URLs resolve against the base URL")
    func relative() {
        let base = "http://example.com/feed/index.xml"
        #expect(clean("<a href='/about'>a</a>", base: base) == "<a href=\"http://example.com/about\">a</a>")
        #expect(clean("<img src='i/p.png'>", base: base) == "<img src=\"http://example.com/feed/i/p.png\" />")
        #expect(clean("<a href='/about'>a</a>") == "<a href=\"/about\">a</a>")
    }

    @Test("Styles keep only harmless declarations")
    func styles() {
        #expect(clean("<span style=\"color: red;\">t</span>") == "<span style=\"color: red;\">t</span>")
        #expect(clean("<span style=\"position: absolute;\">t</span>") == "<span>t</span>")
        #expect(clean("<span style=\"background: url(javascript:x)\">t</span>") == "<span>t</span>")
        #expect(clean("<span style=\"margin: 99999em;\">t</span>") == "<span>t</span>")
        #expect(clean("<span style=\"border: 3px solid #ccc;\">t</span>") == "<span style=\"border: 3px solid #ccc;\">t</span>")
        #expect(clean("<span style=\"direction: rtl; unicode-bidi: bidi-override\">t</span>") == "<span>t</span>")
    }

    @Test("Comments, meta, link and base are removed")
    func headStuff() {
        #expect(clean("a<!-- <script>x</script> -->b<meta http-equiv=refresh content=0><link rel=stylesheet href=x><base href=//evil/>c") == "abc")
    }

    @Test("Text is sanitised and escaped; entities decode once")
    func text() {
        #expect(clean("a &amp; b &lt;c&gt; &#147;q&#148; &#27;[2J") == "a &amp; b &lt;c&gt; “q” [2J")
        #expect(clean("plain & simple") == "plain &amp; simple")
        #expect(clean("no markup at all") == "no markup at all")
        #expect(clean("<a title='say \"hi\" &amp; go'>x</a>") == "<a title=\"say &quot;hi&quot; &amp; go\">x</a>")
    }

    @Test("A leading newline in pre survives the round trip")
    func pre() {
        #expect(clean("<pre>\n\ncode</pre>") == "<pre>\n\ncode</pre>")
    }
}

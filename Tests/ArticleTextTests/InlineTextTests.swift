import Testing
@testable import ArticleText

@Suite("One-line text from headlines and names")
struct InlineTextTests {
    @Test("Markup is removed and entities decoded", arguments: [
        ("Tom &amp; <b>Jerry</b>", "Tom & Jerry"),
        ("&#147;Quoted&#148; headline", "“Quoted” headline"),
        ("<p>one</p><p>two</p>", "one two"),
        ("a<br>b", "a b"),
        ("Plain title", "Plain title"),
        ("  spaced \n out  ", "spaced out"),
        ("x<script>alert(1)</script>y", "xy"),
        ("AT&T", "AT&T"),
        ("1 < 2", "1 < 2"),
        ("<img alt='pic'> caption", "pic caption"),
    ])
    func plain(input: String, expected: String) {
        #expect(InlineText.plain(fromHTML: input) == expected)
    }

    @Test("Hostile titles come out inert", arguments: [
        "Title\u{1B}]0;pwned\u{7}", "Title&#27;]0;pwned&#7;", "Title&#x9D;0;x&#x9C;", "Ti\u{202E}tle", "Ti\rtle",
    ])
    func hostile(input: String) {
        let output = InlineText.plain(fromHTML: input)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(output.hasPrefix("Ti"))
    }
}

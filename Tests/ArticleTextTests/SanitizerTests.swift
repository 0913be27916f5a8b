import Testing
@testable import ArticleText

@Suite("Sanitizer")
struct SanitizerTests {
    @Test("Escape sequences, C1 controls and bidi overrides never survive", arguments: [
        ("a\u{1B}[2Jb", "a[2Jb"),
        ("\u{9B}31mX", "31mX"),
        ("x\u{1B}]8;;http://evil\u{7}y", "x]8;;http://evily"),
        ("ok\rFAKE", "ok\nFAKE"),
        ("user\u{202E}gnp.exe", "usergnp.exe"),
        ("a\r\nb", "a\nb"),
        ("\u{1B}]52;c;ZXZpbA==\u{7}", "]52;c;ZXZpbA=="),
        ("\u{1B}]0;pwned\u{9C}", "]0;pwned"),
        ("back\u{8}\u{8}space", "backspace"),
        ("del\u{7F}ete", "delete"),
        ("\u{90}dcs\u{98}sos\u{9E}pm\u{9F}apc\u{9D}osc", "dcssospmapcosc"),
        ("a\u{2066}b\u{2067}c\u{2068}d\u{2069}e\u{200E}f\u{200F}g\u{061C}h", "abcdefgh"),
        ("line\u{2028}sep\u{2029}para", "line\nsep\npara"),
    ])
    func hostile(input: String, expected: String) {
        #expect(Sanitizer.clean(input) == expected)
    }

    @Test("Invisible format characters go; soft hyphen, zero-width space, ZWJ and ZWNJ stay for layout and scripts")
    func invisibles() {
        #expect(Sanitizer.clean("\u{FEFF}a\u{2060}b\u{2061}c\u{FFF9}d\u{FFFB}e\u{206A}f") == "abcdef")
        #expect(Sanitizer.clean("soft\u{AD}hy zw\u{200B}sp") == "soft\u{AD}hy zw\u{200B}sp")
        #expect(Sanitizer.clean("👩‍💻 می‌خواهم") == "👩‍💻 می‌خواهم")
        #expect(Sanitizer.cleanLine("soft\u{AD}hy zw\u{200B}sp") == "softhy zwsp")
    }

    @Test("Clean text, curly quotes and dashes included, is returned unchanged")
    func cleanText() {
        for text in ["plain", "“quoted” — dash… ’s", "日本語", "café\u{A0}x", "tab\tnew\nline", "👍🏽🇺🇾"] {
            #expect(Sanitizer.clean(text) == text)
            #expect(!Sanitizer.needsCleaning(text))
        }
    }

    @Test("One-line fields fold white space")
    func oneLine() {
        #expect(Sanitizer.cleanLine("  Hello\n\t world  ") == "Hello world")
        #expect(Sanitizer.cleanLine("a\rb") == "a b")
    }

    @Test("Only absolute http and https URLs with a host may be opened", arguments: [
        ("https://en.mercopress.com/2022/03/08/x", "https://en.mercopress.com/2022/03/08/x"),
        ("  http://example.com/a?b=c#d ", "http://example.com/a?b=c#d"),
        ("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"),
        ("javascript:alert(1)", nil),
        ("file:///etc/passwd", nil),
        ("mailto:a@b.c", nil),
        ("data:text/html,x", nil),
        ("http://", nil),
        ("/relative/path", nil),
        ("https://example.com/\u{1B}]8;;x", nil),
        ("https://example.com/a b", nil),
        ("https://exa\u{202E}mple.com/", nil),
        ("http://example.com/;rm -rf ~", nil),
    ] as [(String, String?)])
    func safeURL(input: String, expected: String?) {
        #expect(Sanitizer.safeURL(input) == expected)
    }

    @Test("mailto is shown as a link but never opened")
    func mailto() {
        #expect(Sanitizer.displayableURL("mailto:editor@example.com") == "mailto:editor@example.com")
        #expect(Sanitizer.safeURL("mailto:editor@example.com") == nil)
        #expect(Sanitizer.displayableURL("javascript:x") == nil)
    }
}

@Suite("One-line fields keep what is text")
struct CleanLineTextTests {
    @Test("A no-break space stays, and a joiner after a space is not folded away with it")
    func keepsText() {
        #expect(Sanitizer.cleanLine("testing \u{A0} entity") == "testing \u{A0} entity")
        #expect(Sanitizer.cleanLine("testing \u{200D} entity") == "testing \u{200D} entity")
        #expect(Sanitizer.cleanLine("testing \u{200C} entity") == "testing \u{200C} entity")
        #expect(Sanitizer.cleanLine("  a \n\t b  ") == "a b")
    }
}

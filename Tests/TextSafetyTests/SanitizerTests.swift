import Testing
@testable import TextSafety

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

    @Test("The byte scan finds exactly the characters cleaning acts on, wherever they sit among others")
    func scanMatchesScalars() {
        var acted = Set<UInt32>([0x7F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB])
        for range: ClosedRange<UInt32> in [0x00...0x08, 0x0B...0x1F, 0x80...0x9F, 0x202A...0x202E, 0x2060...0x206F] {
            acted.formUnion(range)
        }
        let others: [Unicode.Scalar] = ["a", " ", "\n", "\t", "é", "Ж", "—", "“", "東", "👍", "\u{A0}", "\u{AD}", "\u{200B}",
                                        "\u{200D}", "\u{2027}", "\u{FFFC}", "\u{0600}", "\u{C2}", "\u{E2}"]
        let candidates = others + acted.sorted().compactMap(Unicode.Scalar.init)
        var state: UInt64 = 99
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Mostly ordinary characters, now and then one that cleaning acts on.
                let pick = Int(state >> 33)
                text.append(pick % 10 == 0 ? candidates[pick % candidates.count] : others[pick % others.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let string = String(text)
            let expected = string.unicodeScalars.contains { acted.contains($0.value) }
            #expect(Sanitizer.needsCleaning(string) == expected, "\(string.debugDescription)")
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

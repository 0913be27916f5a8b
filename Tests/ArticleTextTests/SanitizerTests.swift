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
    ])
    func hostile(input: String, expected: String) {
        #expect(Sanitizer.clean(input) == expected)
    }

    @Test("One-line fields fold white space")
    func oneLine() {
        #expect(Sanitizer.cleanLine("  Hello\n\t world  ") == "Hello world")
    }
}

import Testing
@testable import ArticleText
import TextSafety

/// The plain-URL shortcut of `URLResolver` against the Foundation path it skips.
@Suite("URL resolution shortcut")
struct URLResolverTests {
    static let references = [
        "https://example.org/story/767693", "http://example.org", "https://example.org?x=1&y=2#top",
        "https://Example.ORG/A_b-c.d~e/f(g)!$&'*+,;=@", "https://example.org/a/../b/./c", "https://example.org#",
        "https://example.org/path?q=a:b/c?d", "http://x.y/#frag?x", "https://example.org/#a#b", "https://ex%41mple.org/",
        "https://example.org/%20x", "https://user@example.org/", "https://example.org:8080/x", "https://exa mple.org/",
        "https://example.org/é", "https://", "https:///path", "https://[::1]/", "https://example.org/a|b",
        "https://example.org/a{b}", "https://example.org/a\"b", "https://example.org/a<b>", "https://example.org/a^b",
        "/story/638449", "/", "//example.org/x", "/a:b", "/a?b#c", "/a b", "/a%2Fb", "story/1", "?q", "#f", "HTTPS://x.org/",
        "mailto:someone@example.org", "https://example.org/a`b", "https://example.org/a\\b", "https://-x.org/", "https://.org/",
        "https://example.org.", "http://1.2.3.4/x", "https://xn--nxasmq6b.example/", "https://example.org/~user/",
    ]

    @Test("A reference the shortcut accepts resolves exactly as through Foundation, with and without a base")
    func shortcutAgrees() {
        for base in [nil, "https://news.example/section/page.html?q=1"] {
            let resolver = DocumentBase(base: base)
            for reference in Self.references {
                #expect(resolver.resolve(reference) == resolver.resolveThroughFoundation(reference),
                        "\(reference) against \(base ?? "no base")")
            }
        }
    }

    @Test("Plain absolute URLs and paths take the shortcut; escapes, ports and other schemes do not")
    func shortcutCoverage() {
        #expect(DocumentBase.plainForm(of: "https://example.org/story/767693") == .absolute)
        #expect(DocumentBase.plainForm(of: "/story/638449") == .path)
        #expect(DocumentBase.plainForm(of: "https://example.org/%20") == .other)
        #expect(DocumentBase.plainForm(of: "https://example.org:80/") == .other)
        #expect(DocumentBase.plainForm(of: "HTTPS://example.org/") == .other)
        #expect(DocumentBase.plainForm(of: "//example.org/") == .other)
        #expect(DocumentBase.plainForm(of: "mailto:a@b") == .other)
    }
}

@Suite("URL schemes")
struct URLSchemeTests {
    @Test("The scheme of common links is found without a Character walk, as the general rule finds it")
    func commonSchemes() {
        #expect(URLResolver.scheme(of: "https://example.org/") == "https")
        #expect(URLResolver.scheme(of: "http://example.org/") == "http")
        #expect(URLResolver.scheme(of: "mailto:a@b.example") == "mailto")
        #expect(URLResolver.scheme(of: "https:") == "https")
        #expect(URLResolver.scheme(of: "HTTPS://example.org/") == "https")
        #expect(URLResolver.scheme(of: "https:\u{301}x") == nil)  // ":" joined by a mark is not the colon
        #expect(URLResolver.scheme(of: "javascript:alert(1)") == "javascript")
        #expect(URLResolver.scheme(of: "/relative") == nil)
        #expect(URLResolver.scheme(of: "1http://x") == nil)
    }

    @Test("Other schemes are read from the bytes as the character walk reads them")
    func otherSchemes() {
        let cases: [(String, String?)] = [
            ("JavaScript:alert(1)", "javascript"), ("data:text/html,x", "data"), ("ab1+.-x:y", "ab1+.-x"),
            ("a:\u{301}b", nil), ("a:\u{301}b:c", nil), (":x", nil), ("é:x", nil), ("x\u{301}:y", nil),
            ("/path:x", nil), ("no colon at all", nil), ("ftp:", "ftp"), ("x y:z", nil), ("Tel:+1", "tel"),
        ]
        for (url, scheme) in cases { #expect(URLResolver.scheme(of: url) == scheme, "\(url.debugDescription)") }
    }
}

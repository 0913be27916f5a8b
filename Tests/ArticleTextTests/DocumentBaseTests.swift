import Testing
@testable import ArticleText
import TextSafety
import TestSupport

/// An article's links: `URLResolver`'s resolution (the one feeds use), then their URI form.
@Suite("Article link resolution")
struct DocumentBaseTests {
    static let base = "https://news.example/section/page.html?q=1#top"

    @Test("Relative, absolute and odd references resolve by RFC 3986 against the page")
    func resolution() {
        let cases: [(String, String?)] = [
            ("https://example.org/story/767693", "https://example.org/story/767693"),
            ("/story/638449", "https://news.example/story/638449"),
            ("story/1", "https://news.example/section/story/1"),
            ("../up", "https://news.example/up"),
            ("?page=2", "https://news.example/section/page.html?page=2"),
            ("#notes", "https://news.example/section/page.html?q=1#notes"),
            ("//cdn.example/i.png", "https://cdn.example/i.png"),
            ("HTTPS://Example.ORG/A", "https://Example.ORG/A"),
            ("https://example.org/a/../b/./c", "https://example.org/b/c"),
            ("mailto:desk@news.example", "mailto:desk@news.example"),
            ("  /lead\n  ", "https://news.example/lead"),
            ("", nil), ("   ", nil),
        ]
        let resolver = DocumentBase(base: Self.base)
        for (reference, expected) in cases {
            #expect(resolver.resolve(reference) == expected, "\(reference.debugDescription)")
        }
    }

    @Test("Spaces, non-ASCII and characters a URI cannot hold are percent-encoded once; escapes stay as written")
    func uriForm() {
        let resolver = DocumentBase(base: Self.base)
        #expect(resolver.resolve("a b.html") == "https://news.example/section/a%20b.html")
        #expect(resolver.resolve("/ünï") == "https://news.example/%C3%BCn%C3%AF")
        #expect(resolver.resolve("/q?x=<y>&z=%5B1%5D") == "https://news.example/q?x=%3Cy%3E&z=%5B1%5D")
        #expect(resolver.resolve("/a|b{c}^`\"") == "https://news.example/a%7Cb%7Bc%7D%5E%60%22")
        #expect(resolver.resolve("https://例え.jp/パス") == "https://例え.jp/%E3%83%91%E3%82%B9")
    }

    @Test("Without a base an absolute link is still normalised and a relative one kept as written")
    func noBase() {
        let resolver = DocumentBase(base: nil)
        #expect(resolver.resolve("HTTP://Example.COM/a/./b") == "http://Example.COM/a/b")
        #expect(resolver.resolve("/story/1") == "/story/1")
        #expect(resolver.resolve("") == nil)
    }

    @Test("A link already in URI form comes back as the same string")
    func plainLinksUnchanged() {
        for link in ["https://example.org/a?b=c&d=e#f", "https://example.org/%20x", "https://[::1]:8080/x"] {
            #expect(URLResolver.uriForm(link) == link)
        }
    }

    @Test("Plain absolute links skip the general steps and come out as those steps make them")
    func plainAbsoluteMatchesGeneral() {
        let pieces = ["https://", "http://", "HTTP://", "mailto:", "ftp:", "example.org", "/a", "/b/", "/./", "/../", "..",
                      "?q=1", "#f", " ", "\t", "\n", "é", "%20", "\"", "<", "|", "{", "\\", "^", "`", "~", ":", "//", "x"]
        var generator = SplitMix64(seed: 41)
        let resolvers = [DocumentBase(base: nil), DocumentBase(base: Self.base), DocumentBase(base: "http://a b.example/ü/x")]
        for _ in 0..<4_000 {
            let reference = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for resolver in resolvers {
                #expect(resolver.resolve(reference) == resolver.resolveInGeneral(reference), "\(reference.debugDescription)")
            }
        }
        #expect(DocumentBase.plainAbsolute("https://example.org/story/767693") == "https://example.org/story/767693")
        #expect(DocumentBase.plainAbsolute("/story/1") == nil)
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

import Foundation
import Testing
import NewsModel
@testable import NewsSources

@Suite("Hostile feeds are harmless")
struct HostileTests {
    /// Regression: the parser's own pre-check missed the invisible format characters the sanitiser removes
    /// (U+FEFF, U+2060–2064, U+206A–206F, U+FFF9–FFFB), so they reached the cache and `gazette parse`.
    @Test("invisible format characters never survive in summaries, bodies or titles", arguments: [
        "\u{FEFF}", "\u{2060}", "\u{2063}", "\u{206A}", "\u{206F}", "\u{FFF9}", "\u{FFFB}",
    ])
    func invisibleFormatCharacters(character: String) throws {
        let entry = try #require(try parse(rss("""
            <item><title>Title\(character)here</title><description>Plain\(character)text</description>
            <content:encoded><![CDATA[<p>Rich\(character)text</p>]]></content:encoded></item>
            """)).feed.entries.first)
        for field in [entry.title, entry.summary, entry.content] {
            let text = try #require(field)
            #expect(!text.contains(character), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(entry.title == "Titlehere")
    }

    @Test("external entities are never resolved")
    func externalEntity() throws {
        let text = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
            <rss><channel><title>a&xxe;b&web;c</title></channel></rss>
            """
        let feed = try parse(text).feed
        #expect(feed.title == "abc")
    }

    @Test("internal entities are expanded")
    func internalEntity() throws {
        let feed = try parse("<!DOCTYPE rss [<!ENTITY who \"World\">]><rss><channel><title>Hello &who;</title></channel></rss>").feed
        #expect(feed.title == "Hello World")
    }

    @Test("a billion-laughs document is refused with an error")
    func billionLaughs() {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let text = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]><rss><channel><title>&lol9;</title></channel></rss>"
        #expect(throws: FeedParseError.self) { try parse(text) }
    }

    @Test("many references to a mid-sized entity hit the expansion budget")
    func quadraticBlowup() {
        let big = String(repeating: "x", count: 50_000)
        let uses = String(repeating: "&a;", count: 1_000)
        let text = "<!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss><channel><title>\(uses)</title></channel></rss>"
        #expect(throws: FeedParseError.entityExpansionLimit(ParseLimits.default.maxEntityExpansion)) { try parse(text) }
    }

    @Test("a document nested 100,000 deep does not overflow the stack")
    func deepNesting() throws {
        let depth = 100_000
        let text = "<rss><channel><title>deep</title><item><title>t</title><description>"
            + String(repeating: "<x>", count: depth) + "core" + String(repeating: "</x>", count: depth)
            + "</description></item></channel></rss>"
        let result = try parse(text)
        #expect(result.feed.entries.count == 1)
        #expect(result.warnings.contains { $0.contains("nested deeper") })
    }

    @Test("a document over the size limit is refused before parsing")
    func sizeLimit() {
        let text = rss(String(repeating: "<item><title>x</title></item>", count: 100))
        #expect(throws: FeedParseError.tooLarge(size: text.utf8.count, limit: 1000)) {
            try parse(text, limits: ParseLimits(maxBytes: 1000))
        }
    }

    @Test("the default size limit is 32 MB")
    func defaultLimit() {
        #expect(ParseLimits.default.maxBytes == 32 * 1024 * 1024)
    }

    @Test("javascript: and data: links are dropped; utm parameters removed")
    func linkPolicy() throws {
        let feed = try parse(rss("""
            <item><title>a</title><link>javascript:alert(1)</link></item>
            <item><title>b</title><link>data:text/html,hi</link></item>
            <item><title>c</title><link>mailto:x@example.org</link></item>
            """)).feed
        #expect(feed.entries.map(\.link) == [nil, nil, "mailto:x@example.org"])
    }

    @Test("dangerous markup is removed from summaries and bodies")
    func dangerousMarkup() throws {
        let html = """
            <p onclick="x()" style="position:fixed">Hi<script>evil()</script><style>p{}</style>
            <a href="javascript:evil()">j</a><a href="/ok">ok</a><iframe src="https://evil.example/">fallback</iframe>
            <form action="/post"><input name="q"><button>Go</button></form></p>
            """
        let item = try parse(rss("<item><title>x</title><description><![CDATA[\(html)]]></description></item>")).feed.entries[0]
        let summary = try #require(item.summary)
        for bad in ["script", "evil", "onclick", "style", "javascript", "iframe", "<form", "<input", "<button"] {
            #expect(!summary.contains(bad), "\(bad) survived: \(summary)")
        }
        #expect(summary.contains("<a href=\"https://example.org/ok\">ok</a>"))
        #expect(summary.contains("fallback"))
    }

    @Test("terminal control characters from entities are removed from text fields")
    func controlCharacters() throws {
        let item = try parse(rss("<item><title>a&#27;]0;pwned&#7;b</title></item>")).feed.entries[0]
        #expect(item.title == "a]0;pwnedb")
    }
}

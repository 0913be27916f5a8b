import Testing
@testable import NewsSources
import TestSupport

/// The single-pass sanitiser must give exactly what the token-by-token one gives: same tags, attributes,
/// entity handling and URL resolution, on clean and on damaged HTML.
@Suite("The fast sanitiser equals the token-based one")
struct SanitizerEquivalenceTests {
    static let bases: [String?] = [nil, "http://example.org/dir/feed.xml", "https://Example.org/a/b/?q#f", "mailto:x@y", "",
                                   "ftp://files.example/x", "HTTP://h/", "http://h\"x/", "http://h&x/", "mailto://m/x", " http://h/ "]

    static let pieces: [String] = [
        "<p>", "</p>", "<P CLASS=x>", "<a href=\"/story/1\">", "<a href='../up?x=1&amp;y=2#f'>", "<a href=rel/x>",
        "</a>", "<img src=\"/i.jpg\" alt=\"a &amp; b\">", "<img src=x.png/>", "<br>", "<br/>", "<hr />",
        "<script>if (a < b) {}</script>", "<SCRIPT>x</sCrIpT>", "<style>p{}</style>", "<title>t &amp; u</title>",
        "<select><option>o</select>", "<select><select></select>in</select>", "<textarea/>", "<iframe src=x>f</iframe>",
        "<a href=\"javascript:alert(1)\">", "<a href=\" http://x.org/./a/../b \">", "<a onclick=\"x()\" title=\"t\">",
        "<div style=\"color:red\" id=d>", "</div>", "<!-- c -->", "<!-- <p> -->", "<!--x--\r>", "<!DOCTYPE html>",
        "<?php x ?>", "<", ">", "&", "&amp;", "&lt;", "&#8217;", "&#x2019;", "&#X41;", "&#147;", "&#0;", "&#x110000;",
        "&#99999999999;", "&nbsp;", "&eacute;", "&notanentity;", "&amp", "& b", "&#;", "&#x;", "\"q\"", "a < b",
        "Café", "東京", "\u{212A}bd", "<\u{212A}BD>", "</\u{212A}bd>", "<a\u{301}>", "&#1\u{301};", "<ul><li>x<li>y</ul>",
        "<table><tr><td>c</td></tr></table>", "<a href=\"HTTP://EXAMPLE.ORG/A\">", "<a href=\"//cdn.example/x\">",
        "<a href=\"?q=1\">", "<a href=\"#frag\">", "<a href=\"\">", "<a href>", "<a href=\"/a/./b/../c\">",
        "<img src=\"data:image/png;base64,xx\">", "<a href=\"http://x/?utm_source=a&b=c\">", "<b/ x>", "<a =x>",
        "<a b c=d e = 'f'>", "<video poster=\"p.jpg\" src=v.mp4>", "<blockquote cite=\"/c\">", "\n", " ", "\t",
        "<svg><p>in svg</p></svg>", "<math>m</math>", "<xmp><p></xmp>", "<plaintext>", "<a href=\"&#106;avascript:x\">",
        "<a href=\"http://x.org/&#x2e;&#x2e;/y\">", "<img src=\"/img/1.jpg\" alt=\"\">", "<figure>", "</figure>",
        "<a href=\"/x?a<b\">", "<img src='/a\"b'>", "<a href=\"/a&amp;b\">", "<a href=HTTPS://x/y>", "<a href=\"ftp://f/x\">",
        "<a \u{0}href=\"/x\">", "<p\u{0}>", "<B\u{0}>", "<img SRC=/a.png ALT=x LONGDESC=/l>", "<td COLSPAN=2>",
        "<figcaption>", "<BLOCKQUOTE Cite=/c>", "<a hreF=\"/y\" TITLE=t>", "<hr noshade>",
        "<a href=\"mailto:jo@x.org\">", "<a href=\"https://x.org/./a\">", "<a href=\"/\">", "<img src=\"/a/b/../c.jpg\">",
        "<a href=\"http://x.org\">", "<a href=\"/%7Euser/\">", "<a href=\"tel:+1\">", "<a href=\"/é\">",
    ]

    @Test("random fragments built from tricky pieces sanitise identically")
    func randomFragments() {
        var rng = SplitMix64(seed: 0x5A17_1CE5)
        for _ in 0..<4000 {
            var html = ""
            for _ in 0..<Int(rng.next() % 12) { html += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let base = Self.bases[Int(rng.next() % UInt64(Self.bases.count))]
            #expect(FeedHTMLSanitizer.sanitize(html: html, baseURL: base) == ReferenceSanitizer.sanitize(html: html, baseURL: base),
                    "\(html) against \(base ?? "nil")")
        }
    }

    @Test("mutated fragments, damaged byte by byte, sanitise identically")
    func mutatedFragments() {
        var rng = SplitMix64(seed: 0xB17E_5EED)
        let seeds = [Self.pieces.joined(), Self.pieces.shuffled(using: &rng).joined()]
        for seed in seeds {
            for _ in 0..<600 {
                let html = String(decoding: Mutator.mutate(Array(seed.utf8), using: &rng), as: UTF8.self)
                let base = Self.bases[Int(rng.next() % UInt64(Self.bases.count))]
                #expect(FeedHTMLSanitizer.sanitize(html: html, baseURL: base) == ReferenceSanitizer.sanitize(html: html, baseURL: base))
            }
        }
    }

    @Test("a typical story body keeps its text and markup, with URLs resolved and entities decoded")
    func typicalBody() {
        let html = "<p>Senate &amp; rain &#8217;<a href=\"/story/5\">x</a> Café &nbsp;.</p><figure><img src=\"/img/1.jpg\" alt=\"m\"></figure>"
        let expected = "<p>Senate &amp; rain \u{2019}<a href=\"http://h/story/5\">x</a> Café \u{A0}.</p><figure><img src=\"http://h/img/1.jpg\" alt=\"m\" /></figure>"
        #expect(FeedHTMLSanitizer.sanitize(html: html, baseURL: "http://h/feed") == expected)
    }
}

@Suite("Short name table")
struct ShortNameTableTests {
    @Test("every short allow-listed name is found under its packed key, and nothing else is")
    func lookups() {
        for (name, role) in FeedHTMLSanitizer.elementRoles {
            let key = Array(name.uppercased().utf8).withUnsafeBufferPointer {
                ShortNameTable<FeedHTMLSanitizer.ElementRole>.key($0, from: 0, to: $0.count, lowercasing: true)
            }
            if name.utf8.count <= 7 { #expect(key.flatMap(FeedHTMLSanitizer.shortElementRoles.value(for:)) == role, "\(name)") } else { #expect(key == nil) }
        }
        for probe in ["\u{0}a", "a\u{0}", "hre", "hreff", "x", ""] {
            let key = Array(probe.utf8).withUnsafeBufferPointer { ShortNameTable<Bool>.key($0, from: 0, to: $0.count, lowercasing: true) }
            #expect(key.flatMap(FeedHTMLSanitizer.shortAttributeRoles.value(for:)) == nil, "\(probe)")
        }
    }
}

import Foundation
import Testing
@testable import NewsSources
import TextSafety

/// The byte-level shortcuts for common URLs and dates must give what the general code gives, and must
/// decline (send to the general code) whatever they are not sure of.
@Suite("Quick paths equal the general code")
struct QuickPathTests {
    static let references = [
        "http://example.org/a/b", "https://example.org/a/./b", "https://example.org/a/../b", "HTTP://Example.org/x",
        "/story/1", "/story/../1", "/./x", "//cdn.example/x", "img/1.jpg", "../up", "?q=1", "#f", "", " /pad ",
        "mailto:jo@example.org", "javascript:alert(1)", "data:text/html,x", "http://x.org/a.b/c.d?e=.f#..g",
        "/a?b=/../c", "/a#/./b", "http:/x", "http://h?x#y", "http://h#y?x", "/caf\u{E9}", "http://h/\u{E9}/../x",
        "ht\u{301}tp://x", "http:\u{301}//x", "h1+-.:x", "1http:x", "/a/b/", "/", "http://u@h:8080/p;q?r#s",
        "http://x/?utm_source=a&b=c", "http://x/?a=1&&utm_medium=b#f", "http://x/?UTM_x=1", "http://x/#?utm_a=1",
        "Http://x/?utm_a=1&b=2", "x?utm_a=1", "http://x/?utm_=1&utm=2&a", "http://x/?a b&utm_c=d", "\thttp://x/\n",
    ]
    static let bases = ["http://example.org/dir/feed.xml", "https://h", "https://h?q", "https://h#f", "http://H/x",
                        "mailto:x@y", "http:/x", "relative/base", "http://h:1/a/b/?q#f", "http://\u{E9}/x", " http://h/x "]

    @Test("resolving every reference against every base matches the component-by-component resolution")
    func resolve() {
        for reference in Self.references {
            for base in Self.bases {
                let trimmed = reference.trimmingXMLSpace()
                #expect(URLResolver.resolve(reference, against: base) == URLResolver.resolveByComponents(trimmed, against: base),
                        "\(reference) against \(base)")
            }
        }
    }

    @Test("the quick resolution takes the common shapes and declines dot segments and upper-case schemes")
    func quickResolveCoverage() {
        #expect(URLResolver.quickResolve("https://example.org/a/b.html", against: "http://h/") == "https://example.org/a/b.html")
        #expect(URLResolver.quickResolve("/story/5?x=1#y", against: "http://h:1/feed") == "http://h:1/story/5?x=1#y")
        #expect(URLResolver.quickResolve("/a/../b", against: "http://h/") == nil)
        #expect(URLResolver.quickResolve("HTTP://h/", against: "http://h/") == nil)
        #expect(URLResolver.quickResolve("rel", against: "http://h/") == nil)
    }

    @Test("scheme detection on the bytes matches the character-by-character one")
    func scheme() {
        for reference in Self.references + Self.bases {
            #expect(URLResolver.scheme(of: reference) == URLResolver.schemeByCharacters(of: reference), "\(reference)")
        }
    }

    @Test("tracking parameters are removed exactly as the component-by-component code removes them")
    func tracking() {
        var quick = 0
        for link in Self.references {
            guard let shortcut = URLResolver.quickRemovingTrackingParameters(link) else { continue }
            quick += 1
            #expect(shortcut == URLResolver.removingTrackingParametersByComponents(link), "\(link)")
        }
        #expect(quick > 20)
        #expect(URLResolver.quickRemovingTrackingParameters("Http://x/?utm_a=1") == nil)
        #expect(URLResolver.removingTrackingParameters("http://x/?a=1&&utm_medium=b#f") == "http://x/?a=1#f")
    }

    static let dates = [
        "Sun, 01 Nov 2026 11:18:14 +0000", "Mon, 1 Jan 2024 00:00:00 GMT", "Tue, 31 Dec 2003 23:59:59 -0530",
        "01 Nov 2026 11:18 +0100", "wed, 02 feb 2022 10:10:10 utc", "Thu, 03 MAR 2022 10:10:10 UT",
        "Fri, 04 Apr 2022 10:10:10 Z", "Sat, 05 May 2022 10:10:10 EST", "Sun, 31 Feb 2022 10:10:10 +0000",
        "Sun, 01 Nov 2026 25:00:00 +0000", "Sun, 01 Nov 2026 11:60:00 +0000", "Sun, 01 Nov 2026 11:18:61 +0000",
        "Sun, 01 Nov 0000 11:18:14 +0000", "Sun, 01 Xyz 2026 11:18:14 +0000", "Mar, 01 Nov 2026 11:18:14 +0000",
        "Sun,01 Nov 2026 11:18:14 +0000", "Sun, 01 Nov 2026 11:18:14 +00:00", "Sun, 01 Nov 2026 11:18:14 +0000 ",
        "Sun, 01 Nov 2026 11:18:14", "Sun, 001 Nov 2026 11:18:14 +0000", "Sun, 01 Nov 26 11:18:14 +0000",
        "Sun, 01 Nov 2026 11:18:14 +9999", "Sunday, 01 Nov 2026 11:18:14 +0000", "Sun, 1 November 2026 11:18:14 GMT",
    ]

    @Test("the common RFC 822 shape reads the same as the token reader, and other shapes are declined")
    func rfc822() {
        for text in Self.dates {
            #expect(FeedDateParser.rfc822(text) == FeedDateParser.rfc822ByTokens(text), "\(text)")
        }
        var common = "Tue, 31 Dec 2003 23:59:59 -0530"
        #expect(common.withUTF8(FeedDateParser.commonRFC822) != nil)
        var other = "Sat, 05 May 2022 10:10:10 EST"
        #expect(other.withUTF8(FeedDateParser.commonRFC822) == nil)
    }
}

/// The reader's name splitting on bytes must match the character-based splitting it replaced.
@Suite("XML name splitting on bytes")
struct NameSplitTests {
    static let names = ["a", "dc:creator", "xml:base", "xmlns:dc", ":x", "x:", "::", "a::b", "a:b:c", "", ":", "é:x",
                        "\u{600}:x", "a:\u{301}b", "ns:Élan", "CONTENT:Encoded", "a:b:"]

    @Test("attribute local names and qualified-name halves equal the character-based split")
    func split() {
        for name in Self.names {
            #expect(XMLName.attributeLocalName(name) == (name.split(separator: ":", maxSplits: 1).last ?? ""), "\(name)")
            let (prefix, local) = XMLName.split(name)
            if let colon = name.firstIndex(of: ":") {
                #expect(prefix == name[..<colon] && local == name[name.index(after: colon)...], "\(name)")
            } else {
                #expect(prefix == "" && local == Substring(name), "\(name)")
            }
        }
    }
}

/// The XML reader's shortcut for common references must read every reference as the general path does.
@Suite("XML reference shortcut")
struct XMLReferenceTests {
    @Test("each common name is one scalar in HTML's table, and not one the reader redefines")
    func commonNamesAreSingleScalars() {
        for name in EntityText.commonNames where !["amp", "lt", "gt", "quot", "apos"].contains(name) {
            #expect(HTMLEntities.named(name) == EntityText.scalar(for: Substring(name)).map { String(Character($0)) }, "\(name)")
            #expect(name != "lang" && name != "rang")
        }
    }

    @Test("text and attributes full of references read the same with the shortcut as without, declared entities or not")
    func references() throws {
        let body = "&lt;p&gt;a &amp;amp; b &quot;c&quot; &apos;d&apos; &#147;q&#148; &#x2019; &#X41; &#0; &#1114112; &#00000000065; &#x0000000041; &#xFFFFFFFF; &#4294967296; &nbsp;&eacute;&hellip;&AMP;&Auml;&lang;&rang;&unknown;&#x;&#12a;&lt &#x1F600;"
        for doctype in ["", "<!DOCTYPE rss [<!ENTITY nbsp \"NB\"><!ENTITY lt \"LT\">]>"] {
            let document = Array((doctype + rss("<item a=\"\(body)\"><description>\(body)</description></item>")).utf8)
            var results: [[String]] = []
            for quick in [true, false] {
                var reader = LenientXMLReader(maxDepth: 64, maxEntityExpansion: 1 << 20, documentBase: nil)
                reader.quickReferences = quick
                var texts: [String] = []
                _ = try document.withUnsafeBufferPointer { bytes in
                    try reader.read(bytes) { node, _ in
                        texts.append(node.child("description")?.text ?? "-")
                        texts.append(node.attribute("a") ?? "-")
                    }
                }
                results.append(texts)
            }
            #expect(results[0] == results[1], "\(doctype)")
            #expect(results[0].first?.hasPrefix("<p>a &amp; b \"c\" 'd' \u{201C}q\u{201D}") == true)
        }
    }
}

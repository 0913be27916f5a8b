import Foundation
import Testing
@testable import NewsSources
import TestSupport
import TextSafety

/// Parsing a document whose bytes are known to be well-formed UTF-8 makes its strings without validating
/// each (`ByteScan.string(validatedUTF8:)`); it must read exactly what the checking path reads, and the
/// sanitiser's packed element names must match end tags as strings did.
@Suite("Validated text reads as checked text")
struct ValidatedTextTests {
    static let documents: [String] = [
        """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Café &amp; 東京</title><link>http://example.org/</link>
        <item><title>Ελληνικά — née &eacute;t&eacute; &#x1F600;</title><link>/story/1?utm_source=x&amp;b=2</link>
        <dc:creator>李小龙</dc:creator><description>&lt;p&gt;Tiếng Việt &amp;lt;b&amp;gt; &amp;#147;q&amp;#148;&lt;/p&gt;</description>
        <content:encoded><![CDATA[<P CLASS="x">Smørrebrød <a HREF="/a/é">på</a> <img src="/i.jpg" alt="ü &amp; ö"> &nbsp;</p><KBD>k</\u{212A}bd>]]></content:encoded>
        <category>naïve</category></item></channel></rss>
        """,
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:ü="http://purl.org/dc/elements/1.1/" xml:base="http://example.org/base/">
        <title type="html">&lt;b&gt;Ωmega&lt;/b&gt;</title><entry><title>x</title><ü:creator>Zoë</ü:creator>
        <content type="html">&lt;blockquote&gt;&lt;p&gt;مرحبا &amp;eacute;&lt;/p&gt;&lt;/blockquote&gt;&lt;figcaption&gt;서울&lt;/FIGCAPTION&gt;</content>
        <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>é<b>ü</b></p></div></summary>
        <link rel="alternate" href="é/1"/></entry></feed>
        """,
        // A reference cut at 40 bytes inside multi-byte letters, declared entities, bare `&`, an unclosed CDATA.
        """
        <!DOCTYPE rss [<!ENTITY me "Mé &amp; moi"><!ENTITY ext SYSTEM "file:///x">]>
        <rss><channel><item><title>&\(String(repeating: "é", count: 30));&me;&ext; a & b &é; &#12é;</title>
        <description a\u{301}="ü">ok</description></item><item><title><![CDATA[été
        """,
    ]

    /// Parses `bytes` the way `FeedParser` does, saying whether they are known valid.
    static func parse(_ bytes: [UInt8], validUTF8: Bool) throws -> ParseResult {
        let assembler = FeedAssembler(documentURL: "https://example.org/feed.xml", fetchedAt: Date(timeIntervalSince1970: 2e9))
        return try bytes.withUnsafeBufferPointer {
            try FeedParser.parseXML($0, encoding: "utf-8", warnings: [], validUTF8: validUTF8, assembler: assembler,
                                    limits: .default)
        }
    }

    /// Both paths' results for one document; nil from a path means it threw.
    static func bothPaths(_ bytes: [UInt8]) -> (ParseResult?, ParseResult?) {
        (try? parse(bytes, validUTF8: true), try? parse(bytes, validUTF8: false))
    }

    @Test("feeds full of non-ASCII text, names and references parse the same with and without validating each string")
    func documents() throws {
        for document in Self.documents {
            let (fast, checked) = Self.bothPaths(Array(document.utf8))
            #expect(fast != nil && fast == checked, "\(document.prefix(60))")
        }
        #expect(try Self.parse(Array(Self.documents[0].utf8), validUTF8: true).feed.entries.first?.author == "李小龙")
    }

    @Test("mutated feeds that are still UTF-8 parse the same with and without validating each string")
    func mutatedDocuments() {
        var rng = SplitMix64(seed: 0x7E57_0DD5)
        var compared = 0
        for document in Self.documents {
            for _ in 0..<400 {
                let bytes = Mutator.mutate(Array(document.utf8), using: &rng)
                guard bytes.withUnsafeBufferPointer({ ByteScan.isValidUTF8($0) }) else { continue }
                let (fast, checked) = Self.bothPaths(bytes)
                #expect(fast == checked, "\(String(decoding: bytes, as: UTF8.self))")
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    @Test("packed element names are equal exactly when the lower-cased names are equal as strings")
    func elementNames() {
        let names = ["p", "b", "kbd", "k", "b;", "b\u{37E}", "a`", "a\u{1FEF}", "abcdefg", "abcdefgh", "figcaption",
                     "caf\u{E9}", "cafe\u{301}", "\u{E9}", "e\u{301}", "blockquote", "x:y", ""]
        for a in names {
            for b in names {
                #expect((ElementName(a) == ElementName(b)) == (a == b), "\(a) \(b)")
            }
            #expect(ElementName(a).text == a)
            var written: [UInt8] = []
            ElementName(a).write(into: &written)
            #expect(written == Array(a.utf8))
        }
        #expect(ElementName("kbd").long == nil && ElementName("figcaption").long == "figcaption")
    }

    @Test("end tags written in another case, or with a letter that lower-cases to ASCII, close their elements as before")
    func sanitiserNames() {
        let fragments = ["<KBD>a</\u{212A}bd>b", "<Blockquote>q</BLOCKQUOTE>x", "<figcaption>c</FigCaption>d",
                         "<b\u{37E}>x</b;>y", "<SCRIPT>s</script\u{37E}>t</script>u", "<em><\u{212A}BD>k</em>z",
                         "<multicol><spacer>s</SPACER></multicol>", "<p>x<b>y</p>z"]
        for html in fragments {
            #expect(FeedHTMLSanitizer.sanitize(html: html, baseURL: nil) == ReferenceSanitizer.sanitize(html: html, baseURL: nil),
                    "\(html)")
        }
    }
}

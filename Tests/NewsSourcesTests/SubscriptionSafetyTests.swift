import TextSafety
import Foundation
import Testing
@testable import NewsSources

/// Subscriptions from hostile or broken files: nothing control reaches the urls file, an export or a
/// message, a bad line costs a short warning, and big or deep OPML files cost time in proportion.
@Suite("Subscriptions from hostile files")
struct SubscriptionSafetyTests {
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("A NUL byte skips its line whole: it never becomes a shorter URL, another subscription")
    func nulByte() {
        let (subscriptions, problems) = UrlsFile.parse("http://a.example/feed\u{0}http://b.example/feed\nhttp://c.example/rss\n")
        #expect(subscriptions.map(\.url) == ["http://c.example/rss"])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 1)
        #expect(problems.first?.message.contains("NUL") == true)
        #expect(!Self.hasControl(problems.first?.description ?? ""))
    }

    @Test("A huge bad line is quoted as a short, cleaned excerpt")
    func hugeBadLine() {
        let line = "gopher://" + String(repeating: "\u{1B}[31mx", count: 200_000)
        let (_, problems) = UrlsFile.parse(line + "\n")
        let message = problems.first?.description ?? ""
        #expect(problems.count == 1)
        #expect(message.count < 300)
        #expect(!Self.hasControl(message))
        #expect(message.contains("…"))
    }

    @Test("Control characters are percent-encoded in URLs, and nothing else changes")
    func percentEncoding() {
        #expect(Sanitizer.percentEncodingControls("http://a.example/f?x=\u{1B}]0;P\u{7}") == "http://a.example/f?x=%1B]0;P%07")
        #expect(Sanitizer.percentEncodingControls("http://a.example/\u{9B}x") == "http://a.example/%C2%9Bx")
        #expect(Sanitizer.percentEncodingControls("http://a.example/ü?q=1") == "http://a.example/ü?q=1")
    }

    @Test("An export of subscriptions carrying ESC and BEL is well-formed and imports back without them")
    func exportIsWellFormed() throws {
        let subscriptions = [Subscription(url: "http://a.example/f?x=\u{1B}]0;PWNED\u{7}", tags: ["ne\u{1B}ws"],
                                          title: "Title \u{1B}[2J\u{9B}1m")]
        let exported = OPML.export(subscriptions)
        #expect(!Self.hasControl(exported))
        let back = try OPML.parse(Data(exported.utf8))
        #expect(back.map(\.url) == ["http://a.example/f?x=%1B]0;PWNED%07"])
        #expect(back.first?.tags == ["news"])
        #expect(back.first?.title == "Title [2J1m")
    }

    @Test("C1 controls in an imported OPML file reach neither URLs, titles nor tags")
    func importCleans() throws {
        let opml = """
            <?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Desk \u{9B}1m">
            <outline text="Wire \u{9B}2J" xmlUrl="http://a.example/f\u{9B}31m.rss"/></outline></body></opml>
            """
        let subscriptions = try OPML.parse(Data(opml.utf8))
        #expect(subscriptions.map(\.url) == ["http://a.example/f%C2%9B31m.rss"])
        #expect(subscriptions.first?.title == "Wire 2J")
        #expect(subscriptions.first?.tags == ["Desk 1m"])
    }

    @Test("A 10,000-deep chain of folders of one name gives its feed one tag")
    func deepChain() throws {
        let depth = 10_000
        let opml = "<opml version=\"2.0\"><body>" + String(repeating: "<outline text=\"Deep\">", count: depth)
            + "<outline text=\"F\" xmlUrl=\"http://a.example/f\"/>" + String(repeating: "</outline>", count: depth)
            + "</body></opml>"
        let subscriptions = try OPML.parse(Data(opml.utf8))
        #expect(subscriptions.first?.tags == ["Deep"])
    }

    @Test("OPML errors say what is wrong and where, not a Foundation error number")
    func readableErrors() {
        let cases = [
            "<opml version=\"2.0\"><body><outline text=\"a\"></body></opml>",
            "<opml version=\"2.0\"><body><outline text=\"a & b\"/></body></opml>",
            "<opml version=\"2.0\"><body><outline text=\"a\u{1}\"/></body></opml>",
        ]
        for text in cases {
            do {
                _ = try OPML.parse(Data(text.utf8))
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(!error.description.contains("NSXMLParserErrorDomain"), "\(error.description)")
                #expect(!error.description.contains("XML error"), "\(error.description)")
                #expect(error.description.contains("line 1"), "\(error.description)")
            }
        }
    }

    /// The reason an OPML text is refused, or nil when it imports.
    static func refusal(_ text: String) -> OPML.ImportError? {
        do { _ = try OPML.parse(Data(text.utf8)); return nil } catch { return error }
    }

    @Test("Each kind of broken OPML is refused with its own reason and the right line")
    func brokenKinds() {
        let head = "<opml version=\"2.0\"><body>\n"
        let cases: [(body: String, reason: String)] = [
            ("<outline text=\"a\"></body></opml>", "does not match <outline>"),
            ("<outline text=\"Tom & Jerry\"/></body></opml>", "bare '&'"),
            ("<outline text=\"&bogus;\"/></body></opml>", "unknown entity '&bogus;'"),
            ("<outline text=\"a\" text=\"b\"/></body></opml>", "given twice"),
            ("<outline text=a/></body></opml>", "without a quoted value"),
            ("<outline text=\"a\" <outline/></body></opml>", "not closed with '>'"),
            ("<!-- never closed </body></opml>", "comment that is never closed"),
            ("<outline text=\"a\"/></body></opml><opml/>", "after the end of the document"),
            ("<outline text=\"a\"/></body></opml></opml>", "comes after the end of the document"),
            ("<outline text=\"a\"/>", "ends before </body>"),
            ("<outline text=\"a", "ends inside the tag <outline>"),
        ]
        for (body, reason) in cases {
            guard case .malformed(let line, let said)? = Self.refusal(head + body) else {
                Issue.record("expected a refusal for \(body)"); continue
            }
            #expect(said.contains(reason), "\(body): \(said)")
            #expect(line == 2, "\(body): line \(line)")
        }
    }

    @Test("HTML's named entities and a file's own internal entities are read; external ones never fetched")
    func entities() throws {
        let opml = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY desk "Foreign&#160;desk"><!ENTITY leak SYSTEM "file:///etc/passwd">]>
            <opml version="2.0"><body><outline text="&desk;">
            <outline text="Caf&eacute;&nbsp;news&leak;" xmlUrl="http://a.example/f?a=1&amp;b=2"/></outline></body></opml>
            """
        let subscriptions = try OPML.parse(Data(opml.utf8))
        #expect(subscriptions == [Subscription(url: "http://a.example/f?a=1&b=2", tags: ["Foreign\u{A0}desk"],
                                               title: "Caf\u{E9}\u{A0}news")])
    }

    @Test("An entity bomb is refused within the expansion budget")
    func billionLaughs() {
        var doctype = "<!DOCTYPE opml [<!ENTITY l0 \"laugh laugh laugh laugh\">"
        for level in 1...12 {
            doctype += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        doctype += "]>"
        let error = Self.refusal(doctype + "<opml><body><outline text=\"&l12;\" xmlUrl=\"http://a.example/\"/></body></opml>")
        #expect(error == .entityExpansion(limit: OPML.maxEntityExpansion))
    }

    @Test("A feed nested deeper than the reader keeps elements is still imported, under its outer folders")
    func deeperThanKept() throws {
        let depth = OPML.maxDepth * 3
        var opml = "<opml version=\"2.0\"><body><outline text=\"Top\">"
        for level in 0..<depth { opml += "<outline text=\"L\(level % 3)\">" }
        opml += "<outline text=\"Deep feed\" xmlUrl=\"http://deep.example/f\"/>"
        opml += String(repeating: "</outline>", count: depth) + "<outline text=\"After\" xmlUrl=\"http://after.example/f\"/>"
        opml += "</outline></body></opml>"
        let subscriptions = try OPML.parse(Data(opml.utf8))
        #expect(subscriptions.map(\.url) == ["http://deep.example/f", "http://after.example/f"])
        #expect(subscriptions.first?.tags == ["Top", "L0", "L1", "L2"])
        // The end tags of the flattened folders closed them, not the folders kept: "After" is back in "Top".
        #expect(subscriptions.last?.tags == ["Top"])
    }

    @Test("A 50,000-feed OPML file imports every feed once")
    func hugeFile() throws {
        var opml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml version=\"2.0\"><head><title>big</title></head><body>\n"
        for folder in 0..<50 {
            opml += "<outline text=\"Folder \(folder)\">\n"
            for feed in 0..<1_000 {
                opml += "<outline type=\"rss\" text=\"Feed \(folder)-\(feed)\" xmlUrl=\"http://f\(folder).example/\(feed).xml\"/>\n"
            }
            opml += "</outline>\n"
        }
        opml += "<outline text=\"dup\" xmlUrl=\"http://f0.example/0.xml\"/></body></opml>\n"
        let subscriptions = try OPML.parse(Data(opml.utf8))
        #expect(subscriptions.count == 50_000)
        #expect(subscriptions[49_999] == Subscription(url: "http://f49.example/999.xml", tags: ["Folder 49"],
                                                      title: "Feed 49-999"))
    }

    @Test("An OPML file in ISO-8859-1 is read as its declaration says")
    func latin1() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><body><outline text=\"Caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\" xmlUrl=\"http://c.example/f\"/></body></opml>".utf8)
        let subscriptions = try OPML.parse(Data(bytes))
        #expect(subscriptions.first?.title == "Caf\u{E9}")
    }

    @Test("Elements OPML does not define, even feed-like ones, neither restart nor hide the outlines")
    func foreignElements() throws {
        let opml = """
            <opml version="2.0"><head><channel>x</channel></head><body><rss/>
            <outline text="A" xmlUrl="http://a.example/f"/><item/><outline text="B" xmlUrl="http://b.example/f"/></body></opml>
            """
        #expect(try OPML.parse(Data(opml.utf8)).map(\.url) == ["http://a.example/f", "http://b.example/f"])
    }
}

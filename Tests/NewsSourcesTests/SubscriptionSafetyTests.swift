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
}

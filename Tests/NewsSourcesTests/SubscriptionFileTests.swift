import Foundation
import Testing
@testable import NewsSources

@Suite("The urls file, in newsboat's format")
struct UrlsFileTests {
    @Test("URLs, tags, quoted tags and ~titles are read; comments and blank lines are skipped")
    func parse() {
        let text = """
        # my feeds
        https://en.mercopress.com/rss/latin-america news "South America" "~MercoPress LatAm"

        https://example.org/feed.xml tech
        hackernews:top
        """
        let (subs, problems) = UrlsFile.parse(text)
        #expect(problems.isEmpty)
        #expect(subs == [
            Subscription(url: "https://en.mercopress.com/rss/latin-america", tags: ["news", "South America"],
                         title: "MercoPress LatAm"),
            Subscription(url: "https://example.org/feed.xml", tags: ["tech"]),
            Subscription(url: "hackernews:top"),
        ])
        #expect(subs[2].kind == .hackerNews)
    }

    @Test("Windows line ends, tabs and Unicode spaces around and between fields are white space")
    func whiteSpace() {
        let text = "https://a.example/feed\ttech\r\n\u{00A0} https://b.example/feed\u{3000}\"two words\"\u{00A0}\r\n\r\n"
        let (subs, problems) = UrlsFile.parse(text)
        #expect(problems.isEmpty)
        #expect(subs == [Subscription(url: "https://a.example/feed", tags: ["tech"]),
                         Subscription(url: "https://b.example/feed", tags: ["two words"])])
    }

    @Test("A bad line is reported with its number and skipped; the others still count")
    func badLines() {
        let text = "https://a.example/feed\nnot a url\nhttps://b.example/feed \"open quote\nquery:unread:unread = \"yes\"\n"
        let (subs, problems) = UrlsFile.parse(text)
        #expect(subs.map(\.url) == ["https://a.example/feed"])
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems[1].message == "unclosed quote")
        #expect(problems[2].message.contains("not supported"))
    }

    @Test("A URL listed twice counts once and the repeat is reported")
    func duplicates() {
        let (subs, problems) = UrlsFile.parse("https://a.example/f\nhttps://a.example/f tag\n")
        #expect(subs.count == 1)
        #expect(problems == [LineProblem(line: 2, message: "https://a.example/f is listed twice; the first line counts")])
    }

    @Test("Adding and removing keeps the user's other lines and comments")
    func editing() {
        let original = "# keep me\nhttps://a.example/f\n"
        let added = UrlsFile.appending(Subscription(url: "https://b.example/f", tags: ["two words"], title: "B"),
                                       to: original)
        #expect(added == "# keep me\nhttps://a.example/f\nhttps://b.example/f \"two words\" \"~B\"\n")
        #expect(UrlsFile.parse(added).subscriptions.last ==
                Subscription(url: "https://b.example/f", tags: ["two words"], title: "B"))
        let (removed, didRemove) = UrlsFile.removing("https://a.example/f", from: added)
        #expect(didRemove)
        #expect(removed == "# keep me\nhttps://b.example/f \"two words\" \"~B\"\n")
        #expect(UrlsFile.removing("https://none.example/", from: removed).removed == false)
    }
}

@Suite("OPML import and export")
struct OPMLTests {
    @Test("Folders become tags and xmlUrl is found in any letter case")
    func importFolders() throws {
        let opml = """
        <?xml version="1.0"?>
        <opml version="1.0"><head><title>subs</title></head><body>
          <outline text="South Atlantic">
            <outline type="rss" text="MercoPress Falklands" xmlUrl="https://en.mercopress.com/rss/falkland-islands"/>
            <outline text="Deeper"><outline text="Nested" XMLURL="https://n.example/feed"/></outline>
          </outline>
          <outline type="link" text="Loose" xmlurl="https://l.example/atom"/>
          <outline text="Empty folder"/>
        </body></opml>
        """
        let subs = try OPML.parse(Data(opml.utf8))
        #expect(subs == [
            Subscription(url: "https://en.mercopress.com/rss/falkland-islands", tags: ["South Atlantic"],
                         title: "MercoPress Falklands"),
            Subscription(url: "https://n.example/feed", tags: ["South Atlantic", "Deeper"], title: "Nested"),
            Subscription(url: "https://l.example/atom", tags: [], title: "Loose"),
        ])
    }

    @Test("Importing an export gives the same subscriptions")
    func roundTrip() throws {
        let subs = [
            Subscription(url: "https://a.example/f?x=1&y=2", tags: ["news", "two words"], title: "A & <B>"),
            Subscription(url: "https://b.example/f"),
            Subscription(url: "https://c.example/f", tags: ["news"]),
        ]
        let exported = OPML.export(subs, now: Date(timeIntervalSince1970: 0))
        #expect(exported.contains("<opml version=\"2.0\">"))
        let back = try OPML.parse(Data(exported.utf8))
        #expect(Set(back) == Set(subs))
    }

    @Test("A file that is not OPML, or not XML, is refused with a reason")
    func notOPML() {
        #expect(throws: OPML.ImportError.notOPML) { try OPML.parse(Data("<rss version=\"2.0\"/>".utf8)) }
        #expect(throws: OPML.ImportError.self) { try OPML.parse(Data("<opml><body><outline".utf8)) }
    }
}

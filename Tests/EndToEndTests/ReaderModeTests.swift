import Foundation
import Testing
import TestSupport

/// Reader mode in the real binary: a summary-only feed on 127.0.0.1 whose story page is served there too.
@Suite("Reader mode: the whole article of a summary-only feed")
struct ReaderModeTests {
    static let headline = "Lighthouse keepers return to Cabo Sombra"
    static let summary = "Two keepers will live at the lighthouse again from March."
    static let paragraphs = [
        "After eleven years of automatic operation, the lighthouse at Cabo Sombra will again have two keepers, "
            + "the maritime authority said on Thursday, because storms, salt and power cuts keep failing its lamp.",
        "The keepers, a married couple from the mainland, will live in the restored cottage beside the tower, "
            + "tend the lamp, the radio beacon and the weather station, and report passing ships each evening.",
        "Fishermen welcomed the news, saying that the light had gone dark at least four times last winter, "
            + "once for a whole night, while boats were still coming home through the reef.",
    ]

    static func feed(_ base: String) -> String {
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Cape Bulletin</title>\
        <item><title>\(headline)</title><link>\(base)/news/keepers</link><guid>keepers-1</guid>\
        <pubDate>Thu, 03 Dec 2026 09:00:00 GMT</pubDate><description>\(summary)</description></item>\
        </channel></rss>
        """
    }

    static var page: String {
        """
        <html><head><title>\(headline)</title><meta property="og:title" content="\(headline)"></head><body>
        <nav><a href="/">Front page</a> <a href="/tides">Tide tables</a></nav>
        <article><h1>\(headline)</h1><div class="share-tools"><a href="#">Share on social media</a></div>
        \(paragraphs.map { "<p>\($0)</p>" }.joined())</article>
        <div class="related"><a href="/x">Ferry strike ends after two days</a></div>
        </body></html>
        """
    }

    @Test("Opening the story shows the whole article from its page; x shows the feed's summary again")
    func wholeArticle() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/feed.xml":
                // The feed names the story by the server's own address, known only once it listens.
                let base = "http://127.0.0.1:\(request.headers["host"]?.split(separator: ":").last ?? "")"
                return LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.feed(base))
            case "/news/keepers":
                return LoopbackServer.Reply(status: 200, contentType: "text/html; charset=utf-8", body: Self.page)
            default:
                return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "not here")
            }
        }
        defer { server.stop() }
        let url = server.baseURL + "/feed.xml"
        let session = try TmuxSession { config, data in
            try? "\(url)\n".write(toFile: config + "/urls", atomically: true, encoding: .utf8)
            return ["--config-dir", config, "--data-dir", data]
        }
        defer { session.close() }
        try session.waitUntil("the reader on an empty cache") { screen in screen.contains { $0.contains("Headlines") } }
        try session.send("R")
        try session.waitFor(Self.headline)
        try session.send("Enter")
        let article = try #require(try session.waitFor("Whole article from the web page"))
        let text = article.joined(separator: " ")
        #expect(text.contains("After eleven years"))
        #expect(!text.contains("Tide tables"))
        #expect(!text.contains("Share on social"))
        #expect(server.requests.contains { $0.path == "/news/keepers" })
        try session.send("x")
        let feedText = try #require(try session.waitFor("Feed's text"))
        #expect(feedText.contains { $0.contains("Two keepers will live") })
        #expect(!feedText.joined(separator: " ").contains("After eleven years"))
        try session.send("x")
        try session.waitFor("Whole article from the web page")
        try session.send("q")
        try session.send("q")
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }
}

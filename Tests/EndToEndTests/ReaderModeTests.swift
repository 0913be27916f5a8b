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

/// `gazette extract`, the command-line face of reader mode, on pages written to files and served on 127.0.0.1.
@Suite("gazette extract")
struct ExtractCommandTests {
    static func write(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-page-\(UUID().uuidString).html")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test("A saved page: the article's paragraphs, separated by blank lines, no title; --metadata puts the fields first")
    func savedPage() throws {
        let file = try Self.write(ReaderModeTests.page)
        defer { try? FileManager.default.removeItem(at: file) }
        let plain = try ProcessRunner.run(try GazetteBinary.path(), ["extract", file.path, "--url", "https://cape.example/news/keepers"])
        #expect(plain.status == 0)
        #expect(plain.standardOutput == ReaderModeTests.paragraphs.joined(separator: "\n\n") + "\n")
        let withFields = try ProcessRunner.run(try GazetteBinary.path(), ["extract", file.path, "--metadata"])
        #expect(withFields.standardOutput.hasPrefix("Title: \(ReaderModeTests.headline)\n\n"))
    }

    @Test("Over HTTP; a page with no article and a PDF are errors that say so")
    func failures() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/story": LoopbackServer.Reply(status: 200, contentType: "text/html", body: ReaderModeTests.page)
            case "/app": LoopbackServer.Reply(status: 200, contentType: "text/html",
                                              body: "<html><body><div id=app></div><script>go()</script></body></html>")
            default: LoopbackServer.Reply(status: 200, contentType: "application/pdf", body: "%PDF-1.7")
            }
        }
        defer { server.stop() }
        let story = try ProcessRunner.run(try GazetteBinary.path(), ["extract", server.baseURL + "/story"])
        #expect(story.status == 0)
        #expect(story.standardOutput.contains("After eleven years"))
        let app = try ProcessRunner.run(try GazetteBinary.path(), ["extract", server.baseURL + "/app"])
        #expect(app.status == 3)
        #expect(app.standardError.contains("no article found"))
        let pdf = try ProcessRunner.run(try GazetteBinary.path(), ["extract", server.baseURL + "/report.pdf"])
        #expect(pdf.status == 2)
        #expect(pdf.standardError.contains("application/pdf, not HTML"))
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The real binary's commands against a hostile server on 127.0.0.1: a page whose feed link carries an
/// escape sequence, endless and trickling bodies. Nothing control reaches standard output, standard error
/// or the urls file; `parse` and `refresh` are bounded the same way.
@Suite("Commands against hostile servers", .serialized)
struct HostileServerCommandTests {
    static let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>
        <item><title>Ferry timetable changes</title><link>http://example.org/ferry</link></item>
        </channel></rss>
        """

    /// A configuration and data folder with `config` as config.toml and `urls` as the urls file.
    struct Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(UUID().uuidString)")
        var config: URL { root.appendingPathComponent("config") }
        var arguments: [String] { ["--config-dir", config.path, "--data-dir", root.appendingPathComponent("data").path] }
        var urls: String { (try? String(contentsOf: config.appendingPathComponent("urls"), encoding: .utf8)) ?? "" }

        init(config text: String = "", urls: String? = nil) throws {
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: config.appendingPathComponent("config.toml"))
            if let urls { try Data(urls.utf8).write(to: config.appendingPathComponent("urls")) }
        }

        func run(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run(try GazetteBinary.path(), arguments + self.arguments)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Whether `text` has a C0 control other than newline and tab, DEL or a C1 control.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("add, export and remove with a page advertising a feed link that carries an escape sequence")
    func discoveryInjection() throws {
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/f.rss") {
                return LoopbackServer.Reply(contentType: "application/rss+xml", body: Self.feed)
            }
            return LoopbackServer.Reply(contentType: "text/html", body: """
                <html><head><title>Harbour</title>
                <link rel="alternate" type="application/rss+xml" href="/f.rss?x=&#27;]0;PWNED&#7;">
                </head><body>news</body></html>
                """)
        }
        let folder = try Folder()
        defer { folder.remove() }
        let added = try folder.run(["add", server.baseURL + "/"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(!Self.hasControl(added.standardOutput + added.standardError))
        #expect(!Self.hasControl(folder.urls))
        #expect(folder.urls.contains("/f.rss?x=%1B]0;PWNED%07"))

        let exported = try folder.run(["export"])
        #expect(exported.status == 0)
        #expect(!Self.hasControl(exported.standardOutput))
        let parser = XMLParser(data: Data(exported.standardOutput.utf8))
        #expect(parser.parse(), "the export is not well-formed XML: \(String(describing: parser.parserError))")

        let removed = try folder.run(["remove", server.baseURL + "/f.rss?x=\u{1B}]0;PWNED\u{07}"])
        #expect(removed.status != 0)
        #expect(!Self.hasControl(removed.standardOutput + removed.standardError))
        #expect(removed.standardError.contains("not subscribed"))
    }

    @Test("refresh names a failing feed from an OPML import without the C1 controls its URL carried")
    func importedControlsInRefreshErrors() throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 404) }
        let folder = try Folder()
        defer { folder.remove() }
        let opml = folder.root.appendingPathComponent("list.opml")
        try Data("""
            <?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
            <outline text="Gone \u{9B}31m" xmlUrl="\(server.baseURL)/gone\u{9B}2J.rss"/>
            </body></opml>
            """.utf8).write(to: opml)
        let imported = try folder.run(["import", opml.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let refreshed = try folder.run(["refresh"])
        #expect(refreshed.standardError.contains("HTTP 404"))
        #expect(!Self.hasControl(refreshed.standardOutput + refreshed.standardError + folder.urls))
    }

    @Test("refresh exits 1 when every feed it tried failed, naming each failure; 0 when one feed worked")
    func everyFeedFailed() throws {
        let server = try LoopbackServer { request in
            request.path == "/good" ? LoopbackServer.Reply(contentType: "application/rss+xml", body: Self.feed)
                : .failure(request.path == "/busy" ? 503 : 404)
        }
        defer { server.stop() }
        let failing = try Folder(urls: "\(server.baseURL)/busy\n\(server.baseURL)/gone\n")
        defer { failing.remove() }
        let failed = try failing.run(["refresh", "--quiet"])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("/busy: HTTP 503"), "\(failed.standardError)")
        #expect(failed.standardError.contains("/gone: HTTP 404"), "\(failed.standardError)")
        #expect(failed.standardError.contains("every feed failed to refresh"), "\(failed.standardError)")

        let mixed = try Folder(urls: "\(server.baseURL)/busy\n\(server.baseURL)/good\n")
        defer { mixed.remove() }
        let refreshed = try mixed.run(["refresh", "--quiet"])
        #expect(refreshed.status == 0, "\(refreshed.standardError)")
        #expect(refreshed.standardError.contains("/busy: HTTP 503"), "\(refreshed.standardError)")
    }

    @Test("parse fetches with refresh's size limit: an endless body is refused, not downloaded")
    func parseSizeLimit() throws {
        let server = try LoopbackServer { _ in .endless(pieces: 8192) }  // 512 MB
        let folder = try Folder(config: "[refresh]\nmax-feed-size-mb = 1\n")
        defer { folder.remove() }
        let parsed = try folder.run(["parse", server.baseURL + "/endless"])
        #expect(parsed.status == 2)
        #expect(parsed.standardError.contains("larger than the limit of 1 MB"), "\(parsed.standardError)")
        #expect(server.bodyBytesSent < 41 << 20)
    }

    @Test("parse and refresh give up on a trickling server after 4 × timeout-seconds; other feeds do not wait")
    func trickle() throws {
        let server = try LoopbackServer { request in
            request.path == "/slow" ? .trickle(Self.feed, delay: 0.5)
                : LoopbackServer.Reply(contentType: "application/rss+xml", body: Self.feed)
        }
        let folder = try Folder(config: "[refresh]\ntimeout-seconds = 1\n",
                                urls: "\(server.baseURL)/slow\n\(server.baseURL)/quick\n")
        defer { folder.remove() }
        let parsed = try folder.run(["parse", server.baseURL + "/slow"])
        #expect(parsed.status == 2)
        #expect(parsed.standardError.contains("not complete after 4 s"), "\(parsed.standardError)")
        #expect(!parsed.standardError.contains("NSURLErrorDomain"))

        let refreshed = try folder.run(["refresh"])
        #expect(refreshed.status == 0, "\(refreshed.standardError)")
        #expect(refreshed.standardError.contains("/slow: not complete after 4 s"), "\(refreshed.standardError)")
        let feeds = try folder.run(["feeds"])
        #expect(feeds.standardOutput.contains("Harbour Notes"))
    }
}

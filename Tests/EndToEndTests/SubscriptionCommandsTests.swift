import Foundation
import Testing

/// The urls file is the truth: `gazette feeds` lists every line, fetched or not, and its problems;
/// `gazette add` refuses what could never be fetched; `gazette remove` removes any line.
@Suite("feeds, add and remove against the urls file")
struct SubscriptionCommandsTests {
    /// A temporary folder pair; the urls file as given.
    struct Folders {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-subs-\(UUID().uuidString)")
        var config: String { root.appendingPathComponent("config").path }
        var urls: String { config + "/urls" }
        var arguments: [String] { ["--config-dir", config, "--data-dir", root.appendingPathComponent("data").path] }

        init(urls text: String) throws {
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            try text.write(toFile: urls, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run(try GazetteBinary.path(), arguments + self.arguments)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("gazette feeds lists a urls file copied in, never-fetched lines marked, bad lines warned about")
    func feedsFromUrlsFile() throws {
        let folders = try Folders(urls: """
            # copied from newsboat
            https://news.example/world.xml world "~World desk"
            hackernews:top
            not a url at all
            """)
        defer { folders.remove() }
        let result = try folders.run(["feeds"])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("No subscriptions yet"))
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.contains { $0.contains("World desk") && $0.contains("<https://news.example/world.xml>") && $0.contains("(never fetched)") })
        #expect(lines.contains { $0.contains("<hackernews:top>") && $0.contains("(never fetched)") })
        #expect(result.standardError.contains("line 4"))
        let json = try folders.run(["feeds", "--json"])
        #expect(json.status == 0 && json.standardOutput.contains("\"url\" : \"hackernews:top\""))
    }

    @Test("after gazette remove, gazette feeds no longer lists the feed")
    func removalShowsAtOnce() throws {
        let folders = try Folders(urls: "https://a.example/feed.xml\nhttps://b.example/feed.xml\n")
        defer { folders.remove() }
        #expect(try folders.run(["remove", "https://a.example/feed.xml"]).status == 0)
        let listed = try folders.run(["feeds"]).standardOutput
        #expect(!listed.contains("a.example") && listed.contains("b.example"))
    }

    @Test("gazette add --no-check refuses what is not an absolute URL nor a known source, and writes nothing")
    func addRefuses() throws {
        let folders = try Folders(urls: "https://a.example/feed.xml\n")
        defer { folders.remove() }
        for bad in ["htp:/bad url", "http:/no-host", "example.org/feed"] {
            let result = try folders.run(["add", "--no-check", bad])
            #expect(result.status != 0, "\(bad)")
            #expect(!result.standardError.isEmpty)
        }
        #expect(try String(contentsOfFile: folders.urls, encoding: .utf8) == "https://a.example/feed.xml\n")
        #expect(try folders.run(["add", "--no-check", "lobsters:hottest"]).status == 0)
    }

    @Test("gazette remove removes a bad line the file has")
    func removeBadLine() throws {
        let folders = try Folders(urls: "https://a.example/feed.xml\n\"htp:/bad url\"\n")
        defer { folders.remove() }
        let result = try folders.run(["remove", "htp:/bad url"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: folders.urls, encoding: .utf8) == "https://a.example/feed.xml\n")
    }
}

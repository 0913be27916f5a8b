import Foundation
import Testing
import TestSupport

/// `gazette sync` and `gazette mark` with a Miniflux and a Tiny Tiny RSS account at once (fixtures on
/// 127.0.0.1 speaking each API as its project documents it), headless.
@Suite("Syncing with Miniflux and Tiny Tiny RSS accounts")
struct MinifluxAndTTRSSSyncTests {
    @Test("gazette sync brings both accounts' stories; gazette mark goes up with the next sync")
    func syncAndMarkBothKinds() throws {
        let flux = try MinifluxFixture()
        let tiny = try TinyTinyRSSFixture()
        let stamp = Date(timeIntervalSince1970: 1_789_500_000)
        flux.addCategory(id: 3, title: "Coast")
        flux.addFeed(.init(id: 21, title: "Tide tables", feedURL: "https://tides.example/feed",
                           siteURL: "https://tides.example/", categoryID: 3))
        flux.addEntry(.init(id: 501, feedID: 21, title: "Lighthouse keeper retires", url: "https://tides.example/501",
                            content: "<p>Forty winters.</p>", published: stamp, changed: stamp))
        tiny.addCategory(id: 2, title: "Rivers")
        tiny.addFeed(.init(id: 7, title: "Valley gazette", feedURL: "https://valley.example/rss", categoryID: 2))
        tiny.addArticle(.init(id: 601, feedID: 7, title: "Ferryman's almanac", link: "https://valley.example/601",
                              content: "<p>Tides and fares.</p>", updated: stamp))

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sync-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try SyncConfigFile.write([flux.syncTable(), tiny.syncTable()], to: root + "/config")
        let folders = ["--config-dir", root + "/config", "--data-dir", root + "/data"]
        let binary = try GazetteBinary.path()

        let first = try ProcessRunner.run(binary, ["sync"] + folders)
        #expect(first.status == 0, "\(first.standardError)")
        for (word, title) in [("Lighthouse", "Lighthouse keeper retires"), ("almanac", "Ferryman's almanac")] {
            let found = try ProcessRunner.run(binary, ["search", "--json", word] + folders)
            let rows = try JSONSerialization.jsonObject(with: Data(found.standardOutput.utf8)) as? [[String: Any]] ?? []
            #expect(rows.first?["title"] as? String == title)
            let id = try #require(rows.first?["id"] as? Int)
            let marked = try ProcessRunner.run(binary, ["mark", String(id), "--read"] + folders)
            #expect(marked.status == 0, "\(marked.standardError)")
        }
        #expect(flux.entry(501)?.status == "unread" && tiny.article(601)?.unread == true)
        let second = try ProcessRunner.run(binary, ["sync"] + folders)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(flux.entry(501)?.status == "read")
        #expect(tiny.article(601)?.unread == false)
    }
}

import Foundation
import Testing
import TestSupport

/// `gazette feeds` with sync accounts: the accounts' feeds listed under each account, with how its last
/// sync went, in text and in JSON.
@Suite("gazette feeds with sync accounts")
struct SyncedFeedsCommandTests {
    @Test("each account follows the urls file's feeds with its outcome and its feeds; --json names the account")
    func feedsListsAccounts() throws {
        let fresh = try GReaderFixture()
        defer { fresh.stop() }
        fresh.fill(feeds: 2, items: 4)
        let flux = try MinifluxFixture()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-feeds-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        try "http://127.0.0.1:9/local.xml\n".write(toFile: root + "/config/urls", atomically: true, encoding: .utf8)
        try SyncConfigFile.write([fresh.syncTable(), flux.syncTable(password: "not the password")], to: root + "/config")
        let folders = ["--config-dir", root + "/config", "--data-dir", root + "/data"]
        let binary = try GazetteBinary.path()

        let synced = try ProcessRunner.run(binary, ["sync"] + folders)
        #expect(synced.status != 0, "flux's password is wrong")
        // One mark made here waits for the next sync.
        let found = try ProcessRunner.run(binary, ["search", "--json", "fixture"] + folders)
        let hits = try JSONSerialization.jsonObject(with: Data(found.standardOutput.utf8)) as? [[String: Any]] ?? []
        let id = try #require(hits.first?["id"] as? Int)
        #expect(try ProcessRunner.run(binary, ["mark", String(id), "--star"] + folders).status == 0)
        let text = try ProcessRunner.run(binary, ["feeds"] + folders)
        #expect(text.status == 0, "\(text.standardError)")
        let lines = text.standardOutput.components(separatedBy: "\n")
        let local = try #require(lines.firstIndex { $0.contains("<http://127.0.0.1:9/local.xml>  (never fetched)") })
        let freshLine = try #require(lines.firstIndex { $0.hasPrefix("account fresh (greader): synced 20") })
        let fluxLine = try #require(lines.firstIndex { $0.hasPrefix("account flux (miniflux): wrong password at 20") })
        #expect(lines[fluxLine].contains("the server refused user 'reader'"))
        #expect(lines[fluxLine].hasSuffix("(never synced)"))
        #expect(lines[freshLine].hasSuffix(", 1 mark to send"))
        #expect(local < freshLine && freshLine < fluxLine, "the urls file first, then config.toml's order")
        #expect(lines[freshLine + 1].contains("Fixture feed 1") && lines[freshLine + 2].contains("Fixture feed 2"))

        let json = try ProcessRunner.run(binary, ["feeds", "--json"] + folders)
        let rows = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(rows.filter { $0["account"] as? String == "fresh" }.compactMap { $0["title"] as? String }
                    == ["Fixture feed 1", "Fixture feed 2"])
        #expect(rows.first?["url"] as? String == "http://127.0.0.1:9/local.xml")
        #expect(rows.first?["account"] == nil)

        // An account taken out of config.toml is still listed, with its feeds, until they are removed.
        try SyncConfigFile.write([fresh.syncTable()], to: root + "/config")
        let after = try ProcessRunner.run(binary, ["feeds"] + folders)
        #expect(after.standardOutput.contains("account flux (miniflux): wrong password"))
        #expect(after.standardOutput.contains("— no longer in config.toml"))
    }
}

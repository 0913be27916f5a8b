import Foundation
import Testing
import TestSupport

/// Syncing with a Google Reader API server (the FreshRSS-shaped fixture on 127.0.0.1): `gazette sync`,
/// reading in the reader, marks going up, and a mark made while the server is down sent when it is back.
@Suite("Syncing with an aggregator account")
struct SyncStoryTests {
    /// The fixture's newest story: unread and not starred.
    static let newest: Int64 = 1_700_000_000_000_005
    static let newestTitle = "Fixture story 5"

    @Test("sync, read a story, sync again: the server has the mark; server down, star, back, sync: it has the star")
    func readAndStarGoUp() throws {
        let fixture = try GReaderFixture()
        defer { fixture.stop() }
        fixture.fill(feeds: 2, items: 6)
        let session = try TmuxSession.syncing([fixture.syncTable()], syncFirst: true)
        defer { session.close() }
        let folders = session.folderArguments
        try session.waitFor(Self.newestTitle)
        try session.waitFor("Fixture feed 2")
        // The reader's start syncs too: once it is done, the mark made next waits for the next sync.
        try session.waitFor("synced 1 account")
        // Opening the story marks it read; the mark waits in the cache for the next sync.
        try session.send("Enter")
        try session.waitFor("Body of fixture story 5")
        try session.send("q")
        try session.send("q")
        _ = try session.waitForExit()
        #expect(fixture.item(Self.newest)?.isRead == false)
        let synced = try ProcessRunner.run(try GazetteBinary.path(), ["sync"] + folders)
        #expect(synced.status == 0, "\(synced.standardError)")
        #expect(fixture.item(Self.newest)?.isRead == true)

        // The server goes down; a star made in the reader stays queued, and the status bar says so.
        fixture.stop()
        let offline = try TmuxSession { _, _ in folders }
        defer { offline.close() }
        try offline.waitFor(Self.newestTitle)
        try offline.send("s")
        try offline.send("R")
        try offline.waitFor("account fresh could not be reached")
        try offline.send("q")
        _ = try offline.waitForExit()
        #expect(fixture.item(Self.newest)?.isStarred == false)

        try fixture.start()
        try SyncConfigFile.write([fixture.syncTable()], to: session.configDirectory)
        let back = try ProcessRunner.run(try GazetteBinary.path(), ["sync"] + folders)
        #expect(back.status == 0, "\(back.standardError)")
        #expect(fixture.item(Self.newest)?.isStarred == true)
    }

    @Test("gazette sync names a wrong password and exits non-zero")
    func wrongPassword() throws {
        let fixture = try GReaderFixture(password: "right")
        defer { fixture.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sync-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        try """
            [[sync]]
            name = "fresh"
            type = "greader"
            url = "\(fixture.apiURL)"
            user = "alice"
            password-command = "echo wrong"
            """.write(toFile: root + "/config/config.toml", atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(try GazetteBinary.path(),
                                           ["sync", "--config-dir", root + "/config", "--data-dir", root + "/data"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("gazette: fresh: the server refused user 'alice'"))
    }

    @Test("A password in a config.toml others can read is refused with the fix")
    func passwordInReadableFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sync-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        let path = root + "/config/config.toml"
        try """
            [[sync]]
            type = "greader"
            url = "https://rss.example/api/greader.php"
            user = "alice"
            password = "secret"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let result = try ProcessRunner.run(try GazetteBinary.path(),
                                           ["sync", "--config-dir", root + "/config", "--data-dir", root + "/data"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("line 5: sync.password: the file can be read by others (mode 644)"))
    }
}

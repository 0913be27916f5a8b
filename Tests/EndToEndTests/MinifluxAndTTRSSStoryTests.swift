import Foundation
import Testing
import TestSupport

/// Syncing with a Miniflux and a Tiny Tiny RSS account in the reader (fixtures on 127.0.0.1 speaking each
/// API as its project documents it, the real binary in tmux): read a story, the next sync sends the mark;
/// the server goes down, a star made meanwhile waits, and goes up once the server is back.
@Suite("Syncing with Miniflux and Tiny Tiny RSS in the reader")
struct MinifluxAndTTRSSStoryTests {
    /// A Miniflux fixture with the category "Coast", its feed "Tide tables" (21) and one unread story (501).
    static func coastServer() throws -> MinifluxFixture {
        let flux = try MinifluxFixture()
        flux.addCategory(id: 3, title: "Coast")
        flux.addFeed(.init(id: 21, title: "Tide tables", feedURL: "https://tides.example/feed",
                           siteURL: "https://tides.example/", categoryID: 3))
        flux.addEntry(.init(id: 501, feedID: 21, title: "Lighthouse keeper retires", url: "https://tides.example/501",
                            content: "<p>Forty winters on the rock.</p>", published: flux.now, changed: flux.now))
        return flux
    }

    @Test("Miniflux: the start syncs; read a story, r sends the mark; server down, star, r says so; back, sync: it has the star")
    func miniflux() throws {
        let flux = try Self.coastServer()
        defer { flux.stop() }
        let stamp = flux.now
        flux.addEntry(.init(id: 502, feedID: 21, title: "Pilot boat renamed", url: "https://tides.example/502",
                            content: "<p>A new name.</p>", published: stamp.addingTimeInterval(-3600), changed: stamp))
        let session = try TmuxSession.syncing([flux.syncTable()], syncFirst: false)
        defer { session.close() }
        // Nothing synced yet: the reader's start brings the account's stories.
        try session.waitFor("synced 1 account: 2 new")
        try session.waitFor("Lighthouse keeper retires")
        try session.send("Enter")
        try session.waitFor("Forty winters on the rock.")
        #expect(flux.entry(501)?.status == "unread")
        // r on a synced story syncs its account: the read mark goes up.
        try session.send("r")
        try session.waitFor("synced account flux (for Tide tables): 0 new")
        #expect(flux.entry(501)?.status == "read")

        flux.stop()
        try session.send("s")
        try session.send("r")
        try session.waitFor("account flux could not be reached")
        #expect(flux.entry(501)?.starred == false)
        // The feed list names the account, how its last sync went and the mark waiting.
        try session.send("F")
        try session.waitFor("flux · unreachable · 1 mark to send")
        try session.send("Escape")
        try session.send("q")
        try session.send("q")
        _ = try session.waitForExit()

        try flux.start()
        try SyncConfigFile.write([flux.syncTable()], to: session.configDirectory)
        let back = try ProcessRunner.run(try GazetteBinary.path(), ["sync"] + session.folderArguments)
        #expect(back.status == 0, "\(back.standardError)")
        #expect(flux.entry(501)?.starred == true)
        #expect(flux.entry(501)?.status == "read")
    }

    @Test("Enter on an account's heading in the feed list shows the stories of all its feeds, titled by its name")
    func accountHeadingIsAView() throws {
        let flux = try Self.coastServer()
        defer { flux.stop() }
        let stamp = flux.now
        flux.addFeed(.init(id: 22, title: "Harbour log", feedURL: "https://harbour.example/feed",
                           siteURL: "https://harbour.example/", categoryID: 3))
        flux.addEntry(.init(id: 502, feedID: 22, title: "Ferry timetable changes", url: "https://harbour.example/502",
                            content: "<p>Winter sailings.</p>", published: stamp.addingTimeInterval(-3600), changed: stamp))
        let session = try TmuxSession.syncing([flux.syncTable()], syncFirst: true)
        defer { session.close() }
        try session.waitFor("synced 1 account")
        try session.send("F")
        try session.waitFor("Harbour log")
        // The account's heading comes after its tag, above its two feeds: the last entry but two.
        try session.send("End")
        try session.send("Up")
        try session.send("Up")
        try session.send("Enter")
        let shown = try #require(try session.waitFor("Headlines · flux"))
        #expect(shown.contains { $0.contains("Lighthouse keeper retires") })
        #expect(shown.contains { $0.contains("Ferry timetable changes") })
        try session.send("q")
        try session.waitFor("Headlines · All stories")
        try session.send("q")
        #expect(try session.waitForExit()?.status == 0)
    }

    @Test("Tiny Tiny RSS: sync, read a story, sync: it has the mark; server down, star, r in the feed list says so; back, sync: it has the star")
    func tinyTinyRSS() throws {
        let tiny = try TinyTinyRSSFixture()
        defer { tiny.stop() }
        let stamp = Date().addingTimeInterval(-600)
        tiny.addCategory(id: 2, title: "Rivers")
        tiny.addFeed(.init(id: 7, title: "Valley gazette", feedURL: "https://valley.example/rss", categoryID: 2))
        tiny.addArticle(.init(id: 601, feedID: 7, title: "Ferryman's almanac", link: "https://valley.example/601",
                              content: "<p>Tides and fares for the spring.</p>", updated: stamp))
        tiny.addArticle(.init(id: 602, feedID: 7, title: "Weir repairs begin", link: "https://valley.example/602",
                              content: "<p>Sluices first.</p>", updated: stamp.addingTimeInterval(-3600)))
        let session = try TmuxSession.syncing([tiny.syncTable()], syncFirst: true)
        defer { session.close() }
        let folders = session.folderArguments
        try session.waitFor("Ferryman's almanac")
        // The reader's start syncs too: once it is done, the mark made next waits for the next sync.
        try session.waitFor("synced 1 account")
        try session.send("Enter")
        try session.waitFor("Tides and fares for the spring.")
        try session.send("q")
        try session.send("q")
        _ = try session.waitForExit()
        #expect(tiny.article(601)?.unread == true)
        let synced = try ProcessRunner.run(try GazetteBinary.path(), ["sync"] + folders)
        #expect(synced.status == 0, "\(synced.standardError)")
        #expect(tiny.article(601)?.unread == false)

        tiny.stop()
        let offline = try TmuxSession { _, _ in folders }
        defer { offline.close() }
        // The start's sync fails; the reader works offline all the same.
        try offline.waitFor("synced 1 account: 0 new, 1 error (account tiny could not be reached")
        try offline.waitFor("Ferryman's almanac")
        try offline.send("s")
        try offline.send("F")
        try offline.waitFor("tiny · unreachable")
        // r on the account's feed syncs the account; the list shows the new outcome with the mark waiting.
        try offline.send("End")
        try offline.send("r")
        try offline.waitFor("synced account tiny: 0 new, 1 error")
        try offline.waitFor("tiny · unreachable · 1 mark to send")
        try offline.send("Escape")
        try offline.send("q")
        _ = try offline.waitForExit()
        #expect(tiny.article(601)?.marked == false)

        try tiny.start()
        try SyncConfigFile.write([tiny.syncTable()], to: session.configDirectory)
        let back = try ProcessRunner.run(try GazetteBinary.path(), ["sync"] + folders)
        #expect(back.status == 0, "\(back.standardError)")
        #expect(tiny.article(601)?.marked == true)
        #expect(tiny.article(601)?.unread == false)
    }
}

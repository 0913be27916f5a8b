import Foundation
import Testing
import TestSupport

/// The reader a Hacker News user expects: subscribe to `hackernews:top` (served by a loopback Hacker News),
/// refresh, open a story and read its comments beside it; fold a thread; jump to a parent.
@Suite("End to end: Hacker News comments", .serialized)
struct HackerNewsCommentsTests {
    static func hackerNews() -> HackerNewsFixture {
        let hn = HackerNewsFixture()
        hn.add(.init(id: 100, type: "story", by: "pat", title: "Show HN: A loom for the terminal",
                     text: "<p>Weaving patterns drawn with box characters.</p>"))
        hn.add(.init(id: 101, by: "ann", text: "Lovely idea, the warp threads look right.", parent: 100))
        hn.add(.init(id: 102, by: "carl", text: "Which font did you use?", parent: 101))
        hn.add(.init(id: 103, by: "dana", text: "Iosevka, judging by the shapes.", parent: 102))
        hn.add(.init(id: 104, by: "bob", text: "Does it do tablet weaving?", parent: 100))
        hn.setList("top", [100])
        return hn
    }

    @Test("Subscribe to hackernews:top, refresh, open a story: comments beside it; Space folds; u goes to the parent")
    func readThread() throws {
        let hn = Self.hackerNews()
        let server = try LoopbackServer { hn.reply($0) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-hn-\(UUID().uuidString)")
        let config = root.appendingPathComponent("config"), data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["--config-dir", config.path, "--data-dir", data.path]
        let binary = try GazetteBinary.path()
        let added = try ProcessRunner.run(binary, ["add", "hackernews:top"] + arguments)
        #expect(added.status == 0, "\(added.standardError)")
        try Data("""
            [sources.hackernews]
            api = "\(HackerNewsFixture.apiBase(server))"
            search = "\(HackerNewsFixture.searchBase(server))"
            """.utf8).write(to: config.appendingPathComponent("config.toml"))
        let refresh = try ProcessRunner.run(binary, ["refresh"] + arguments)
        #expect(refresh.status == 0, "refresh failed: \(refresh.standardError)")
        // A listing that does not exist is refused, not subscribed to.
        let unknown = try ProcessRunner.run(binary, ["add", "hackernews:frontpage"] + arguments)
        #expect(unknown.status == 2 && unknown.standardError.contains("unknown Hacker News list 'frontpage'"))
        // `read --comments` fetches a thread that was never fetched, in Hacker News's ranked order.
        let read = try ProcessRunner.run(binary, ["read", "1", "--comments"] + arguments)
        #expect(read.status == 0, "\(read.standardError)")
        let order = ["ann", "carl", "dana", "bob"].compactMap { read.standardOutput.range(of: "\($0) · ")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "\(read.standardOutput)")
        #expect(read.standardOutput.contains("4 comments (fetched "))

        let session = try TmuxSession(width: 180) { _, _ in arguments }
        defer { session.close() }
        try session.waitFor("Show HN: A loom for the terminal")
        // 180 columns: the comments open beside the story without a key.
        try session.waitUntil("the thread beside the story") { screen in
            screen.contains { $0.contains("Weaving patterns") } && screen.contains { $0.contains("Lovely idea") }
                && screen.contains { $0.contains("Does it do tablet weaving?") }
        }
        try session.send("Enter")
        try session.waitUntil("the full-screen story with its comments") { screen in
            screen.contains { $0.contains("full screen") } && screen.contains { $0.contains("Iosevka") }
        }
        // c goes to the comments; Space folds ann's thread (carl and dana hidden).
        try session.send("c")
        try session.send("Space")
        try session.waitUntil("ann's thread folded") { screen in
            screen.contains { $0.contains("[+2 hidden]") } && !screen.contains { $0.contains("Iosevka") }
        }
        try session.send("Space")
        try session.waitFor("Iosevka")
        // Down twice reaches dana's reply; u goes to its parent (carl), whose thread Space then folds.
        try session.send("j")
        try session.send("j")
        try session.send("u")
        try session.send("Space")
        try session.waitUntil("carl's thread folded") { screen in
            screen.contains { $0.contains("carl") && $0.contains("[+1 hidden]") } && screen.contains { $0.contains("Lovely idea") }
        }
        for _ in 0..<4 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: TmuxSession.pollInterval * 6)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }
}

import Foundation
import Testing
import TestSupport

/// `gazette discussions URL --json` with the sites pointed at a loopback server by config.toml.
@Suite("End to end: gazette discussions")
struct DiscussionsCommandTests {
    @Test("Lists the discussions found with their comment counts, as JSON and as lines")
    func discussions() throws {
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/api/v1/search?") {
                return LoopbackServer.Reply(contentType: "application/json", body: """
                    {"hits":[{"objectID":"77","title":"Weaving in the shell","url":"https://example.org/weave",
                    "num_comments":8,"points":10,"created_at_i":1790000000}]}
                    """)
            }
            return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "no")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-disc-\(UUID().uuidString)")
        let config = root.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("""
            [sources.hackernews]
            search = "\(server.baseURL)/api/v1/"
            [sources.lobsters]
            url = "\(server.baseURL)/lobsters/"
            """.utf8).write(to: config.appendingPathComponent("config.toml"))
        let arguments = ["--config-dir", config.path, "--data-dir", root.appendingPathComponent("data").path]
        let binary = try GazetteBinary.path()
        let json = try ProcessRunner.run(binary, ["discussions", "https://example.org/weave", "--json"] + arguments)
        #expect(json.status == 0, "\(json.standardError)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["commentCount"] as? Int == 8)
        #expect(list.first?["url"] as? String == "https://news.ycombinator.com/item?id=77")
        let lines = try ProcessRunner.run(binary, ["discussions", "https://example.org/weave"] + arguments)
        #expect(lines.standardOutput.contains("Hacker News · 8 comments · Weaving in the shell"))
        let bad = try ProcessRunner.run(binary, ["discussions", "ftp://example.org/"] + arguments)
        #expect(bad.status == 2 && bad.standardError.contains("not an http(s) URL"))
    }
}

import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// Looking a page up on Hacker News (Algolia search by URL) and Lobsters (stories by URL).
@Suite("Discussions of a page")
struct DiscussionFinderTests {
    static let page = "https://www.example.org/looms/terminal/"

    static let algolia = """
        {"hits":[
          {"objectID":"4001","title":"A loom for the terminal","url":"https://example.org/looms/terminal",
           "num_comments":57,"points":120,"created_at_i":1790000000},
          {"objectID":"4002","title":"Looms, again","url":"http://www.example.org/looms/terminal/#top",
           "num_comments":3,"points":4,"created_at_i":1791000000},
          {"objectID":"4003","title":"Something else","url":"https://example.org/looms/terminal/other",
           "num_comments":99,"points":1,"created_at_i":1791000000}],"nbHits":3}
        """

    static let lobsters = """
        [{"short_id":"lb1","short_id_url":"https://lobste.rs/s/lb1","title":"Terminal looms","comment_count":12,
          "score":30,"created_at":"2026-08-01T10:00:00.000-05:00","comments_url":"https://lobste.rs/s/lb1/terminal_looms"}]
        """

    static func finder(_ server: LoopbackServer) -> DiscussionFinder {
        DiscussionFinder(endpoints: SourceEndpoints(hackerNewsSearch: server.baseURL + "/api/v1/",
                                                    lobsters: server.baseURL + "/lobsters/"),
                         policy: FetchPolicy(timeoutSeconds: 5))
    }

    @Test("Both sites are asked; only discussions of the same page count, most commented first")
    func found() async throws {
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/api/v1/search?") {
                return LoopbackServer.Reply(contentType: "application/json", body: Self.algolia)
            }
            if request.path.hasPrefix("/lobsters/stories/url/all.json?url=") {
                return LoopbackServer.Reply(contentType: "application/json", body: Self.lobsters)
            }
            return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "no")
        }
        let (found, problems) = await Self.finder(server).discussions(of: Self.page)
        #expect(problems.isEmpty)
        #expect(found.map(\.commentCount) == [57, 12, 3])
        #expect(found.map(\.url) == ["https://news.ycombinator.com/item?id=4001", "https://lobste.rs/s/lb1/terminal_looms",
                                     "https://news.ycombinator.com/item?id=4002"])
        #expect(found[1].site == "Lobsters" && found[0].site == "Hacker News")
        let search = try #require(server.requests.first { $0.path.hasPrefix("/api/v1/search?") })
        #expect(search.path.contains("query=https%3A%2F%2Fwww.example.org%2Flooms%2Fterminal%2F"))
    }

    @Test("A site that fails is reported; the other's discussions still come; Lobsters' 404 means none")
    func partialFailure() async throws {
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/api/v1/search?") {
                return LoopbackServer.Reply(status: 429, headers: [("Retry-After", "30")], body: Data())
            }
            return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "no")
        }
        let (found, problems) = await Self.finder(server).discussions(of: Self.page)
        #expect(found.isEmpty)
        #expect(problems.count == 1 && problems[0].hasPrefix("could not reach 127.0.0.1: HTTP 429"))
    }
}

import Foundation
import Testing
import TestSupport

/// A new user subscribes to a news site's section feed that names no comment feed (summary-only RSS, as
/// MercoPress publishes), and reads the comments from the story's own page beside the story, without a key.
@Suite("End to end: comments from the story's page", .serialized)
struct PageCommentsTests {
    @Test("Section feed without comment feed: the comment pane shows the page's comments beside the story")
    func commentsBesideStory() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/fisheries/rss.xml":
                return LoopbackServer.Reply(contentType: "application/rss+xml",
                                            body: CommentPages.sectionFeed(base: "http://\(request.headers["host"] ?? "")/"))
            case "/2026/03/10/squid-season":
                return LoopbackServer.Reply(contentType: "text/html; charset=utf-8", body: CommentPages.storyPage)
            case "/2026/03/10/squid-season/comments":
                return LoopbackServer.Reply(contentType: "text/html; charset=utf-8", body: CommentPages.allCommentsPage)
            default:
                return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "not here")
            }
        }
        let folder = try SubscribedFeedFile(url: server.baseURL + "/fisheries/rss.xml")
        defer { folder.remove() }
        let arguments = folder.arguments
        let refresh = try folder.refresh()
        #expect(refresh.status == 0, "refresh failed: \(refresh.standardError)")

        let session = try TmuxSession(width: 180) { _, _ in arguments }
        defer { session.close() }
        try session.waitFor("Squid season opens with record licences")
        try session.waitUntil("the page's comments beside the story, with authors and text") { screen in
            screen.contains { $0.contains("Ninety trawlers") } && screen.contains { $0.contains("Petrel") }
                && screen.contains { $0.contains("Who counts the squid") } && screen.contains { $0.contains("Skua") }
                && screen.contains { $0.contains("Albatross") } && screen.contains { $0.contains("3 comments") }
        }
        #expect(server.requests.contains { $0.path == "/2026/03/10/squid-season/comments" })
        for _ in 0..<4 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: TmuxSession.pollInterval * 6)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0)
    }
}

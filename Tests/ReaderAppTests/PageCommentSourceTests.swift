import Foundation
import NewsModel
import Testing
import TestSupport
import NewsSources
@testable import ReaderApp

/// Comments read from a story's own page, served over HTTP on 127.0.0.1.
@Suite("Comments from the story's page")
struct PageCommentSourceTests {
    static let source = PageCommentSource(fetcher: FeedFetcher(policy: FetchPolicy()), reader: PageCommentReading.extracted,
                                          now: { Date(timeIntervalSince1970: 1_773_200_000) })

    /// The story page and its page of all comments; `allComments` is the status of the latter.
    static func server(allComments: Int = 200, storyPage: String = CommentPages.storyPage) throws -> LoopbackServer {
        try LoopbackServer { request in
            switch request.path {
            case "/2026/03/10/squid-season":
                return LoopbackServer.Reply(contentType: "text/html; charset=utf-8", body: storyPage)
            case "/2026/03/10/squid-season/comments":
                return LoopbackServer.Reply(status: allComments, contentType: "text/html; charset=utf-8",
                                            body: allComments == 200 ? CommentPages.allCommentsPage : "gone")
            default:
                return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "not here")
            }
        }
    }

    @Test("The story page's link to all comments is followed; the thread comes threaded, bodies as safe HTML")
    func followsAllComments() async throws {
        let server = try Self.server()
        let thread = try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/2026/03/10/squid-season"))
        #expect(thread.map(\.author) == ["Petrel", "Skua", "Albatross"])
        #expect(thread.map(\.depth) == [0, 1, 0])
        #expect(thread[1].parentRemoteID == "c1")
        #expect(thread[0].body == "<p>Record licences, record risk.</p><p>Who counts the squid that get away?</p>")
        #expect(thread.map(\.score) == [4, -1, nil])
        #expect(server.requests.map(\.path) == ["/2026/03/10/squid-season", "/2026/03/10/squid-season/comments"])
    }

    @Test("When the page of all comments fails, the story page's own comments are kept")
    func fallsBackToStoryPage() async throws {
        let page = CommentPages.storyPage.replacingOccurrences(of: "<div class=\"top\">", with: "<div class=\"comments\">")
        let server = try Self.server(allComments: 500, storyPage: page)
        let thread = try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/2026/03/10/squid-season"))
        #expect(thread.map(\.author) == ["Petrel"])
    }

    @Test("A page without comments gives an empty thread; one that says comments are closed says so")
    func emptyAndClosed() async throws {
        let server = try LoopbackServer { request in
            let closing = request.path == "/closed" ? "<p>Comments are closed.</p>" : ""
            return LoopbackServer.Reply(contentType: "text/html",
                                        body: "<html><body><h1>Quiet</h1><p>Nothing to see.</p>\(closing)</body></html>")
        }
        #expect(try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/quiet")).isEmpty)
        await #expect(throws: CommentSourceError.closed) {
            _ = try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/closed"))
        }
    }

    @Test("A story whose link is a PDF has no comments, not an error")
    func notHTML() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(contentType: "application/pdf", body: "%PDF-1.7") }
        #expect(try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/paper.pdf")).isEmpty)
    }

    @Test("An unreachable page says which host and why")
    func failure() async throws {
        let server = try Self.server()
        await #expect {
            _ = try await Self.source.comments(for: CommentTarget(link: server.baseURL + "/missing"))
        } throws: { error in
            (error as? CommentSourceError)?.description == "could not reach 127.0.0.1: HTTP 404 Not Found"
        }
    }
}

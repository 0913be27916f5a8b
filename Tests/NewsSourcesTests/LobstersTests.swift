import Foundation
import NewsModel
import Testing
import TestSupport
@testable import NewsSources

/// Lobsters against a loopback server answering in its JSON.
@Suite("Lobsters")
struct LobstersTests {
    static let story = """
        {"short_id":"k3yxq1","short_id_url":"BASE/s/k3yxq1","created_at":"2026-08-01T10:00:00.000-05:00",
         "title":"Terminal looms","url":"","score":12,"comment_count":3,"description":"<p>Text post</p>",
         "submitter_user":"weaver","tags":["programming","hardware"],"comments_url":"BASE/s/k3yxq1/terminal_looms",
         "comments":[
          {"short_id":"c1","created_at":"2026-08-01T11:00:00.000-05:00","is_deleted":false,"is_moderated":false,
           "score":5,"parent_comment":null,"comment":"<p>First!</p>","depth":0,"commenting_user":"ann"},
          {"short_id":"c2","created_at":"2026-08-01T11:05:00.000-05:00","is_deleted":false,"is_moderated":false,
           "score":2,"parent_comment":"c1","comment":"<p>Reply <script>x()</script>here</p>","depth":1,"commenting_user":"weaver"},
          {"short_id":"c3","created_at":"2026-08-01T11:06:00.000-05:00","is_deleted":true,"is_moderated":false,
           "score":1,"parent_comment":"c2","comment":"<p>gone</p>","depth":2,"commenting_user":"bob"},
          {"short_id":"c4","created_at":"2026-08-01T12:00:00.000-05:00","is_deleted":false,"is_moderated":false,
           "score":1,"parent_comment":null,"comment":"<p>Second</p>","depth":0,"commenting_user":"cy"}
         ]}
        """

    /// The same thread as an older Lobsters served it: `indent_level` from 1, users as objects.
    static let olderStory = """
        {"short_id":"old1","comments":[
          {"short_id":"o1","created_at":"2020-01-01T00:00:00.000Z","is_deleted":false,"is_moderated":false,"score":1,
           "parent_comment":null,"comment":"<p>top</p>","indent_level":1,"commenting_user":{"username":"ann"}},
          {"short_id":"o2","created_at":"2020-01-01T00:01:00.000Z","is_deleted":false,"is_moderated":true,"score":-3,
           "parent_comment":"o1","comment":"<p>moderated</p>","indent_level":2,"commenting_user":{"username":"zed"}}]}
        """

    static func server() throws -> LoopbackServer {
        let base = LockedBox<String>("")
        let server = try LoopbackServer { request in
            let text: String
            switch request.path {
            case "/lobsters/s/k3yxq1.json": text = story
            case "/lobsters/s/old1.json": text = olderStory
            case "/lobsters/hottest.json", "/lobsters/t/hardware.json": text = "[" + story + "]"
            case "/lobsters/s/limited.json":
                return LoopbackServer.Reply(status: 429, headers: [("Retry-After", "60")], body: Data())
            default: return LoopbackServer.Reply(status: 404, contentType: "text/plain", body: "no")
            }
            return LoopbackServer.Reply(contentType: "application/json",
                                        body: text.replacingOccurrences(of: "BASE", with: base.value))
        }
        base.value = server.baseURL + "/lobsters"
        return server
    }

    static func client(_ server: LoopbackServer) -> LobstersClient {
        LobstersClient(endpoints: SourceEndpoints(lobsters: server.baseURL + "/lobsters/"), policy: FetchPolicy(timeoutSeconds: 5))
    }

    @Test("A story's comments are nested by depth, in the site's order; deleted ones keep their place")
    func comments() async throws {
        let server = try Self.server()
        let client = Self.client(server)
        let target = CommentTarget(commentsURL: server.baseURL + "/lobsters/s/k3yxq1/terminal_looms")
        #expect(client.handles(target))
        let thread = try await client.comments(for: target)
        #expect(thread.map(\.remoteID) == ["c1", "c2", "c3", "c4"])
        #expect(thread.map(\.depth) == [0, 1, 2, 0])
        #expect(thread[1].parentRemoteID == "c1" && thread[1].author == "weaver" && thread[1].score == 2)
        #expect(!thread[1].body.contains("script") && thread[1].body.contains("here"))
        #expect(thread[2].isDeleted && thread[2].author == nil && thread[2].body.isEmpty)
        #expect(thread[0].date == Date(timeIntervalSince1970: 1_785_600_000))
    }

    @Test("Older answers with indent_level (from 1) and user objects read the same way")
    func olderFormat() async throws {
        let server = try Self.server()
        let thread = try await Self.client(server).comments(for: CommentTarget(commentsURL: server.baseURL + "/lobsters/s/old1"))
        #expect(thread.map(\.depth) == [0, 1])
        #expect(thread[0].author == "ann")
        #expect(thread[1].isDeleted)
    }

    @Test("Listings become feed documents; a text post links to its discussion", arguments: [
        SourceAddress.LobstersList.hottest, .tag("hardware"),
    ])
    func listing(list: SourceAddress.LobstersList) async throws {
        let server = try Self.server()
        let document = try await Self.client(server).stories(list)
        let entry = try #require(document.entries.first)
        #expect(entry.title == "Terminal looms" && entry.author == "weaver" && entry.commentCount == 3)
        #expect(entry.commentsURL == server.baseURL + "/lobsters/s/k3yxq1/terminal_looms")
        #expect(entry.link == entry.commentsURL)
        #expect(entry.categories == ["programming", "hardware"])
        #expect(entry.content?.contains("Text post") == true)
    }

    @Test("A 429 answer is reported with its host and Retry-After")
    func rateLimited() async throws {
        let server = try Self.server()
        await #expect {
            _ = try await Self.client(server).comments(for: CommentTarget(commentsURL: server.baseURL + "/lobsters/s/limited"))
        } throws: { error in
            guard let error = error as? CommentSourceError, case .unreachable(_, .http(429, let after)) = error else { return false }
            return after != nil && error.description.hasPrefix("could not reach 127.0.0.1: HTTP 429")
        }
    }

    @Test("Listing names parse strictly", arguments: [
        ("lobsters:hottest", "hottest.json"), ("lobsters:newest", "newest.json"), ("lobsters:tag/rust", "t/rust.json"),
    ])
    func addresses(url: String, path: String) throws {
        guard case .success(.lobsters(let list))? = SourceAddress.parse(url) else { Issue.record("\(url)"); return }
        #expect(list.path == path)
    }

    @Test("Unknown listings are refused with the known ones named", arguments: [
        "lobsters:hot", "lobsters:tag/", "lobsters:tag/a b", "hackernews:frontpage", "hn:",
    ])
    func badAddresses(url: String) {
        guard case .failure(let error)? = SourceAddress.parse(url) else { Issue.record("accepted \(url)"); return }
        #expect(error.message.contains("known:"))
    }
}

/// A value shared between a test and its server's handler.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

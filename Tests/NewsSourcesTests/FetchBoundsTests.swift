import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// The fetcher against servers that attack: bodies without end, compression bombs, trickles, redirects out of
/// the web and requests smuggling control characters. Each is bounded in memory, time or both.
@Suite("Fetching from hostile servers")
struct FetchBoundsTests {
    /// How much more than the limit a refused transfer may have pulled from the server: the kernel's
    /// socket buffers on both ends, which the client does not control (tcp_rmem allows up to 32 MB).
    static let socketSlack = 40 << 20

    @Test("A body without a length is refused as soon as it passes the limit, not read to its end")
    func endlessPlainBody() async throws {
        let server = try LoopbackServer { _ in .endless(pieces: 8192) }  // 512 MB
        let limit = 1 << 20
        await #expect(throws: FetchError.tooLarge(limit: limit)) {
            try await FeedFetcher(policy: FetchPolicy(maxBytes: limit)).fetch(server.baseURL + "/endless")
        }
        #expect(server.bodyBytesSent < limit + Self.socketSlack, "the client read on past the limit")
    }

    @Test("A gzip bomb is refused when its decoded size passes the limit, without inflating the rest")
    func gzipBomb() async throws {
        let server = try LoopbackServer { _ in .gzipBomb(pieces: 1000) }  // 65 MB that inflate to 10 GB
        let limit = 1 << 20
        await #expect(throws: FetchError.tooLarge(limit: limit)) {
            try await FeedFetcher(policy: FetchPolicy(maxBytes: limit)).fetch(server.baseURL + "/bomb")
        }
        #expect(server.bodyBytesSent < Self.socketSlack, "the client inflated on past the limit")
    }

    @Test("The bomb is a real gzip body: a short piece of it inflates to zeros 159 times its size")
    func bombIsGzip() async throws {
        let body = LoopbackServer.Reply.bombHead + LoopbackServer.Reply.bombPiece(units: 100)
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Encoding", "gzip")], body: body)
        }
        let result = try await FeedFetcher().fetch(server.baseURL + "/b")
        guard case .fetched(let fetched) = result else { Issue.record("expected a body, got \(result)"); return }
        #expect(fetched.data.count > 100 * 2000)
        #expect(fetched.data.allSatisfy { $0 == 0 })
    }

    @Test("A server sending one byte a second is not silent, and fails after 4 × timeout-seconds")
    func trickle() async throws {
        let server = try LoopbackServer { _ in
            .trickle(String(repeating: " ", count: 40) + FeedFetcherTests.feed, delay: 1)
        }
        let policy = FetchPolicy(timeoutSeconds: 2)
        #expect(policy.totalSeconds == 8)
        await #expect(throws: FetchError.tooSlow(seconds: 8)) {
            try await FeedFetcher(policy: policy).fetch(server.baseURL + "/trickle")
        }
    }

    @Test("A cancelled fetch stops at once with its own error, even while the server is silent")
    func cancelled() async throws {
        let server = try LoopbackServer { _ in
            .silent(for: 30, then: FeedFetcherTests.feed, contentType: "text/xml")
        }
        let fetcher = FeedFetcher(policy: FetchPolicy(timeoutSeconds: 60))
        let task = Task { () -> FetchError? in
            do {
                _ = try await fetcher.fetch(server.baseURL + "/silent")
                return nil
            } catch let error as FetchError {
                return error
            } catch {
                return .other("\(error)")
            }
        }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        let error = await task.value
        #expect(error == .cancelled)
    }

    @Test("A redirect to file:// is refused and named, not reported as an HTTP error")
    func redirectToFile() async throws {
        let server = try LoopbackServer { _ in
            .redirect(to: "file:///etc/passwd")
        }
        do {
            _ = try await FeedFetcher().fetch(server.baseURL + "/feed")
            Issue.record("expected an error")
        } catch {
            #expect(error == .redirectRefused("file:///etc/passwd"))
            #expect(error.message.contains("file:///etc/passwd"))
        }
    }

    @Test("A URL with control characters is refused before any request, and quoted without them")
    func controlCharactersInURL() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 200, body: Data()) }
        let hostile = server.baseURL + "/f.rss?x=\u{1B}]0;PWNED\u{07}"
        do {
            _ = try await FeedFetcher().fetch(hostile)
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidURL(hostile))
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 })
            #expect(error.message.contains("%1B]0;PWNED%07"))
        }
        #expect(server.requests.isEmpty)
    }

    @Test("A user agent with CR/LF is refused: it would add headers to every request")
    func headerInjection() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 200, body: Data()) }
        let policy = FetchPolicy(userAgent: "Gazette\r\nX-Injected: yes")
        await #expect(throws: FetchError.invalidHeader("User-Agent")) {
            try await FeedFetcher(policy: policy).fetch(server.baseURL + "/feed")
        }
        #expect(server.requests.isEmpty)
    }
}

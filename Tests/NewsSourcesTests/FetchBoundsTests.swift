import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// The fetcher against servers that attack: bodies without end, compression bombs, trickles, redirects out of
/// the web and requests smuggling control characters. Each is bounded in memory, time or both.
@Suite("Fetching from hostile servers")
struct FetchBoundsTests {
    /// A gzip stream that never ends on its own: after the header, one fixed-Huffman deflate block that
    /// writes a zero and then copies 258 bytes from one back, over and over. Each 13-byte `unit` is eight
    /// copies (2,064 zero bytes), so the stream inflates about 159 times.
    static let bombHead = Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x62])
    static let bombUnit = Data([0x18, 0x05, 0xA3, 0x60, 0x14, 0x8C, 0x82, 0x51, 0x30, 0x0A, 0x46, 0xC1, 0x28])

    /// `units` copies of `bombUnit`.
    static func bombPiece(units: Int) -> Data {
        var piece = Data()
        for _ in 0..<units { piece.append(bombUnit) }
        return piece
    }

    /// How much more than the limit a refused transfer may have pulled from the server: the kernel's
    /// socket buffers on both ends, which the client does not control (tcp_rmem allows up to 32 MB).
    static let socketSlack = 40 << 20

    @Test("A body without a length is refused as soon as it passes the limit, not read to its end")
    func endlessPlainBody() async throws {
        let piece = Data(repeating: UInt8(ascii: "x"), count: 64 << 10)
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml")])
            reply.closeDelimited = true
            reply.repeatedPiece = piece
            reply.repeatCount = 8192  // 512 MB
            return reply
        }
        let limit = 1 << 20
        await #expect(throws: FetchError.tooLarge(limit: limit)) {
            try await FeedFetcher(policy: FetchPolicy(maxBytes: limit)).fetch(server.baseURL + "/endless")
        }
        #expect(server.bodyBytesSent < limit + Self.socketSlack, "the client read on past the limit")
    }

    @Test("A gzip bomb is refused when its decoded size passes the limit, without inflating the rest")
    func gzipBomb() async throws {
        let piece = Self.bombPiece(units: 5000)  // 65 KB that inflate to 10 MB
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml"),
                                                                    ("Content-Encoding", "gzip")],
                                             body: Self.bombHead)
            reply.closeDelimited = true
            reply.repeatedPiece = piece
            reply.repeatCount = 1000  // 65 MB that inflate to 10 GB
            return reply
        }
        let limit = 1 << 20
        await #expect(throws: FetchError.tooLarge(limit: limit)) {
            try await FeedFetcher(policy: FetchPolicy(maxBytes: limit)).fetch(server.baseURL + "/bomb")
        }
        #expect(server.bodyBytesSent < Self.socketSlack, "the client inflated on past the limit")
    }

    @Test("The bomb is a real gzip body: a short piece of it inflates to zeros 159 times its size")
    func bombIsGzip() async throws {
        let body = Self.bombHead + Self.bombPiece(units: 100)
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
            var reply = LoopbackServer.Reply(status: 200, contentType: "application/rss+xml",
                                             body: String(repeating: " ", count: 40) + FeedFetcherTests.feed)
            reply.pieceSize = 1
            reply.pieceDelay = 1
            return reply
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
            var reply = LoopbackServer.Reply(status: 200, contentType: "text/xml", body: FeedFetcherTests.feed)
            reply.delayBeforeHeaders = 30
            return reply
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
            LoopbackServer.Reply(status: 302, headers: [("Location", "file:///etc/passwd")])
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

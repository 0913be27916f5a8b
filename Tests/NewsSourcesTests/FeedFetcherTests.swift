import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// The fetcher against a real HTTP server on 127.0.0.1 that answers every way servers do.
@Suite("Fetching feeds over HTTP")
struct FeedFetcherTests {
    static let feed = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"

    @Test("A 200 answer gives the body, its type and the validators for next time")
    func ok() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8"),
                                                        ("ETag", "\"v1\""),
                                                        ("Last-Modified", "Sun, 29 Nov 2026 05:00:00 GMT")],
                                 body: Data(Self.feed.utf8))
        }
        let result = try await FeedFetcher().fetch(server.baseURL + "/feed")
        guard case .fetched(let body) = result else { Issue.record("expected a body, got \(result)"); return }
        #expect(String(decoding: body.data, as: UTF8.self) == Self.feed)
        #expect(body.contentType == "application/rss+xml; charset=utf-8")
        #expect(body.etag == "\"v1\"")
        #expect(body.lastModified == "Sun, 29 Nov 2026 05:00:00 GMT")
        #expect(body.permanentRedirect == nil)
    }

    @Test("Transfers prepared ahead, even twice and racing the first fetches, fetch as before")
    func preparedTransfers() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml")], body: Data(Self.feed.utf8))
        }
        let first = FeedFetcher.prepareTransfers()
        let second = FeedFetcher.prepareTransfers()
        let fetcher = FeedFetcher()
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<6 {
                group.addTask {
                    guard case .fetched(let body) = try await fetcher.fetch(server.baseURL + "/feed/\(index)") else {
                        return ""
                    }
                    return String(decoding: body.data, as: UTF8.self)
                }
            }
            for try await text in group { #expect(text == Self.feed) }
        }
        // Waiting returns once each preparation is done, and again at once (a command waits before exiting).
        first.wait(); second.wait(); first.wait()
    }

    @Test("A large body arrives whole and in order, with or without a declared length", arguments: [true, false])
    func largeBody(declared: Bool) async throws {
        // Regression: each received chunk was appended to a copy of the body, so a 70 MB feed took minutes;
        // the bytes must still come out exactly as sent, chunk after chunk.
        var bytes = [UInt8](repeating: 0, count: 12 << 20)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
        let body = Data(bytes)
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                             body: body)
            reply.closeDelimited = !declared
            return reply
        }
        let result = try await FeedFetcher(policy: FetchPolicy(maxBytes: 64 << 20)).fetch(server.baseURL + "/big")
        guard case .fetched(let fetched) = result else { Issue.record("expected a body, got \(result)"); return }
        #expect(fetched.data.count == body.count)
        #expect(fetched.data == body)
    }

    @Test("Validators are sent back, and a 304 answer means not modified")
    func conditional() async throws {
        let server = try LoopbackServer { request in
            if request.headers["if-none-match"] == "\"v1\"" { return LoopbackServer.Reply(status: 304) }
            return LoopbackServer.Reply(status: 200, headers: [("ETag", "\"v1\"")], body: Data(Self.feed.utf8))
        }
        let fetcher = FeedFetcher()
        let result = try await fetcher.fetch(server.baseURL + "/f", validators: Validators(etag: "\"v1\""))
        #expect(result == .notModified(permanentRedirect: nil))
        #expect(server.requests.first?.headers["if-none-match"] == "\"v1\"")
    }

    @Test("A gzip-encoded body arrives decoded")
    func gzip() async throws {
        let compressed = try #require(Data(base64Encoded:
            "H4sIAAAAAAAAA7MpKi5WKEstKs7Mz7NVMtIzULKzSc5IzMtLzbGzKcksyUm1C7HRhzBs9OEy+kBtdgB8vg2jPAAAAA=="))
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Encoding", "gzip")], body: compressed)
        }
        let result = try await FeedFetcher().fetch(server.baseURL + "/gz")
        guard case .fetched(let body) = result else { Issue.record("expected a body"); return }
        #expect(String(decoding: body.data, as: UTF8.self).hasPrefix("<rss version"))
    }

    @Test("A chain of permanent redirects is followed and reported so the subscription can move")
    func permanentRedirects() async throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/old": LoopbackServer.Reply(status: 301, headers: [("Location", "/older")])
            case "/older": LoopbackServer.Reply(status: 308, headers: [("Location", "/new")])
            default: LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.feed)
            }
        }
        let result = try await FeedFetcher().fetch(server.baseURL + "/old")
        guard case .fetched(let body) = result else { Issue.record("expected a body"); return }
        #expect(body.finalURL == server.baseURL + "/new")
        #expect(body.permanentRedirect == server.baseURL + "/new")
    }

    @Test("A temporary redirect in the chain is followed but not reported as a move", arguments: [302, 307])
    func temporaryRedirect(status: Int) async throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/a": LoopbackServer.Reply(status: 301, headers: [("Location", "/b")])
            case "/b": LoopbackServer.Reply(status: status, headers: [("Location", "/c")])
            default: LoopbackServer.Reply(status: 200, contentType: "application/rss+xml", body: Self.feed)
            }
        }
        let result = try await FeedFetcher().fetch(server.baseURL + "/a")
        guard case .fetched(let body) = result else { Issue.record("expected a body"); return }
        #expect(body.permanentRedirect == nil)
        #expect(body.finalURL == server.baseURL + "/c")
    }

    @Test("A redirect loop ends with a clear error")
    func redirectLoop() async throws {
        let server = try LoopbackServer { request in
            LoopbackServer.Reply(status: 302, headers: [("Location", request.path == "/x" ? "/y" : "/x")])
        }
        await #expect(throws: FetchError.tooManyRedirects) {
            try await FeedFetcher().fetch(server.baseURL + "/x")
        }
    }

    @Test("Client and server errors carry their status", arguments: [404, 500])
    func httpErrors(status: Int) async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: status) }
        await #expect(throws: FetchError.http(status: status, retryAfter: nil)) {
            try await FeedFetcher().fetch(server.baseURL + "/missing")
        }
    }

    @Test("410 Gone tells the user to unsubscribe")
    func gone() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 410) }
        do {
            _ = try await FeedFetcher().fetch(server.baseURL + "/gone")
            Issue.record("expected an error")
        } catch {
            #expect(error == .gone)
            #expect(error.message.contains("gazette remove"))
        }
    }

    @Test("429 with Retry-After says when to come back")
    func retryAfter() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 429, headers: [("Retry-After", "120")]) }
        let before = Date()
        do {
            _ = try await FeedFetcher().fetch(server.baseURL + "/busy")
            Issue.record("expected an error")
        } catch {
            guard case .http(429, let retry?) = error else { Issue.record("got \(error)"); return }
            #expect(retry.timeIntervalSince(before) >= 119)
            #expect(error.message.contains("retry after"))
        }
    }

    @Test("A server slower than the timeout gives a timeout error")
    func slow() async throws {
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, contentType: "text/xml", body: Self.feed)
            reply.delayBeforeHeaders = 3
            return reply
        }
        await #expect(throws: FetchError.timedOut(seconds: 1)) {
            try await FeedFetcher(policy: FetchPolicy(timeoutSeconds: 1)).fetch(server.baseURL + "/slow")
        }
    }

    @Test("A connection dropped mid-body is reported, not taken as a whole feed")
    func dropped() async throws {
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, contentType: "text/xml",
                                             body: String(repeating: Self.feed, count: 100))
            reply.dropAfterBytes = 500
            return reply
        }
        await #expect(throws: FetchError.connectionLost) {
            try await FeedFetcher().fetch(server.baseURL + "/drop")
        }
    }

    @Test("A body over the size limit is refused, whether or not it declares its length")
    func tooLarge() async throws {
        let big = Data(repeating: UInt8(ascii: "x"), count: 300_000)
        let declared = try LoopbackServer { _ in LoopbackServer.Reply(status: 200, body: big) }
        let policy = FetchPolicy(maxBytes: 100_000)
        await #expect(throws: FetchError.tooLarge(limit: 100_000)) {
            try await FeedFetcher(policy: policy).fetch(declared.baseURL + "/big")
        }
        let undeclared = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, body: big)
            reply.closeDelimited = true
            reply.pieceSize = 16_384
            return reply
        }
        await #expect(throws: FetchError.tooLarge(limit: 100_000)) {
            try await FeedFetcher(policy: policy).fetch(undeclared.baseURL + "/big")
        }
    }

    @Test("A refused connection names the host")
    func refused() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 200) }
        let url = server.baseURL + "/x"
        server.stop()
        await #expect(throws: FetchError.connectionRefused("127.0.0.1")) {
            try await FeedFetcher().fetch(url)
        }
    }

    @Test("Local files are read directly, by path or file:// URL, and respect the size limit")
    func localFiles() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feed.xml")
        try Data(Self.feed.utf8).write(to: file)
        for location in [file.path, file.absoluteString] {
            guard case .fetched(let body) = try await FeedFetcher().fetch(location) else {
                Issue.record("expected a body for \(location)"); continue
            }
            #expect(body.data == Data(Self.feed.utf8))
        }
        await #expect(throws: FetchError.tooLarge(limit: 10)) {
            try await FeedFetcher(policy: FetchPolicy(maxBytes: 10)).fetch(file.path)
        }
        await #expect(throws: FetchError.file(path: dir.path + "/none.xml", reason: "no such file")) {
            try await FeedFetcher().fetch(dir.path + "/none.xml")
        }
    }

    @Test("Unsupported schemes are refused before any request")
    func schemes() async throws {
        await #expect(throws: FetchError.unsupportedScheme("ftp")) {
            try await FeedFetcher().fetch("ftp://example.org/feed")
        }
    }
}

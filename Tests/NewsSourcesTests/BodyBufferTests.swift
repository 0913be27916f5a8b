import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// The download buffer's bound: whatever the server sends, the storage for one body never grows past the
/// size limit (it used to double, to about twice the limit, plus the copy made while growing).
@Suite("Download body buffer")
struct BodyBufferTests {
    /// Feeds `total` bytes in pieces of `piece` to a transfer state, as libcurl's write callback does, and
    /// returns whether every piece was taken and the largest storage seen.
    static func feed(limit: Int, total: Int, piece: Int, announced: Int? = nil) -> (accepted: Bool, peak: Int, body: Data) {
        let state = TransferState(limit: limit, idleSeconds: 5, cancel: CancelFlag())
        var header = Array("HTTP/1.1 200 OK\r\n".utf8)
        _ = header.withUnsafeBytes { state.receiveHeader($0) }
        if let announced {
            header = Array("Content-Length: \(announced)\r\n".utf8)
            _ = header.withUnsafeBytes { state.receiveHeader($0) }
        }
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: piece)
        var sent = 0
        var peak = state.bodyCapacity
        var accepted = true
        while sent < total {
            let size = min(piece, total - sent)
            let taken = chunk.withUnsafeBytes { state.receiveBody(UnsafeRawBufferPointer(rebasing: $0[..<size])) }
            peak = max(peak, state.bodyCapacity)
            if !taken { accepted = false; break }
            sent += size
        }
        return (accepted, peak, state.takeBody())
    }

    @Test("A body just under the limit is kept whole, in storage no larger than the limit")
    func underLimit() {
        let limit = 3 << 20
        let result = Self.feed(limit: limit, total: limit - 1, piece: 16 << 10)
        #expect(result.accepted)
        #expect(result.body.count == limit - 1)
        #expect(result.body.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(result.peak <= limit, "storage grew to \(result.peak) for a limit of \(limit)")
    }

    @Test("A body past the limit is refused and its storage never passes the limit")
    func overLimit() {
        let limit = (2 << 20) + 12_345  // not a power of two: doubling would overshoot it
        let result = Self.feed(limit: limit, total: 8 << 20, piece: 16 << 10)
        #expect(!result.accepted)
        #expect(result.peak <= limit, "storage grew to \(result.peak) for a limit of \(limit)")
        #expect(result.body.isEmpty)
    }

    @Test("An announced length sizes the storage once; a lying one cannot raise it past the limit")
    func announcedLength() {
        let exact = Self.feed(limit: 4 << 20, total: 1_000_000, piece: 16 << 10, announced: 1_000_000)
        #expect(exact.accepted && exact.body.count == 1_000_000)
        #expect(exact.peak == 1_000_000)
        let lying = Self.feed(limit: 1 << 20, total: 10, piece: 10, announced: 1 << 30)
        #expect(lying.accepted && lying.body.count == 10)
        #expect(lying.peak <= 1 << 20)
    }

    @Test("The buffer refuses exactly past the limit and keeps what it had")
    func exactBoundary() {
        var buffer = BodyBuffer(limit: 10)
        let bytes = [UInt8](repeating: 1, count: 11)
        var taken: [Bool] = []
        bytes.withUnsafeBytes { all in
            for size in [4, 6, 1] { taken.append(buffer.append(UnsafeRawBufferPointer(rebasing: all[..<size]))) }
        }
        #expect(taken == [true, true, false])
        let (count, capacity) = (buffer.count, buffer.capacity)
        #expect(count == 10 && capacity == 10)
        let body = buffer.take()
        #expect(body == Data(repeating: 1, count: 10))
    }

    @Test("A body fetched from a server without Content-Length arrives whole")
    func fetchedWithoutLength() async throws {
        let body = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let server = try LoopbackServer { _ in
            var reply = LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/rss+xml")], body: body)
            reply.closeDelimited = true
            return reply
        }
        let result = try await FeedFetcher(policy: FetchPolicy(maxBytes: 1 << 20)).fetch(server.baseURL + "/feed")
        guard case .fetched(let fetched) = result else {
            Issue.record("expected a body, got \(result)")
            return
        }
        #expect(fetched.data == body)
    }
}

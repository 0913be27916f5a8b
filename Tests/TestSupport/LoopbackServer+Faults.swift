import Foundation

/// The ways a server misbehaves, as ready-made replies: the fetch-bound tests use them one at a time and
/// the soak serves them at random, so every misbehaviour is defined once.
extension LoopbackServer.Reply {
    /// A gzip stream that never ends on its own: after the header, one fixed-Huffman deflate block that
    /// writes a zero and then copies 258 bytes from one back, over and over. Each 13-byte `bombUnit` is eight
    /// copies (2,064 zero bytes), so the stream inflates about 159 times.
    public static let bombHead = Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x62])
    public static let bombUnit = Data([0x18, 0x05, 0xA3, 0x60, 0x14, 0x8C, 0x82, 0x51, 0x30, 0x0A, 0x46, 0xC1, 0x28])

    /// `units` copies of `bombUnit`.
    public static func bombPiece(units: Int) -> Data {
        var piece = Data()
        for _ in 0..<units { piece.append(bombUnit) }
        return piece
    }

    /// A gzip body of `pieces` × 65 KB that inflates to `pieces` × 10 MB, sent without a length.
    public static func gzipBomb(pieces: Int, contentType: String = "application/rss+xml") -> Self {
        var reply = Self(status: 200, headers: [("Content-Type", contentType), ("Content-Encoding", "gzip")],
                         body: bombHead)
        reply.closeDelimited = true
        reply.repeatedPiece = bombPiece(units: 5000)
        reply.repeatCount = pieces
        return reply
    }

    /// A plain body of `pieces` × 64 KB of spaces without a length: oversized, or endless for a large count.
    public static func endless(pieces: Int, contentType: String = "application/rss+xml") -> Self {
        var reply = Self(status: 200, headers: [("Content-Type", contentType)])
        reply.closeDelimited = true
        reply.repeatedPiece = Data(repeating: UInt8(ascii: " "), count: 64 << 10)
        reply.repeatCount = pieces
        return reply
    }

    /// `body` sent `pieceSize` bytes at a time, `delay` seconds apart.
    public static func trickle(_ body: String, pieceSize: Int = 1, delay: TimeInterval,
                               contentType: String = "application/rss+xml") -> Self {
        var reply = Self(status: 200, contentType: contentType, body: body)
        reply.pieceSize = pieceSize
        reply.pieceDelay = delay
        return reply
    }

    /// Nothing at all for `seconds`, then `body`.
    public static func silent(for seconds: TimeInterval, then body: String,
                              contentType: String = "application/rss+xml") -> Self {
        var reply = Self(status: 200, contentType: contentType, body: body)
        reply.delayBeforeHeaders = seconds
        return reply
    }

    /// `body` promised whole by its Content-Length, the connection closed after `bytes` of it.
    public static func cut(_ body: String, after bytes: Int, contentType: String = "application/rss+xml") -> Self {
        var reply = Self(status: 200, contentType: contentType, body: body)
        reply.dropAfterBytes = bytes
        return reply
    }

    /// A redirect (302) to `location`; pointing it at itself or at a partner makes a loop.
    public static func redirect(to location: String, status: Int = 302) -> Self {
        Self(status: status, headers: [("Location", location)])
    }

    /// An error status with a short body; 429 and 503 carry a Retry-After of `retryAfter` seconds when given.
    public static func failure(_ status: Int, retryAfter: Int? = nil) -> Self {
        var headers = [("Content-Type", "text/plain")]
        if let retryAfter { headers.append(("Retry-After", "\(retryAfter)")) }
        return Self(status: status, headers: headers, body: Data("status \(status)\n".utf8))
    }
}

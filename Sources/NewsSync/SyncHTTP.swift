import Foundation
import NewsSources
import TextSafety

/// Requests to an aggregator's API through `FeedFetcher` (its size bound, timeouts and connection reuse):
/// URLs with query parameters, form and JSON bodies, and answers judged the same way for every protocol —
/// a network failure, a 429 or 5xx (with `Retry-After`), an HTML page where JSON was expected, a body that
/// does not decode each become a `SyncError` with a clear message.
public struct SyncHTTP: Sendable {
    public let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher) { self.fetcher = fetcher }

    /// `base` with `path` appended (one slash between them) and `query` encoded.
    public static func url(_ base: String, _ path: String, query: [(String, String)] = []) -> String {
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        url += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty { url += (url.contains("?") ? "&" : "?") + formEncoded(query) }
        return url
    }

    /// `application/x-www-form-urlencoded` text: every byte but the unreserved ones percent-encoded.
    public static func formEncoded(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes every UTF-8 byte of `text` but the unreserved ones (RFC 3986), byte by byte: a
    /// contents request carries hundreds of ids, and Foundation's `addingPercentEncoding` cost 4 % of a
    /// first sync.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.allSatisfy(isUnreserved) { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isUnreserved(byte) {
                    out.append(byte)
                } else {
                    out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"): true
        default: false
        }
    }

    /// Sends `request`. Throws for no answer, 429 and 5xx; any other status is the caller's to judge.
    public func send(_ request: HTTPRequest) async throws(SyncError) -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await fetcher.send(request)
        } catch {
            throw .unreachable(error)
        }
        if response.status == 429 || response.status >= 500 {
            throw .http(status: response.status, retryAfter: response.retryAfter)
        }
        return response
    }

    /// A POST of form fields.
    public func postForm(_ url: String, _ fields: [(String, String)], headers: [HTTPHeader] = [])
        async throws(SyncError) -> HTTPResponse {
        try await send(HTTPRequest(method: "POST", url: url,
                                   headers: headers + [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                                   body: Data(Self.formEncoded(fields).utf8)))
    }

    /// A request with a JSON body (`PUT`, `POST`).
    public func sendJSON<Body: Encodable>(_ method: String, _ url: String, _ body: Body, headers: [HTTPHeader] = [])
        async throws(SyncError) -> HTTPResponse {
        let data: Data
        do { data = try JSONEncoder().encode(body) } catch { throw .malformed("cannot encode a request: \(error)") }
        return try await send(HTTPRequest(method: method, url: url,
                                          headers: headers + [HTTPHeader("Content-Type", "application/json")],
                                          body: data))
    }

    /// Decodes a JSON answer; an HTML page or another non-JSON body is `.notTheAPI`, JSON of the wrong
    /// shape `.malformed`.
    public static func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(SyncError) -> T {
        if looksLikeHTML(response) {
            throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: excerpt(response.body))
        }
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch let error as DecodingError {
            throw .malformed("\(Self.describe(error)) in \(response.body.count) bytes from \(response.finalURL)")
        } catch {
            throw .malformed("not JSON (\(response.body.count) bytes from \(response.finalURL))")
        }
    }

    /// Reads a JSON answer with `JSONReader` and `body`, for payloads too large for `decode`; the same
    /// judgement: an HTML page is `.notTheAPI`, anything `body` or the reader refuses `.malformed`.
    static func read<T>(_ response: HTTPResponse, _ body: (inout JSONReader) throws -> T) throws(SyncError) -> T {
        if looksLikeHTML(response) {
            throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: excerpt(response.body))
        }
        do {
            return try response.body.withUnsafeBytes { try JSONReader.read($0, body) }
        } catch let error as JSONReadError {
            throw .malformed("\(error) of \(response.body.count) bytes from \(response.finalURL)")
        } catch {
            throw .malformed("\(error) in \(response.body.count) bytes from \(response.finalURL)")
        }
    }

    /// Whether the body is an HTML page (by its type or its first bytes).
    public static func looksLikeHTML(_ response: HTTPResponse) -> Bool {
        if let type = response.header("Content-Type")?.lowercased(), type.contains("html") { return true }
        let start = String(decoding: response.body.prefix(64), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    /// The start of a body as one clean line, for messages.
    public static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let plain = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return Sanitizer.excerpt(Sanitizer.cleanLine(plain).split(whereSeparator: \.isWhitespace)
            .joined(separator: " "), limit: 120)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(path(context))"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context))"
        @unknown default: "undecodable"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top" : path
    }
}

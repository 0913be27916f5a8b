import Foundation

/// Why a feed could not be fetched, in words a reader understands. Every case names what to do or what
/// went wrong; `message` is what the feed list and `gazette refresh` show.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    case hostNotFound(String)
    case connectionRefused(String)
    case timedOut(seconds: Int)
    case tls(String)
    case tooManyRedirects
    case connectionLost
    /// A 4xx or 5xx answer. `retryAfter` is set when the server said when to come back (429, 503).
    case http(status: Int, retryAfter: Date?)
    /// 410 Gone: the feed has been removed for good.
    case gone
    case tooLarge(limit: Int)
    case file(path: String, reason: String)
    case other(String)

    public var description: String { message }

    /// The message shown to the user.
    public var message: String {
        switch self {
        case .invalidURL(let url): "not a valid URL: \(url)"
        case .unsupportedScheme(let scheme): "unsupported URL scheme '\(scheme)' (use http, https or a file path)"
        case .hostNotFound(let host): "host not found: \(host) (DNS lookup failed)"
        case .connectionRefused(let host): "connection refused by \(host)"
        case .timedOut(let seconds): "no answer within \(seconds) s (timed out)"
        case .tls(let detail): "secure connection failed: \(detail)"
        case .tooManyRedirects: "too many redirects (a redirect loop?)"
        case .connectionLost: "the connection was dropped before the feed was complete"
        case .http(let status, let retryAfter):
            if let retryAfter {
                "HTTP \(status) \(Self.reason(status)); retry after \(retryAfter.formatted(.iso8601))"
            } else {
                "HTTP \(status) \(Self.reason(status))"
            }
        case .gone: "HTTP 410 Gone: the feed has been removed; unsubscribe with `gazette remove`"
        case .tooLarge(let limit): "the feed is larger than the limit of \(ByteCountFormatter.describe(limit))"
        case .file(let path, let reason): "cannot read \(path): \(reason)"
        case .other(let detail): detail
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: status >= 500 ? "Server Error" : "Client Error"
        }
    }
}

/// Byte counts in the units people read ("32 MB").
enum ByteCountFormatter {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

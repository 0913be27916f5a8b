import TextSafety
import Foundation

/// Why a feed could not be fetched, in words a reader understands. Every case names what to do or what
/// went wrong; `message` is what the feed list and `gazette refresh` show.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    case hostNotFound(String)
    case connectionRefused(String)
    /// Nothing arrived for this many seconds.
    case timedOut(seconds: Int)
    /// The transfer went on (a trickle) past the total limit of this many seconds.
    case tooSlow(seconds: Int)
    /// A redirect to a location that is not http or https (file://, ftp://...), as the server wrote it.
    case redirectRefused(String)
    /// A header value (from config.toml) with a control character, which could smuggle in more headers.
    case invalidHeader(String)
    /// The refresh was stopped before this feed finished.
    case cancelled
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

    /// The message shown to the user: one line, through the sanitiser, since URLs and server messages in
    /// it come from outside.
    public var message: String { Sanitizer.cleanLine(rawMessage) }

    private var rawMessage: String {
        switch self {
        case .invalidURL(let url): "not a valid URL: \(Self.quoted(url))"
        case .unsupportedScheme(let scheme): "unsupported URL scheme '\(scheme)' (use http, https or a file path)"
        case .hostNotFound(let host): "host not found: \(host) (DNS lookup failed)"
        case .connectionRefused(let host): "connection refused by \(host)"
        case .timedOut(let seconds): "no answer within \(seconds) s (timed out)"
        case .tooSlow(let seconds):
            "not complete after \(seconds) s (4 × timeout-seconds): the server sends too slowly"
        case .redirectRefused(let location):
            "redirected to \(Self.quoted(location)): only http and https redirects are followed"
        case .invalidHeader(let name): "the \(name) header contains a control character; fix it in config.toml"
        case .cancelled: "cancelled"
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

    /// A URL from outside for a message: control characters percent-encoded so the reader sees that they
    /// were there, and at most 200 characters.
    static func quoted(_ url: String) -> String {
        Sanitizer.excerpt(Sanitizer.percentEncodingControls(url), limit: 200)
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

extension FetchError {
    /// A byte count in the units people read ("32 MB", "512 KB"), as the messages give limits.
    public static func describe(bytes: Int) -> String { ByteCountFormatter.describe(bytes) }
}

/// Byte counts in the units people read ("32 MB").
enum ByteCountFormatter {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

/// Checks on strings that become part of a request line or header.
enum HeaderValue {
    /// Whether `text` has a C0 control character, DEL or a C1 control: CR and LF would end the header and
    /// start another.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// `hasControl`, or any white space (which a URL never contains unencoded).
    static func hasControlOrSpace(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace }
    }

    /// `text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`, the ASCII part on
    /// bytes: Foundation's call took ~15,000 instructions a header line, a third of a warm refresh's work
    /// (7 lines an answer). An end that is not ASCII after that goes to Foundation, for Unicode's white space,
    /// so the result is always Foundation's (`HeaderTrimTests`).
    static func trimmed(_ text: Substring, newlines: Bool) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D)
        }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start < end, utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(text[start..<end])
    }
}

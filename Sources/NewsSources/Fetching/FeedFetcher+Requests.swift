import Foundation

/// A request to a web API (an aggregator server's), sent through the fetcher's limits: the same size
/// bound, timeouts, redirect rules, politeness and connection reuse as feeds.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PUT`, ...
    public var method: String
    public var url: String
    /// Extra header fields (`Authorization`, `Content-Type`, ...); a value with a control character is
    /// refused whole, never sent.
    public var headers: [HTTPHeader]
    public var body: Data?

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: Data? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

/// One header field of a request.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// A whole response, whatever its status: an API says as much in a 401 or a 429 as in a 200.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data
    /// Where the body came from after redirects.
    public var finalURL: String
    private var fields: [(name: String, value: String)]

    init(status: Int, body: Data, finalURL: String, fields: [(name: String, value: String)]) {
        self.status = status; self.body = body; self.finalURL = finalURL; self.fields = fields
    }

    /// The last value of the header field `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.last { $0.name == key }?.value
    }

    /// `Retry-After` as a date (seconds or an HTTP date), when the server sent one.
    public var retryAfter: Date? { header("Retry-After").flatMap(RetryAfter.parse) }
}

extension FeedFetcher {
    /// Sends `request` and returns the response whatever its status; throws only when no response came
    /// (network, timeout, size limit, a bad URL or header).
    public func send(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        guard !HeaderValue.hasControlOrSpace(request.url), let url = URL(string: request.url),
              let scheme = url.scheme?.lowercased(), url.host != nil else {
            throw .invalidURL(request.url)
        }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard !HeaderValue.hasControl(policy.userAgent) else { throw .invalidHeader("User-Agent") }
        guard !HeaderValue.hasControlOrSpace(request.method) else { throw .invalidHeader("method") }
        var lines: [String] = []
        for header in request.headers {
            guard !HeaderValue.hasControlOrSpace(header.name), !HeaderValue.hasControl(header.value) else {
                throw .invalidHeader(header.name)
            }
            lines.append("\(header.name): \(header.value)")
        }
        // No `Expect: 100-continue` round trip before a body: APIs answer small posts at once.
        if request.body != nil { lines.append("Expect:") }
        var transfer = TransferRequest(url: request.url, headerLines: lines, userAgent: policy.userAgent,
                                       limit: policy.maxBytes, idleSeconds: policy.timeoutSeconds,
                                       totalSeconds: policy.totalSeconds)
        transfer.method = request.method
        transfer.body = request.body
        let prepared = transfer
        let pool = self.pool
        let outcome: Result<TransferOutcome, FetchError> = await gate.run(host: url.host ?? "") {
            await pool.run(prepared)
        }
        let done = try outcome.get()
        return HTTPResponse(status: done.head.status, body: done.data, finalURL: done.finalURL,
                            fields: done.head.fields)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches feeds over HTTP(S) with conditional GET, a size limit enforced while downloading, redirect
/// tracking and per-host/overall limits; reads `file://` URLs and plain paths from disk (URLSession on Linux
/// cannot). One fetcher serves a whole refresh: it owns one URLSession, so connections are reused.
public final class FeedFetcher: Sendable {
    public let policy: FetchPolicy
    private let session: URLSession
    private let delegate: SessionDelegate
    private let gate: ConcurrencyGate

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(policy.timeoutSeconds)
        // The whole transfer may take longer than the idle timeout, but not for ever.
        configuration.timeoutIntervalForResource = TimeInterval(policy.timeoutSeconds * 4)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpMaximumConnectionsPerHost = policy.perHostLimit
        configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent]
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.gate = ConcurrencyGate(perHost: policy.perHostLimit, overall: policy.overallLimit)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Fetches `location` (an http(s) URL, a `file://` URL or a path), sending `validators` so that an
    /// unchanged feed costs a 304. Throws `FetchError` with a readable message on every failure.
    public func fetch(_ location: String, validators: Validators = Validators()) async throws(FetchError)
        -> FetchResult {
        if let path = Self.localPath(location) {
            return try readFile(path, validators: validators)
        }
        guard let url = URL(string: location), let scheme = url.scheme?.lowercased(), url.host != nil else {
            throw .invalidURL(location)
        }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        var request = URLRequest(url: url)
        request.setValue("application/rss+xml, application/atom+xml, application/feed+json, "
                         + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8", forHTTPHeaderField: "Accept")
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators.lastModified {
            request.setValue(modified, forHTTPHeaderField: "If-Modified-Since")
        }
        let host = url.host ?? ""
        let prepared = request
        let limit = policy.maxBytes
        let session = self.session
        let delegate = self.delegate
        let outcome: Result<TransferOutcome, FetchError> = await gate.run(host: host) {
            await delegate.perform(prepared, on: session, limit: limit)
        }
        return try interpret(outcome.get(), requested: location)
    }

    /// Turns a finished transfer into a result or a `FetchError`.
    private func interpret(_ outcome: TransferOutcome, requested: String) throws(FetchError) -> FetchResult {
        let response = outcome.response
        let status = response.statusCode
        let permanent = outcome.permanentRedirect
        switch status {
        case 200..<300:
            return .fetched(FetchedBody(
                data: outcome.data,
                contentType: response.value(forHTTPHeaderField: "Content-Type"),
                finalURL: response.url?.absoluteString ?? requested,
                etag: response.value(forHTTPHeaderField: "ETag"),
                lastModified: response.value(forHTTPHeaderField: "Last-Modified"),
                permanentRedirect: permanent))
        case 304:
            return .notModified(permanentRedirect: permanent)
        case 410:
            throw .gone
        default:
            let retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap(RetryAfter.parse)
            throw .http(status: status, retryAfter: retryAfter)
        }
    }

    /// A local path for `file://` URLs and plain paths; nil for anything with another scheme.
    static func localPath(_ location: String) -> String? {
        if location.hasPrefix("file://") { return URL(string: location)?.path }
        if location.hasPrefix("/") || location.hasPrefix("./") || location.hasPrefix("../")
            || location.hasPrefix("~/") {
            return (location as NSString).expandingTildeInPath
        }
        return nil
    }

    private func readFile(_ path: String, validators: Validators) throws(FetchError) -> FetchResult {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .file(path: path, reason: FileManager.default.fileExists(atPath: path)
                        ? "permission denied" : "no such file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > policy.maxBytes { throw .tooLarge(limit: policy.maxBytes) }
        let modified = (attributes[.modificationDate] as? Date).map(HTTPDate.format)
        if let modified, modified == validators.lastModified { return .notModified(permanentRedirect: nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .file(path: path, reason: "cannot be read")
        }
        return .fetched(FetchedBody(data: data, contentType: nil, finalURL: URL(fileURLWithPath: path).absoluteString,
                                    etag: nil, lastModified: modified))
    }
}

/// A finished HTTP transfer, before its status is judged.
struct TransferOutcome: Sendable {
    var data: Data
    var response: HTTPURLResponse
    var permanentRedirect: String?
}

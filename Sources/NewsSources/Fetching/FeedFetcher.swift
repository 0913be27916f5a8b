import CCurl
import Foundation

/// Fetches feeds and pages over HTTP(S) with conditional GET, redirect tracking and per-host/overall
/// limits, bounded in memory (`maxBytes`, decoded) and in time (`timeoutSeconds` of silence,
/// `totalSeconds` in all); reads `file://` URLs and plain paths from disk. One fetcher serves a whole
/// refresh: it keeps its libcurl handles, so connections are reused.
public final class FeedFetcher: Sendable {
    public let policy: FetchPolicy
    let pool: CurlHandlePool
    let gate: ConcurrencyGate

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        self.pool = CurlHandlePool(capacity: policy.overallLimit)
        self.gate = ConcurrencyGate(perHost: policy.perHostLimit, overall: policy.overallLimit)
    }

    /// Loads libcurl and runs its global start-up (OpenSSL's among it) on a thread of its own, for a command
    /// that is about to fetch: a transfer pool loads them at its first transfer, and a refresh's first
    /// transfers then waited ~20 ms for them instead of running beside the cache's opening (a tenth of a
    /// warm refresh). The library stays loaded and initialised for the rest of the process, so a pool's own
    /// load and start-up find it done. A libcurl that cannot be loaded is reported by that first transfer.
    /// The command waits for the returned preparation before it exits (`TransferPreparation.wait`).
    @discardableResult
    public static func prepareTransfers() -> TransferPreparation {
        let preparation = TransferPreparation()
        let thread = Thread {
            defer { preparation.finished() }
            guard let library = try? CurlLibrary() else { return }
            // Thread-safe and reference-counted in libcurl 7.84 and later (see `CurlHandlePool.take`).
            _ = library.globalInit(Int(CURL_GLOBAL_DEFAULT))
            // Kept: closing it would unload the library (and its initialised state) before the pool opens it.
            _ = Unmanaged.passRetained(library)
        }
        thread.stackSize = 1 << 20
        thread.start()
        return preparation
    }

    /// Fetches `location` (an http(s) URL, a `file://` URL or a path), sending `validators` so that an
    /// unchanged feed costs a 304. Throws `FetchError` with a readable message on every failure.
    public func fetch(_ location: String, validators: Validators = Validators()) async throws(FetchError)
        -> FetchResult {
        if let path = Self.localPath(location) {
            return try readFile(path, validators: validators)
        }
        // A URL with a control character or a space is refused whole, never sent or quoted raw: it can only
        // come from a hostile page or file.
        guard !HeaderValue.hasControlOrSpace(location), let url = URL(string: location),
              let scheme = url.scheme?.lowercased(), url.host != nil else {
            throw .invalidURL(location)
        }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard !HeaderValue.hasControl(policy.userAgent) else { throw .invalidHeader("User-Agent") }
        var headers = ["Accept: application/rss+xml, application/atom+xml, application/feed+json, "
                       + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"]
        // Validators come back from servers: one with a control character is not worth a header.
        if let etag = validators.etag, !HeaderValue.hasControl(etag) { headers.append("If-None-Match: \(etag)") }
        if let modified = validators.lastModified, !HeaderValue.hasControl(modified) {
            headers.append("If-Modified-Since: \(modified)")
        }
        let request = TransferRequest(url: location, headerLines: headers, userAgent: policy.userAgent,
                                      limit: policy.maxBytes, idleSeconds: policy.timeoutSeconds,
                                      totalSeconds: policy.totalSeconds)
        let pool = self.pool
        let outcome: Result<TransferOutcome, FetchError> = await gate.run(host: url.host ?? "") {
            await pool.run(request)
        }
        return try interpret(outcome.get())
    }

    /// Turns a finished transfer into a result or a `FetchError`.
    private func interpret(_ outcome: TransferOutcome) throws(FetchError) -> FetchResult {
        let head = outcome.head
        let status = head.status
        let permanent = outcome.permanentRedirect
        switch status {
        case 200..<300:
            return .fetched(FetchedBody(
                data: outcome.data,
                contentType: head.value("Content-Type"),
                finalURL: outcome.finalURL,
                etag: head.value("ETag"),
                lastModified: head.value("Last-Modified"),
                permanentRedirect: permanent,
                contentLocation: head.value("Content-Location")))
        case 304:
            return .notModified(permanentRedirect: permanent)
        case 410:
            throw .gone
        default:
            let retryAfter = head.value("Retry-After").flatMap(RetryAfter.parse)
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

/// A `FeedFetcher.prepareTransfers` under way. A process must not exit while it runs: exit handlers would
/// tear down what OpenSSL is still setting up on the other thread (a command that fails early, on a cache
/// it cannot open, exits within milliseconds).
public final class TransferPreparation: @unchecked Sendable {
    // @unchecked Sendable: `isDone` is only touched under `condition`.
    private let condition = NSCondition()
    private var isDone = false

    fileprivate init() {}

    fileprivate func finished() {
        condition.lock()
        isDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once libcurl is loaded and started (at once when it already is); any number of times.
    public func wait() {
        condition.lock()
        while !isDone { condition.wait() }
        condition.unlock()
    }
}

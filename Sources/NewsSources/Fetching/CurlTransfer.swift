import CCurl
import Foundation
import TextSafety

/// One HTTP(S) transfer performed by libcurl on the calling thread, with every limit enforced inside
/// libcurl's own callbacks: the body (decoded, when the server compressed it) stops being read the moment it
/// passes the size limit, a transfer with no progress for `idleSeconds` or not finished within
/// `totalSeconds` ends, and only http and https are ever requested or followed. URLSession could bound none
/// of these on Linux: it inflated and queued the whole body before its delegate could cancel (a 10 GiB gzip
/// bomb peaked at 13.4 GiB) and ignored its resource timeout (DECISIONS.md, 2026-12-04).
enum CurlTransfer {
    /// Runs `request` to completion on this thread (it blocks) and reports how it ended.
    static func perform(_ request: TransferRequest, handle: UnsafeMutableRawPointer, curl: CurlLibrary,
                        cancel: CancelFlag) -> Result<TransferOutcome, FetchError> {
        let state = TransferState(limit: request.limit, idleSeconds: request.idleSeconds, cancel: cancel)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        for line in request.headerLines { headerList = curl.slistAppend(headerList, line) }
        defer { curl.slistFreeAll(headerList) }
        let started = ContinuousClock.now
        let code: CURLcode = withExtendedLifetime(state) {
            errorBuffer.withUnsafeMutableBufferPointer { buffer in
                configure(handle, request, curl: curl, state: state, headers: headerList, errorBuffer: buffer.baseAddress!)
                return curl.easyPerform(handle)
            }
        }
        let elapsed = ContinuousClock.now - started
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if code == CURLE_OK {
            return .success(outcome(of: state, handle: handle, curl: curl, requested: request.url))
        }
        return .failure(classify(code, state: state, request: request, curl: curl, detail: detail,
                                 outOfTime: elapsed >= .seconds(request.totalSeconds) - .milliseconds(500)))
    }

    /// Sets every option of one transfer; the handle was reset, so nothing of an earlier one remains but
    /// its open connections.
    private static func configure(_ handle: UnsafeMutableRawPointer, _ request: TransferRequest, curl: CurlLibrary,
                                  state: TransferState, headers: UnsafeMutablePointer<curl_slist>?,
                                  errorBuffer: UnsafeMutablePointer<CChar>) {
        let context = Unmanaged.passUnretained(state).toOpaque()
        _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_URL, request.url)
        _ = gazette_curl_set_pointer(curl.setopt, handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_NOSIGNAL, 1)
        // Only the web: a feed (or a redirect from one) naming file://, ftp:// or gopher:// is refused.
        _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_MAXREDIRS, 10)
        _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_USERAGENT, request.userAgent)
        _ = gazette_curl_set_list(curl.setopt, handle, CURLOPT_HTTPHEADER, headers)
        if let body = request.body {
            // The size first, so a body is sent whole whatever bytes it holds; libcurl copies it at once.
            _ = gazette_curl_set_offset(curl.setopt, handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            _ = body.withUnsafeBytes { raw in
                gazette_curl_set_pointer(curl.setopt, handle, CURLOPT_COPYPOSTFIELDS,
                                         UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
        }
        if request.method != "GET" && !(request.method == "POST" && request.body != nil) {
            _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        // Every encoding libcurl can decode, decoded piece by piece into the write callback, which stops
        // the transfer when the decoded body passes the limit: a bomb costs the limit, not its size.
        _ = gazette_curl_set_string(curl.setopt, handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = gazette_curl_set_offset(curl.setopt, handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.limit))
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_CONNECTTIMEOUT, request.idleSeconds)
        // Silence (no byte for `idleSeconds`) is watched in the progress callback; `totalSeconds` bounds a
        // trickle, however steady.
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_TIMEOUT, request.totalSeconds)
        _ = gazette_curl_set_pointer(curl.setopt, handle, CURLOPT_WRITEDATA, context)
        _ = gazette_curl_set_data_callback(curl.setopt, handle, CURLOPT_WRITEFUNCTION) { bytes, size, count, context in
            guard let context else { return 0 }
            let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
            return state.receiveBody(UnsafeRawBufferPointer(start: bytes, count: size * count)) ? size * count : 0
        }
        _ = gazette_curl_set_pointer(curl.setopt, handle, CURLOPT_HEADERDATA, context)
        _ = gazette_curl_set_data_callback(curl.setopt, handle, CURLOPT_HEADERFUNCTION) { bytes, size, count, context in
            guard let context else { return 0 }
            let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
            return state.receiveHeader(UnsafeRawBufferPointer(start: bytes, count: size * count)) ? size * count : 0
        }
        // The progress callback runs at least once a second, even while the server is silent: it is where a
        // cancelled refresh stops its transfers, and a silent server is given up.
        _ = gazette_curl_set_long(curl.setopt, handle, CURLOPT_NOPROGRESS, 0)
        _ = gazette_curl_set_pointer(curl.setopt, handle, CURLOPT_XFERINFODATA, context)
        _ = gazette_curl_set_progress_callback(curl.setopt, handle) { context, _, received, _, _ in
            guard let context else { return 1 }
            return Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue().shouldStop(received: Int64(received)) ? 1 : 0
        }
    }

    /// The finished transfer as the fetcher judges it.
    private static func outcome(of state: TransferState, handle: UnsafeMutableRawPointer, curl: CurlLibrary,
                                requested: String)
        -> TransferOutcome {
        var effective: UnsafeMutablePointer<CChar>? = nil
        _ = gazette_curl_get_string(curl.getinfo, handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? requested
        let head = state.finalHead ?? ResponseHead(status: 0, fields: [])
        let redirects = state.redirectStatuses
        let permanent = !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 } ? finalURL : nil
        return TransferOutcome(data: state.takeBody(), head: head, finalURL: finalURL, permanentRedirect: permanent)
    }

    /// Maps libcurl's result codes onto the few kinds a reader can act on.
    static func classify(_ code: CURLcode, state: TransferState, request: TransferRequest, curl: CurlLibrary,
                         detail: String,
                         outOfTime: Bool) -> FetchError {
        let host = URLResolver.host(of: request.url) ?? "the server"
        if state.exceeded { return .tooLarge(limit: request.limit) }
        if state.cancel.isCancelled { return .cancelled }
        if state.wentSilent { return .timedOut(seconds: request.idleSeconds) }
        if let refusal = state.refusal { return refusal }
        switch code {
        case CURLE_FILESIZE_EXCEEDED: return .tooLarge(limit: request.limit)
        case CURLE_COULDNT_RESOLVE_HOST: return .hostNotFound(host)
        case CURLE_COULDNT_CONNECT: return .connectionRefused(host)
        case CURLE_OPERATION_TIMEDOUT:
            return outOfTime ? .tooSlow(seconds: request.totalSeconds) : .timedOut(seconds: request.idleSeconds)
        case CURLE_TOO_MANY_REDIRECTS: return .tooManyRedirects
        case CURLE_UNSUPPORTED_PROTOCOL:
            if let location = state.lastLocation { return .redirectRefused(location) }
            return .unsupportedScheme(URLResolver.scheme(of: request.url) ?? "")
        case CURLE_URL_MALFORMAT: return .invalidURL(request.url)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING:
            return .connectionLost
        case CURLE_BAD_CONTENT_ENCODING:
            return .other("\(host) sent a compressed body that does not decompress")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return .tls(detail.isEmpty ? curl.describe(code) : detail)
        default:
            let reason = detail.isEmpty ? curl.describe(code) : detail
            return .other("\(host): \(reason)")
        }
    }
}

/// A request as the transport sends it.
struct TransferRequest: Sendable {
    var url: String
    /// Extra header lines, `Name: value`, already checked for control characters.
    var headerLines: [String]
    var userAgent: String
    var limit: Int
    var idleSeconds: Int
    var totalSeconds: Int
    /// `GET` unless said otherwise; `POST` and `PUT` carry `body`.
    var method = "GET"
    var body: Data? = nil
}

/// The status and header fields of a response. Names are lower-cased.
struct ResponseHead: Sendable {
    var status: Int
    var fields: [(name: String, value: String)]

    /// The last value of the field `name` (case-insensitive).
    func value(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.last { $0.name == key }?.value
    }
}

/// A finished HTTP transfer, before its status is judged.
struct TransferOutcome: Sendable {
    var data: Data
    var head: ResponseHead
    var finalURL: String
    var permanentRedirect: String?
}

/// Set from any thread to stop a transfer at its next progress callback (within a second).
final class CancelFlag: @unchecked Sendable {
    // @unchecked Sendable: `cancelled` is only read and written under `lock`.
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool { lock.withLock { cancelled } }
    func cancel() { lock.withLock { cancelled = true } }
}

/// What libcurl's callbacks gather during one transfer. Only the transfer's thread touches it.
final class TransferState {
    let limit: Int
    let idleSeconds: Int
    let cancel: CancelFlag
    /// The body so far, bounded by `limit` in what it allocates as well as in what it holds.
    private var body: BodyBuffer
    /// Set when nothing arrived for `idleSeconds`.
    private(set) var wentSilent = false
    private var lastReceived: Int64 = -1
    private var lastActivity = ContinuousClock.now
    private(set) var exceeded = false
    /// Set when the response itself was refused (headers too large).
    private(set) var refusal: FetchError?
    private(set) var heads: [ResponseHead] = []
    private var headerBytes = 0

    /// Header bytes accepted in all responses of one transfer; libcurl bounds each line, not their number.
    static let headerLimit = 256 << 10

    init(limit: Int, idleSeconds: Int, cancel: CancelFlag) {
        self.limit = limit; self.idleSeconds = idleSeconds; self.cancel = cancel
        body = BodyBuffer(limit: limit)
    }

    /// Bytes the body's storage holds now, received or not (never more than `limit`).
    var bodyCapacity: Int { body.capacity }

    /// The body received, handed over without a copy.
    func takeBody() -> Data { body.take() }

    /// Whether the transfer must stop now: cancelled, or silent (no header or body byte) for `idleSeconds`.
    /// A server sending a byte now and then is not silent; the total limit ends it.
    func shouldStop(received: Int64) -> Bool {
        if cancel.isCancelled { return true }
        let now = ContinuousClock.now
        if received != lastReceived {
            lastReceived = received
            lastActivity = now
        } else if now - lastActivity >= .seconds(idleSeconds) {
            wentSilent = true
            return true
        }
        return false
    }

    /// The last response that was not informational (1xx).
    var finalHead: ResponseHead? { heads.last { $0.status >= 200 } }

    /// The statuses of the redirects followed on the way to the final response.
    var redirectStatuses: [Int] { heads.dropLast().map(\.status).filter { (300..<400).contains($0) } }

    /// Where the last redirect pointed, as the server wrote it.
    var lastLocation: String? { heads.last { (300..<400).contains($0.status) }?.value("location") }

    /// Appends decoded body bytes; false (which stops the transfer) once the body would pass the limit.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.append(bytes) { return true }
        exceeded = true
        body.release()
        return false
    }

    /// Takes one header line of any response on the way (redirects and 1xx included); false stops the
    /// transfer.
    func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        headerBytes += bytes.count
        lastActivity = ContinuousClock.now
        if headerBytes > Self.headerLimit {
            refusal = .other("the server sent more than \(ByteCountFormatter.describe(Self.headerLimit)) of headers")
            return false
        }
        let line = HeaderValue.trimmed(String(decoding: bytes, as: UTF8.self)[...], newlines: true)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            heads.append(ResponseHead(status: parts.count > 1 ? Int(parts[1]) ?? 0 : 0, fields: []))
            // A body belongs to the response it follows; anything before the final head is discarded.
            body.removeAll()
        } else if let colon = line.firstIndex(of: ":"), !heads.isEmpty {
            let name = HeaderValue.trimmed(line[..<colon], newlines: false).lowercased()
            let value = HeaderValue.trimmed(line[line.index(after: colon)...], newlines: false)
            heads[heads.count - 1].fields.append((name, value))
            // An announced length sizes the storage once instead of doubling up to it (capped at the limit).
            if name == "content-length", let length = Int(value), length > 0 { body.expect(length) }
        }
        return true
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession's delegate for all of a fetcher's transfers: it accumulates each body, cancels a transfer the
/// moment it passes the size limit (so a huge or endless response costs at most the limit), and notes
/// redirects so a permanent move can be reported.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked Sendable: `transfers` is only read and written while holding `lock`; URLSession calls
    // the delegate methods on its own serial queue, and `perform` registers from any task.

    private struct Transfer {
        var data = Data()
        let limit: Int
        var exceeded = false
        var redirectsAllPermanent = true
        var redirected = false
        var lastLocation: String?
        let continuation: CheckedContinuation<Result<TransferOutcome, FetchError>, Never>
    }

    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    /// Runs one request to completion and reports how it ended; never throws.
    func perform(_ request: URLRequest, on session: URLSession, limit: Int) async
        -> Result<TransferOutcome, FetchError> {
        await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request)
            lock.withLock {
                transfers[task.taskIdentifier] = Transfer(limit: limit, continuation: continuation)
            }
            task.resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let declared = response.expectedContentLength
        let tooLarge = lock.withLock { () -> Bool in
            guard let limit = transfers[dataTask.taskIdentifier]?.limit else { return false }
            if declared > 0, declared > Int64(limit) {
                transfers[dataTask.taskIdentifier]?.exceeded = true
                return true
            }
            // A declared length lets the body grow in one allocation.
            if declared > 0 { transfers[dataTask.taskIdentifier]?.data.reserveCapacity(Int(declared)) }
            return false
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let cancel = lock.withLock { () -> Bool in
            let id = dataTask.taskIdentifier
            guard let received = transfers[id]?.data.count, let limit = transfers[id]?.limit else { return false }
            if received + data.count > limit {
                transfers[id]?.exceeded = true
                transfers[id]?.data = Data()
                return true
            }
            // Appended in place: a copy of the transfer taken out of the dictionary would share the body's
            // buffer, and every append would then copy the whole body (quadratic: a 70 MB feed took minutes).
            transfers[id]?.data.append(data)
            return false
        }
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask,
                    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        lock.withLock {
            guard var transfer = transfers[task.taskIdentifier] else { return }
            transfer.redirected = true
            if response.statusCode != 301 && response.statusCode != 308 { transfer.redirectsAllPermanent = false }
            transfer.lastLocation = request.url?.absoluteString
            transfers[task.taskIdentifier] = transfer
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        let host = task.originalRequest?.url?.host ?? "the server"
        if transfer.exceeded {
            transfer.continuation.resume(returning: .failure(.tooLarge(limit: transfer.limit)))
            return
        }
        if let error {
            // libcurl reports a body cut short as a generic error; the declared length tells it apart.
            let declared = task.response?.expectedContentLength ?? -1
            if declared > 0, Int64(transfer.data.count) < declared {
                transfer.continuation.resume(returning: .failure(.connectionLost))
                return
            }
            transfer.continuation.resume(returning: .failure(Self.classify(error, host: host,
                timeout: Int(session.configuration.timeoutIntervalForRequest))))
            return
        }
        guard let response = task.response as? HTTPURLResponse else {
            transfer.continuation.resume(returning: .failure(.other("no HTTP response from \(host)")))
            return
        }
        let permanent = transfer.redirected && transfer.redirectsAllPermanent ? transfer.lastLocation : nil
        transfer.continuation.resume(returning: .success(TransferOutcome(
            data: transfer.data, response: response, permanentRedirect: permanent)))
    }

    /// Maps URLSession's errors onto the few kinds a reader can act on.
    static func classify(_ error: Error, host: String, timeout: Int) -> FetchError {
        guard let urlError = error as? URLError else { return .other(error.localizedDescription) }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound(host)
        case .cannotConnectToHost: return .connectionRefused(host)
        case .timedOut: return .timedOut(seconds: timeout)
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return .tooManyRedirects
        case .networkConnectionLost, .cannotParseResponse, .badServerResponse, .zeroByteResource:
            return .connectionLost
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tls(urlError.localizedDescription)
        case .notConnectedToInternet: return .other("not connected to the network")
        default: return .other("\(host): \(urlError.localizedDescription) (code \(urlError.code.rawValue))")
        }
    }
}

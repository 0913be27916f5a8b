import CCurl
import Foundation

/// The libcurl handles of one fetcher, kept between transfers so that connections (and TLS sessions) to a
/// server are reused across the feeds of a refresh. Each transfer runs on a thread of its own, never on
/// Swift's cooperative pool: libcurl blocks, and a slow server must not hold up anything else.
final class CurlHandlePool: @unchecked Sendable {
    // @unchecked Sendable: `idle` is only read and written under `lock`; a handle is used by one thread at
    // a time, between `take` and `giveBack`.
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []
    private let capacity: Int
    /// libcurl, loaded (and `curl_global_init` called) before the pool's first handle: a reader that fetches
    /// nothing never maps it, nor the TLS libraries it brings and their start-up (`CurlLibrary`).
    private var library: CurlLibrary?
    private var initialised = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    deinit {
        guard let library else { return }
        for handle in idle { library.easyCleanup(handle) }
        if initialised { library.globalCleanup() }
    }

    /// Runs `request` on a new thread with a handle from the pool; cancelling the calling task stops the
    /// transfer within a second.
    func run(_ request: TransferRequest) async -> Result<TransferOutcome, FetchError> {
        let flag = CancelFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread { [self] in
                    switch take() {
                    case .failure(let error):
                        continuation.resume(returning: .failure(error))
                    case .success(let (handle, curl)):
                        let result = CurlTransfer.perform(request, handle: handle, curl: curl, cancel: flag)
                        giveBack(handle, curl)
                        continuation.resume(returning: result)
                    }
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }

    private func take() -> Result<(UnsafeMutableRawPointer, CurlLibrary), FetchError> {
        let taken = lock.withLock { () -> Result<(UnsafeMutableRawPointer?, CurlLibrary), FetchError> in
            let curl: CurlLibrary
            if let library {
                curl = library
            } else {
                do throws(CurlLibrary.LoadError) { curl = try CurlLibrary() } catch { return .failure(.other(error.description)) }
                library = curl
                // Reference-counted and thread-safe in the libcurl versions Gazette builds against (7.84 and
                // later); under the lock so that a pool initialises once.
                initialised = curl.globalInit(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
            }
            return .success((idle.popLast(), curl))
        }
        switch taken {
        case .failure(let error):
            return .failure(error)
        case .success(let (reused, curl)):
            guard let handle = reused ?? curl.easyInit() else {
                return .failure(.other("cannot start a transfer (out of memory?)"))
            }
            return .success((handle, curl))
        }
    }

    private func giveBack(_ handle: UnsafeMutableRawPointer, _ curl: CurlLibrary) {
        // Reset clears every option (and the pointers into the finished transfer) but keeps the connections.
        curl.easyReset(handle)
        let kept = lock.withLock { () -> Bool in
            guard idle.count < capacity else { return false }
            idle.append(handle)
            return true
        }
        if !kept { curl.easyCleanup(handle) }
    }
}

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

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        // Reference-counted and thread-safe in the libcurl versions Gazette builds against (7.84 and later).
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }

    deinit {
        for handle in idle { curl_easy_cleanup(handle) }
        curl_global_cleanup()
    }

    /// Runs `request` on a new thread with a handle from the pool; cancelling the calling task stops the
    /// transfer within a second.
    func run(_ request: TransferRequest) async -> Result<TransferOutcome, FetchError> {
        let flag = CancelFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread { [self] in
                    guard let handle = take() else {
                        continuation.resume(returning: .failure(.other("cannot start a transfer (out of memory?)")))
                        return
                    }
                    let result = CurlTransfer.perform(request, handle: handle, cancel: flag)
                    giveBack(handle)
                    continuation.resume(returning: result)
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }

    private func take() -> UnsafeMutableRawPointer? {
        if let handle = lock.withLock({ idle.popLast() }) { return handle }
        return curl_easy_init()
    }

    private func giveBack(_ handle: UnsafeMutableRawPointer) {
        // Reset clears every option (and the pointers into the finished transfer) but keeps the connections.
        curl_easy_reset(handle)
        let kept = lock.withLock { () -> Bool in
            guard idle.count < capacity else { return false }
            idle.append(handle)
            return true
        }
        if !kept { curl_easy_cleanup(handle) }
    }
}

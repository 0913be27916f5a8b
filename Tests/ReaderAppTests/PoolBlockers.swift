import Foundation

/// Tasks that hold threads of Swift's cooperative pool (one per core) until released, as work blocked in a
/// system call does: the reader's loop passes through the pool (`Task.yield`, its effects' answers), so a
/// pool with no free thread stops it.
final class PoolBlockers: @unchecked Sendable {
    // @unchecked Sendable: `started`, `isReleased` and `guardFired` are only touched under `condition`.
    private let condition = NSCondition()
    private var started = 0
    private var isReleased = false
    /// Set when the deadlock guard, not the test, had to let the pool go.
    private(set) var guardFired = false
    let count: Int

    /// - Parameter sparing: threads of the pool left free (the pool has one per core).
    init(sparing: Int = 0) { count = max(0, ProcessInfo.processInfo.activeProcessorCount - sparing) }

    /// Starts the blockers and returns once every one of them holds a thread. The guard lets them go after
    /// `guardSeconds` if nothing else did, so a stalled run fails instead of hanging the test process.
    func occupy(guardSeconds: Double = 60) {
        for _ in 0..<count { Task.detached { [self] in hold() } }
        condition.lock()
        while started < count { condition.wait() }
        condition.unlock()
        DispatchQueue.global().asyncAfter(deadline: .now() + guardSeconds) { [self] in release(byGuard: true) }
    }

    /// Lets every blocker end.
    func release(byGuard: Bool = false) {
        condition.lock()
        if !isReleased { isReleased = true; guardFired = byGuard }
        condition.broadcast()
        condition.unlock()
    }

    private func hold() {
        condition.lock()
        started += 1
        condition.broadcast()
        while !isReleased { condition.wait() }
        condition.unlock()
    }
}

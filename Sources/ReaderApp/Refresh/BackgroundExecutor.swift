import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A task executor of a few threads of its own: low-priority ones for the reader's background refresh, and
/// one for the reader's cache writes, which may wait on another process's writer (`ReaderRuntime`).
///
/// Why: on the cooperative pool (one thread per core), a 500-feed refresh keeps every thread busy parsing
/// and storing, and the reader's own loop waits behind it whenever it passes through the pool (its
/// `Task.yield`, the answers of cache reads): keys took 250 ms to reach the screen on two cores. Run here,
/// the refresh leaves the pool free, and its threads are `nice`d so the loop's thread wins the CPU too.
final class BackgroundExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `jobs` and `isStopping` are only touched while `condition` is locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var isStopping = false
    private let niceness: Int32

    /// - Parameters:
    ///   - threads: worker threads (they end once `stop()` is called and the queue is empty).
    ///   - niceness: the threads' nice value (`setpriority` on each; Linux schedules threads individually).
    ///   - name: the threads' name, numbered.
    init(threads: Int, niceness: Int32 = 10, name: String = "gazette-refresh") {
        self.niceness = niceness
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the jobs queued so far have run.
    func stop() {
        condition.lock()
        isStopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        #if os(Linux)
        // On Linux the nice value belongs to the thread, and `who == 0` names the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
        while true {
            condition.lock()
            while jobs.isEmpty && !isStopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

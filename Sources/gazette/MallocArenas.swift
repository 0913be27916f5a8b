#if canImport(Glibc)
import Glibc

/// The number of glibc malloc arenas, bounded for a refresh.
///
/// glibc gives a thread that finds the arenas busy an arena of its own, up to eight per core. A refresh runs
/// a dozen threads (fetches, parsing, the cache's writer and readers) whose short-lived documents then sit
/// in as many arenas, each keeping its freed memory for reuse: measured on a cold refresh of 100 feeds, the
/// arenas held ~9 MB for ~7.6 MB of live data. Fewer arenas share that free memory (DECISIONS.md).
enum MallocArenas {
    /// Limits later-made arenas to `count` (`mallopt(M_ARENA_MAX)`); true if the C library took it.
    /// Looked up at run time: `mallopt` is glibc's (not in Swift's Glibc module), and another C library
    /// without it simply keeps its own policy.
    @discardableResult
    static func limit(to count: Int32) -> Bool {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // RTLD_DEFAULT: the symbol as the program itself would see it.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        return unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, count) == 1
    }
}
#endif

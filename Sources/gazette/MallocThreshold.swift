#if canImport(Glibc)
import Glibc

/// glibc's threshold above which a block gets pages of its own, held fixed for a refresh.
///
/// glibc starts at 128 KiB and, each time it frees such a block, raises the threshold to that block's size
/// and the heaps' trim threshold to twice it. A refresh frees its feeds' bodies (tens to hundreds of
/// kilobytes) as soon as they are parsed, so after the first one, bodies and big strings came from the heaps
/// of a dozen threads' arenas, which kept the freed space instead of trimming it: on a cold refresh of 100
/// feeds the arenas held ~9 MB for ~7.6 MB of live data. Fixing the threshold keeps both at glibc's start.
/// Measured: ~1.2 MB less peak memory at 100 feeds, ~1.5 MB at 500, the same CPU time. Fewer arenas
/// (`M_ARENA_MAX` 1 or 2) saved ~2 MB but cost 7–9 % more CPU on two cores (DECISIONS.md).
enum MallocThreshold {
    /// glibc's own starting value.
    static let bytes: Int32 = 128 << 10

    /// Fixes the threshold at `bytes` (`mallopt(M_MMAP_THRESHOLD)`); true if the C library took it.
    /// Looked up at run time: `mallopt` is glibc's and not in Swift's Glibc module; a C library without it
    /// keeps its own policy.
    @discardableResult
    static func fix(at bytes: Int32 = MallocThreshold.bytes) -> Bool {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // RTLD_DEFAULT: the symbol as the program itself would see it.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        return unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, bytes) == 1
    }
}
#endif

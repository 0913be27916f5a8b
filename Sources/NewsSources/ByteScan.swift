#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time scanning over UTF-8 buffers: eight bytes are tested at once and skipped together when
/// none of them is interesting, which is most of the time in text. Only ever a shortcut: callers re-check the
/// bytes of a word that may hold a match one by one.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A word with the high bit set in (at least) the bytes of `word` equal to `byte` (exact for the lowest).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & highs
    }

    /// A word with the high bit set in (at least) the bytes of `word` below `limit` (at most 0x80; exact
    /// for the lowest).
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- UInt64(limit) &* ones) & ~word & highs
    }

    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// The index of the first `byte` in `bytes[from..<end]`, or `end` (memchr).
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let base = bytes.baseAddress else { return end }
        guard let found = memchr(base + from, Int32(byte), end - from) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the eight bytes at `index` are all printable ASCII (0x20–0x7E).
    @inline(__always)
    static func isPrintableASCIIWord(_ word: UInt64) -> Bool {
        // High bit clear everywhere, no byte below 0x20 (no borrow out of any byte), and no 0x7F.
        guard word & highs == 0 else { return false }
        return ((word &- 0x2020_2020_2020_2020) & highs) == 0 && matches(word, 0x7F) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time tests on eight UTF-8 bytes (SWAR), for the scans that look at every byte of a feed or an
/// article: most of those bytes are ASCII that needs nothing done, and eight are ruled out at once. Only
/// ever a shortcut: every test is exact for the lowest flagged byte, and callers look at the bytes of a
/// flagged word one by one. The parser, the sanitiser and the layout all scan with this one type.
///
/// `@usableFromInline`: without it the compiler (Swift 6.3) does not inline the `@inlinable` tests of a
/// `package` type into other modules, and the HTML reader, the wrapper and the feed parser made a call per
/// eight bytes.
@usableFromInline package enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must leave eight bytes), in memory order from the low byte.
    @inlinable @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether any byte is 0x80 or above.
    @inlinable @inline(__always)
    package static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }

    /// The bytes below `limit` (at most 0x80), each marked by its high bit; exact for the lowest, since a
    /// borrow only starts at a byte below `limit`.
    @inlinable @inline(__always)
    package static func flags(below limit: UInt8, _ word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Whether any byte is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    package static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool { flags(below: limit, word) != 0 }

    /// The bytes equal to `value`, each marked by its high bit (0x80) and nothing else: exact for every
    /// byte, as no carry crosses from one byte into the next.
    @inlinable @inline(__always)
    package static func matches(_ value: UInt8, _ word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(value))
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// Whether any byte equals `value`.
    @inlinable @inline(__always)
    package static func hasByte(_ value: UInt8, _ word: UInt64) -> Bool { matches(value, word) != 0 }

    /// The offset of the lowest flagged byte of a non-zero flag word.
    @inlinable @inline(__always)
    package static func firstFlagged(_ flags: UInt64) -> Int { flags.trailingZeroBitCount >> 3 }

    /// Whether every byte is printable ASCII, space included, other than "-" and "/": each takes one
    /// column, and only the spaces offer a break.
    @inlinable @inline(__always)
    package static func isPlainOrSpace(_ word: UInt64) -> Bool {
        !hasNonASCII(word) && !hasByte(below: 0x20, word) && !hasByte(0x7F, word) && !hasByte(0x2D, word)
            && !hasByte(0x2F, word)
    }

    /// How many of the eight bytes, from the first, are printable ASCII (0x20 to 0x7E). Exact: a false
    /// flag can only sit above a true one.
    @inlinable @inline(__always)
    package static func leadingPrintableASCII(_ word: UInt64) -> Int {
        var flags = word & highs
        flags |= (word &- ones &* 0x20) & ~word & highs
        let x = word ^ (ones &* 0x7F)
        flags |= (x &- ones) & ~x & highs
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
    }

    /// How many of the eight bytes, from the first, are plain letters of a word: printable ASCII other
    /// than space, "-" and "/". Each test below flags its lowest matching byte exactly (a false flag can
    /// only sit above a true one), so the lowest flag of them all is the first byte that is not a letter.
    @inlinable @inline(__always)
    package static func leadingWordBytes(_ word: UInt64) -> Int {
        var flags = word & highs
        flags |= (word &- ones &* 0x21) & ~word & highs
        for value: UInt8 in [0x7F, 0x2D, 0x2F] {
            let x = word ^ (ones &* UInt64(value))
            flags |= (x &- ones) & ~x & highs
        }
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
    }

    /// The index of the first `byte` in `bytes[from..<end]`, or `end` (memchr).
    @inlinable @inline(__always)
    package static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let base = bytes.baseAddress else { return end }
        guard let found = memchr(base + from, Int32(byte), end - from) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF, no cut
    /// sequence), eight ASCII bytes at a time: most bytes of feeds and API answers are ASCII markup.
    package static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n && !hasNonASCII(load(bytes, at: i)) { i += 8; continue }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b >= 0xC2 && b <= 0xDF { length = 2 } else if b >= 0xE0 && b <= 0xEF { length = 3 } else if b >= 0xF0 && b <= 0xF4 { length = 4 } else { return false }
            guard i + length <= n else { return false }
            let b1 = bytes[i + 1]
            switch b {
            case 0xE0: if b1 < 0xA0 || b1 > 0xBF { return false }
            case 0xED: if b1 < 0x80 || b1 > 0x9F { return false }
            case 0xF0: if b1 < 0x90 || b1 > 0xBF { return false }
            case 0xF4: if b1 < 0x80 || b1 > 0x8F { return false }
            default: if b1 & 0xC0 != 0x80 { return false }
            }
            var k = 2
            while k < length { if bytes[i + k] & 0xC0 != 0x80 { return false }; k += 1 }
            i += length
        }
        return true
    }
}

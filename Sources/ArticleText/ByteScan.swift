/// Word-at-a-time tests on eight UTF-8 bytes (SWAR), for the scans that look at every byte of an
/// article: most of those bytes are ASCII letters that need nothing done, and eight are ruled out at
/// once. Each test is exact for every byte value.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must leave eight bytes), in memory order from the low byte.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether any byte is 0x80 or above.
    @inline(__always)
    static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }

    /// Whether any byte is below `limit` (at most 0x80). A borrow only starts at a byte below `limit`,
    /// so the answer is exact whatever the other bytes are.
    @inline(__always)
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether any byte equals `value`.
    @inline(__always)
    static func hasByte(_ value: UInt8, _ word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(value))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether every byte is printable ASCII, space included, other than "-" and "/": each takes one
    /// column, and only the spaces offer a break.
    @inline(__always)
    static func isPlainOrSpace(_ word: UInt64) -> Bool {
        !hasNonASCII(word) && !hasByte(below: 0x20, word) && !hasByte(0x7F, word) && !hasByte(0x2D, word)
            && !hasByte(0x2F, word)
    }

    /// The bytes equal to `value`, each marked by its high bit (0x80) and nothing else: exact, as no
    /// carry crosses from one byte into the next.
    @inline(__always)
    static func matches(_ value: UInt8, _ word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(value))
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// How many of the eight bytes, from the first, are printable ASCII (0x20 to 0x7E). Exact, as in
    /// `leadingWordBytes`: a false flag can only sit above a true one.
    @inline(__always)
    static func leadingPrintableASCII(_ word: UInt64) -> Int {
        var flags = word & highs
        flags |= (word &- ones &* 0x20) & ~word & highs
        let x = word ^ (ones &* 0x7F)
        flags |= (x &- ones) & ~x & highs
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
    }

    /// How many of the eight bytes, from the first, are plain letters of a word: printable ASCII other
    /// than space, "-" and "/". Each test below flags its lowest matching byte exactly (a false flag can
    /// only sit above a true one), so the lowest flag of them all is the first byte that is not a letter.
    @inline(__always)
    static func leadingWordBytes(_ word: UInt64) -> Int {
        var flags = word & highs
        flags |= (word &- ones &* 0x21) & ~word & highs
        for value: UInt8 in [0x7F, 0x2D, 0x2F] {
            let x = word ^ (ones &* UInt64(value))
            flags |= (x &- ones) & ~x & highs
        }
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
    }
}

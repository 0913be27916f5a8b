import Foundation

/// The one RFC 822 shape nearly every RSS feed writes (`Sun, 01 Nov 2026 11:18:14 +0000`), read straight from
/// the bytes. The general reader splits into substrings and looks months up by string, which was most of the
/// cost of a date; for this shape it gives the same value, and anything else goes to it.
extension FeedDateParser {
    /// `.some(date)` when `bytes` is `[Www, ]D[D] Mmm YYYY HH:MM[:SS] ZONE` with ZONE one of `±hhmm`, `GMT`,
    /// `UT`, `UTC`, `Z` (any case), weekday one of the seven three-letter names; nil ("not this shape").
    static func commonRFC822(_ bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        let n = bytes.count
        var i = 0
        func lower(_ k: Int) -> UInt8 { bytes[k] | 0x20 }
        func isDigit(_ k: Int) -> Bool { k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        func digit(_ k: Int) -> Int { Int(bytes[k] - 0x30) }
        func isLetter(_ k: Int) -> Bool { k < n && lower(k) >= 0x61 && lower(k) <= 0x7A }
        func three(_ k: Int) -> UInt32 { UInt32(lower(k)) << 16 | UInt32(lower(k + 1)) << 8 | UInt32(lower(k + 2)) }
        func code(_ s: StaticString) -> UInt32 {
            let p = s.utf8Start
            return UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
        }
        // Weekday: the general reader drops a leading alphabetic token that is not a month.
        if isLetter(0) {
            guard n > 5, isLetter(1), isLetter(2), bytes[3] == 0x2C, bytes[4] == 0x20 else { return nil }
            switch three(0) {
            case code("sun"), code("mon"), code("tue"), code("wed"), code("thu"), code("fri"), code("sat"): break
            default: return nil
            }
            i = 5
        }
        guard isDigit(i) else { return nil }
        var day = digit(i); i += 1
        if isDigit(i) { day = day * 10 + digit(i); i += 1 }
        guard i + 4 < n, bytes[i] == 0x20, isLetter(i + 1), isLetter(i + 2), isLetter(i + 3), bytes[i + 4] == 0x20 else { return nil }
        let month: Int
        switch three(i + 1) {
        case code("jan"): month = 1
        case code("feb"): month = 2
        case code("mar"): month = 3
        case code("apr"): month = 4
        case code("may"): month = 5
        case code("jun"): month = 6
        case code("jul"): month = 7
        case code("aug"): month = 8
        case code("sep"): month = 9
        case code("oct"): month = 10
        case code("nov"): month = 11
        case code("dec"): month = 12
        default: return nil
        }
        i += 5
        guard isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), i + 4 < n, bytes[i + 4] == 0x20 else { return nil }
        let year = digit(i) * 1000 + digit(i + 1) * 100 + digit(i + 2) * 10 + digit(i + 3)
        i += 5
        guard isDigit(i), isDigit(i + 1), i + 2 < n, bytes[i + 2] == 0x3A, isDigit(i + 3), isDigit(i + 4) else { return nil }
        let hour = digit(i) * 10 + digit(i + 1), minute = digit(i + 3) * 10 + digit(i + 4)
        i += 5
        var second = 0
        if i < n && bytes[i] == 0x3A {
            guard isDigit(i + 1), isDigit(i + 2) else { return nil }
            second = digit(i + 1) * 10 + digit(i + 2)
            i += 3
        }
        guard i < n, bytes[i] == 0x20 else { return nil }
        i += 1
        let offset: Int
        let rest = n - i
        if rest == 5, bytes[i] == 0x2B || bytes[i] == 0x2D, isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), isDigit(i + 4) {
            let value = (digit(i + 1) * 10 + digit(i + 2)) * 3600 + (digit(i + 3) * 10 + digit(i + 4)) * 60
            offset = bytes[i] == 0x2D ? -value : value
        } else if rest == 3, three(i) == code("gmt") || three(i) == code("utc") {
            offset = 0
        } else if rest == 2, lower(i) == 0x75, lower(i + 1) == 0x74 {
            offset = 0
        } else if rest == 1, lower(i) == 0x7A {
            offset = 0
        } else {
            return nil
        }
        return .some(makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second),
                              offset: offset))
    }
}

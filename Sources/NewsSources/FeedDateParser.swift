import Foundation
import TextSafety

/// Reads the date forms feeds use, without `DateFormatter` (slow, locale-bound, and strict):
/// RFC 822/2822 with or without weekday, seconds, time or zone, 2-digit years, day and month swapped, named,
/// military and `GMT+hh:mm` zones (unknown zones read as UTC); RFC 3339 / W3CDTF / ISO 8601 with or
/// without seconds and fractions, lower-case `t`/`z`, a space for `T`, compact `20040105T...`, and the
/// reduced forms `2026`, `2026-05`, `2026-05-28`; asctime (`Sun Jan  4 16:29:06 2004`).
public enum FeedDateParser {
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingXMLSpace()
        guard let first = text.utf8.first else { return nil }
        if first >= 0x30 && first <= 0x39 {
            if let date = iso8601(text) { return date }
        }
        return rfc822(text)
    }

    // MARK: ISO 8601 family

    static func iso8601(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in 0..<count {
                let d = b[i + k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                value = value * 10 + Int(d - 0x30)
            }
            i += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if i < b.count && b[i] == byte { i += 1; return true }
            return false
        }
        guard let year = digits(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0.0, offset = 0
        let extended = skip(0x2D)
        if let m = digits(2) {
            month = m
            if extended { _ = skip(0x2D) }
            if let d = digits(2) { day = d }
        } else if i < b.count { return nil }
        if i < b.count && (b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20) {
            i += 1
            guard let h = digits(2) else { return nil }
            hour = h
            _ = skip(0x3A)
            if let m = digits(2) { minute = m }
            if skip(0x3A) || (i < b.count && b[i] >= 0x30 && b[i] <= 0x39) {
                if let s = digits(2) { second = Double(s) }
                if i < b.count && (b[i] == 0x2E || b[i] == 0x2C) {
                    i += 1
                    var scale = 0.1
                    while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
                        second += Double(b[i] - 0x30) * scale; scale /= 10; i += 1
                    }
                }
            }
            while i < b.count && b[i] == 0x20 { i += 1 }
            if i < b.count {
                let c = b[i]
                if c == 0x5A || c == 0x7A { i += 1 } else if c == 0x2B || c == 0x2D {
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = skip(0x3A)
                    let om = digits(2) ?? 0
                    offset = (oh * 3600 + om * 60) * (c == 0x2D ? -1 : 1)
                } else {
                    let zone = String(decoding: b[i...], as: UTF8.self)
                    offset = zoneOffset(zone) ?? 0
                    i = b.count
                }
            }
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                        offset: offset)
    }

    // MARK: RFC 822 family

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    static func month(_ token: Substring) -> Int? {
        guard token.count >= 3 else { return nil }
        return months[token.prefix(3).lowercased()]
    }

    static func rfc822(_ text: String) -> Date? {
        var bytes = text
        if let common = bytes.withUTF8({ commonRFC822($0) }) { return common }
        return rfc822ByTokens(text)
    }

    /// The general RFC 822 reader: tokens, then fields.
    static func rfc822ByTokens(_ text: String) -> Date? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" })
        guard !tokens.isEmpty else { return nil }
        // Drop a leading weekday (any alphabetic token that is not a month).
        if let first = tokens.first, first.allSatisfy(\.isLetter), month(first) == nil { tokens.removeFirst() }
        // `24-Nov-2023` style.
        if tokens.count >= 1, tokens[0].contains("-"), tokens[0].split(separator: "-").count == 3 {
            let parts = tokens[0].split(separator: "-")
            tokens.replaceSubrange(0..<1, with: parts)
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int?, monthValue: Int?, year: Int?
        var index = 0
        if let m = month(tokens[0]), let d = Int(tokens[1]) {
            monthValue = m; day = d
            // asctime: `Jan 4 16:29:06 2004`
            if tokens.count >= 3, tokens[2].contains(":"), tokens.count >= 4, let y = Int(tokens[3]) {
                let time = tokens[2]
                tokens.remove(at: 2)
                tokens.insert(time, at: 3)
                year = y
            } else {
                year = Int(tokens[2])
            }
            index = 3
        } else if let d = Int(tokens[0]), let m = month(tokens[1]) {
            day = d; monthValue = m; year = Int(tokens[2]); index = 3
        } else {
            return nil
        }
        guard var y = year, let d = day, let m = monthValue else { return nil }
        if tokens[2].count <= 2 && y < 100 { y += y < 90 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if index < tokens.count, tokens[index].contains(":") {
            let parts = tokens[index].split(separator: ":")
            hour = Int(parts[0]) ?? 0
            minute = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            second = parts.count > 2 ? Double(parts[2]) ?? 0 : 0
            index += 1
        }
        if index < tokens.count {
            var zone = String(tokens[index])
            if index + 1 < tokens.count, zone.hasSuffix("GMT") || zone.hasSuffix("UTC"),
               let next = tokens[index + 1].first, next == "+" || next == "-" {
                zone += tokens[index + 1]
            }
            offset = zoneOffset(zone) ?? 0
        }
        return makeDate(year: y, month: m, day: d, hour: hour, minute: minute, second: second, offset: offset)
    }

    static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "ast": -4, "adt": -3, "at": -4, "et": -5, "ct": -6, "mt": -7, "pt": -8,
        "met": 1, "mest": 2, "cet": 1, "cest": 2, "bst": 1, "ist": 0, "jst": 9, "hst": -10, "akst": -9,
        "akdt": -8, "a": 0, "n": 0, "m": 0, "y": 0, // military letters: RFC 2822 §4.3 reads them as -0000
    ]

    /// Seconds east of UTC for `+0500`, `-05:00`, `GMT+5`, `Etc/GMT`, a named or military zone; nil if unknown.
    static func zoneOffset(_ raw: String) -> Int? {
        var zone = Substring(raw.lowercased())
        if zone.hasPrefix("etc/") { zone = zone.dropFirst(4) }
        for prefix in ["gmt", "utc", "ut"] where zone.hasPrefix(prefix) && zone.count > prefix.count {
            let rest = zone.dropFirst(prefix.count)
            if rest.first == "+" || rest.first == "-" { zone = rest; break }
        }
        if let sign = zone.first, sign == "+" || sign == "-" {
            let digits = zone.dropFirst().filter(\.isNumber)
            let value: Int
            if digits.count <= 2 { value = (Int(digits) ?? 0) * 3600 } else {
                let padded = digits.count == 3 ? "0" + digits : String(digits.prefix(4))
                value = (Int(padded.prefix(2)) ?? 0) * 3600 + (Int(padded.suffix(2)) ?? 0) * 60
            }
            return sign == "-" ? -value : value
        }
        if let hours = namedZones[String(zone)] { return hours * 3600 }
        return nil
    }

    // MARK: calendar arithmetic

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double,
                         offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
              second >= 0, second < 61, year >= 1, year <= 9999 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
        return Date(timeIntervalSince1970: seconds)
    }
}

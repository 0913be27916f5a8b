#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The zone absolute dates are shown in, and the one place a date becomes the calendar fields shown.
///
/// Why `local` is not `TimeZone.current`: on Linux Foundation answers that from ICU's zone data, which
/// pages about 4 MB of ICU into the reader before its first frame; the C library's `localtime_r` reads the
/// same tz database (`TZ`, else `/etc/localtime`) for a few kilobytes.
public enum DisplayZone: Sendable, Hashable {
    /// The process's zone as the C library sees it (`TZ`, else `/etc/localtime`).
    case local
    /// Coordinated Universal Time (tests, and wherever one zone is wanted whatever the machine's).
    case utc
    /// A zone of Foundation's by name (tests of zones other than the machine's).
    case zone(TimeZone)

    /// `date`'s year, month, day, hour and minute on the clocks of this zone, and the zone's abbreviation
    /// at that moment (`CET`/`CEST`, `EST`/`EDT`; `GMT+9` where the tz database writes only a number).
    public func fields(of date: Date) -> ZonedFields {
        switch self {
        case .local, .utc:
            // Seconds to the floor, as Calendar does for dates before 1970; far-off dates are clamped to a
            // range time_t and the tz database both cover.
            let seconds = min(max(date.timeIntervalSince1970.rounded(.down), -1e12), 1e12)
            var time = time_t(seconds)
            var parts = tm()
            if self == .utc {
                guard gmtime_r(&time, &parts) != nil else { return ZonedFields(epochIn: "UTC") }
                return ZonedFields(parts, abbreviation: "UTC")
            }
            guard localtime_r(&time, &parts) != nil else { return DisplayZone.utc.fields(of: date) }
            let named = parts.tm_zone.map { String(cString: $0) } ?? ""
            let alphabetic = !named.isEmpty && named.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
            return ZonedFields(parts, abbreviation: alphabetic ? named : Self.offsetName(Int(parts.tm_gmtoff)))
        case .zone(let zone):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            return ZonedFields(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0,
                               minute: c.minute ?? 0, abbreviation: zone.abbreviation(for: date) ?? zone.identifier)
        }
    }

    /// `GMT+9`, `GMT-3`, `GMT+5:30`: how Foundation names a zone known only by its offset.
    static func offsetName(_ seconds: Int) -> String {
        if seconds == 0 { return "GMT" }
        let minutes = abs(seconds) / 60
        let sign = seconds < 0 ? "-" : "+"
        let rest = minutes % 60
        return "GMT\(sign)\(minutes / 60)" + (rest == 0 ? "" : (rest < 10 ? ":0\(rest)" : ":\(rest)"))
    }
}

/// A moment as a zone's clocks and calendar show it.
public struct ZonedFields: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var abbreviation: String

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, abbreviation: String) {
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute
        self.abbreviation = abbreviation
    }

    /// The fields of a C library broken-down time.
    init(_ parts: tm, abbreviation: String) {
        self.init(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                  hour: Int(parts.tm_hour), minute: Int(parts.tm_min), abbreviation: abbreviation)
    }

    /// 1970-01-01 00:00, for a time the C library cannot break down (never within the clamped range).
    init(epochIn abbreviation: String) {
        self.init(year: 1970, month: 1, day: 1, hour: 0, minute: 0, abbreviation: abbreviation)
    }

    /// Whether both are on the same calendar day.
    public func isSameDay(as other: ZonedFields) -> Bool {
        year == other.year && month == other.month && day == other.day
    }

    /// `2022-03-08 09:54`: sortable, minutes, no zone.
    public var dateAndTime: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }

    /// `09:54`.
    public var time: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

import Foundation

/// The article header's relative date, spelled out.
extension DateText {
    /// `just now`, `5 minutes ago`, `1 hour ago`, `3 days ago`, `2 months ago`, `4 years ago`; a date in
    /// the future (a publisher's clock ahead of ours) reads `in 3 hours`.
    static func spelledRelative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        if magnitude < 60 { return "just now" }
        let units: [(seconds: Double, name: String)] = [
            (365 * 86_400, "year"), (30 * 86_400, "month"), (7 * 86_400, "week"), (86_400, "day"),
            (3_600, "hour"), (60, "minute"),
        ]
        let unit = units.first { magnitude >= $0.seconds } ?? (60, "minute")
        let n = Int(magnitude / unit.seconds)
        let amount = "\(n) \(unit.name)\(n == 1 ? "" : "s")"
        return seconds >= 0 ? "\(amount) ago" : "in \(amount)"
    }
}

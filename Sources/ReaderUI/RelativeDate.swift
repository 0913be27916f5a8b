import Foundation
import ReaderCore

/// Dates as the panes show them: short and relative in lists ("3h", "2d"), absolute in the article.
enum DateText {
    /// How long before `now` the date was, in the largest whole unit: now, 5m, 3h, 2d, 4mo, 1y.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        if seconds < 60 { return "now" }
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h" }
        let days = hours / 24
        if days < 30 { return "\(days)d" }
        if days < 365 { return "\(days / 30)mo" }
        return "\(days / 365)y"
    }

    /// `2022-03-08 09:54 UTC`, in `timeZone`.
    static func absolute(_ date: Date, timeZone: DisplayZone) -> String {
        let fields = timeZone.fields(of: date)
        return fields.dateAndTime + " " + fields.abbreviation
    }
}

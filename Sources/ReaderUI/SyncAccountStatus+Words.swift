import Foundation
import NewsModel
import ReaderCore
import TextSafety

/// An account's state as the feed list words it: short enough for the row of its heading.
extension SyncAccountStatus {
    /// `synced 5m ago`, `never synced`, `unreachable`, `busy · retry after 14:05`, `wrong password`, with
    /// `· 2 marks to send` when marks wait.
    func words(now: Date, timeZone: DisplayZone) -> String {
        var parts: [String] = []
        if let problem = problemLabel {
            parts.append(problem)
            if let retryAfter, retryAfter > now {
                parts.append("retry after " + DateText.clock(retryAfter, now: now, timeZone: timeZone))
            }
        } else if let lastSynced {
            let ago = DateText.relative(lastSynced, now: now)
            parts.append(ago == "now" ? "synced just now" : "synced \(ago) ago")
        } else {
            parts.append("never synced")
        }
        if queuedMarks > 0 { parts.append(queuedMarks == 1 ? "1 mark to send" : "\(queuedMarks) marks to send") }
        return parts.joined(separator: " · ")
    }

    /// The line under the feed list for the selected account: the whole error of a failed sync (and when
    /// one last worked), else the protocol and when it was synced. Cleaned: the error may quote a server.
    func detail(timeZone: DisplayZone) -> String {
        let synced = lastSynced.map { "last synced " + DateText.absolute($0, timeZone: timeZone) } ?? "never synced"
        let text = lastError.map { "Sync of \(name) failed: \($0) (\(synced))" } ?? "\(name): \(kind) account, \(synced)"
        return Sanitizer.cleanLine(text)
    }
}

extension DateText {
    /// `14:05` on the day of `now` in `timeZone`, else the absolute date and time.
    static func clock(_ date: Date, now: Date, timeZone: DisplayZone) -> String {
        let fields = timeZone.fields(of: date)
        guard fields.isSameDay(as: timeZone.fields(of: now)) else { return absolute(date, timeZone: timeZone) }
        return fields.time
    }
}

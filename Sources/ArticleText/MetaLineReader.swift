import Foundation

/// Reads the meta line of a comment — the date it was written and the score it got — as sites print it:
/// `Mar 12th, 2022 - 10:30 am - Link - Report abuse -1`, `12 March 2022 at 10:30`, `2022-03-12T10:30Z`,
/// `Posted 3 hours ago`, `5 points`. Dates without a zone are read as UTC.
struct MetaLineReader {
    /// What a meta line says.
    struct Reading: Equatable {
        var date: Date
        var score: Int?
    }

    let now: Date
    private let monthFirst: NSRegularExpression
    private let dayFirst: NSRegularExpression
    private let iso: NSRegularExpression
    private let relative: NSRegularExpression
    private let time: NSRegularExpression
    private let points: NSRegularExpression
    private let trailingNumber: NSRegularExpression
    private var calendar = Calendar(identifier: .gregorian)

    private static let months = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"

    init(now: Date) {
        self.now = now
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func regex(_ pattern: String) -> NSRegularExpression {
            // The patterns are constants: failing to compile one is a programming error.
            try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        }
        monthFirst = regex("\\b\(Self.months)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b")
        dayFirst = regex("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?\(Self.months),?\\s+(\\d{4})\\b")
        iso = regex("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?")
        relative = regex("\\b(\\d+|an?|one)\\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago\\b")
        time = regex("^\\s*(?:-|,|at|@|\\|)?\\s*(\\d{1,2}):(\\d{2})(?:\\s*([ap])\\.?m\\.?)?")
        points = regex("([+\\-\u{2212}]?\\d+)\\s*(?:points?|votes?|likes?)\\b")
        trailingNumber = regex("(?:^|\\s)([+\\-\u{2212}]?\\d+)\\s*$")
    }

    /// The date (and score) of `line`, or nil when it names no date. `datetime` is a `<time datetime>`
    /// on the line, which wins over the text.
    func read(_ line: String, datetime: String? = nil) -> Reading? {
        // Every date form has a digit (or "a … ago"): most lines are turned away before any regex.
        guard datetime != nil || line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || line.contains(" ago") else {
            return nil
        }
        let text = line as NSString
        let whole = NSRange(location: 0, length: text.length)
        var date: Date?
        var used = NSRange(location: NSNotFound, length: 0)
        if let datetime, let parsed = isoDate(datetime) { date = parsed }
        // (pattern, group of the year, of the month, of the day)
        let calendarPatterns = [(monthFirst, 3, 1, 2), (dayFirst, 3, 2, 1)]
        if let (match, year, month, day) = calendarPatterns.lazy.compactMap({ pattern in
            pattern.0.firstMatch(in: line, range: whole).map { ($0, pattern.1, pattern.2, pattern.3) } }).first {
            used = match.range
            let parsed = calendarDate(year: text.substring(with: match.range(at: year)),
                                      month: text.substring(with: match.range(at: month)),
                                      day: text.substring(with: match.range(at: day)))
            date = date ?? parsed.map { withTime(after: match.range, in: text, on: $0, used: &used) }
        } else if let match = iso.firstMatch(in: line, range: whole) {
            used = match.range
            date = date ?? isoDate(text.substring(with: match.range))
        } else if let match = relative.firstMatch(in: line, range: whole) {
            used = match.range
            date = date ?? relativeDate(amount: text.substring(with: match.range(at: 1)),
                                        unit: text.substring(with: match.range(at: 2)))
        }
        guard let date else { return nil }
        let rest = used.location == NSNotFound ? line : text.replacingCharacters(in: used, with: " ")
        return Reading(date: date, score: score(in: rest))
    }

    /// The score in what is left of a meta line once its date is taken out: `5 points`, else a number
    /// ending the line (MercoPress's `… Report abuse -1`).
    func score(in rest: String) -> Int? {
        let text = rest as NSString
        let whole = NSRange(location: 0, length: text.length)
        let match = points.firstMatch(in: rest, range: whole) ?? trailingNumber.firstMatch(in: rest, range: whole)
        guard let match else { return nil }
        let number = text.substring(with: match.range(at: 1)).replacingOccurrences(of: "\u{2212}", with: "-")
        return Int(number.hasPrefix("+") ? String(number.dropFirst()) : number)
    }

    /// ISO 8601 dates as pages write them in `datetime` and JSON-LD, with or without time, seconds,
    /// fractions or zone.
    func isoDate(_ value: String) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let full = ISO8601DateFormatter()
        if let date = full.date(from: trimmed) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: trimmed) { return date }
        let text = trimmed as NSString
        guard let match = iso.firstMatch(in: trimmed, range: NSRange(location: 0, length: text.length)) else {
            return nil
        }
        func part(_ index: Int) -> Int? {
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : Int(text.substring(with: range))
        }
        return calendar.date(from: DateComponents(year: part(1), month: part(2), day: part(3), hour: part(4) ?? 0,
                                                  minute: part(5) ?? 0, second: part(6) ?? 0))
    }

    private func calendarDate(year: String, month: String, day: String) -> Date? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let monthIndex = names.firstIndex(of: String(month.lowercased().prefix(3))),
              let year = Int(year), let day = Int(day), (1...31).contains(day) else { return nil }
        return calendar.date(from: DateComponents(year: year, month: monthIndex + 1, day: day))
    }

    /// The date with the time of day written right after it (`- 10:30 am`, `at 18:05`), which is then
    /// counted as part of the date.
    private func withTime(after range: NSRange, in text: NSString, on day: Date, used: inout NSRange) -> Date {
        let start = range.location + range.length
        let tail = NSRange(location: start, length: text.length - start)
        guard let match = time.firstMatch(in: text as String, options: [.anchored], range: tail),
              var hour = Int(text.substring(with: match.range(at: 1))),
              let minute = Int(text.substring(with: match.range(at: 2))), hour < 24, minute < 60 else { return day }
        if match.range(at: 3).location != NSNotFound {
            let isPM = text.substring(with: match.range(at: 3)).lowercased() == "p"
            hour = hour % 12 + (isPM ? 12 : 0)
        }
        used = NSRange(location: range.location, length: match.range.location + match.range.length - range.location)
        return day.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    private func relativeDate(amount: String, unit: String) -> Date? {
        let count = Int(amount) ?? 1
        let seconds: Double = switch unit.lowercased() {
        case "second", "sec": 1
        case "minute", "min": 60
        case "hour", "hr": 3600
        case "day": 86_400
        case "week": 7 * 86_400
        case "month": 30 * 86_400
        default: 365 * 86_400
        }
        return now.addingTimeInterval(-seconds * Double(count))
    }
}

import Foundation
@testable import ReaderCore
import Testing

/// The zone code the panes and commands share: UTC from the C library, named zones from Foundation, and
/// the names of zones known only by their offset. (Local time under `TZ` is held to Foundation's by
/// `LocalTimeCommandTests`, which runs the binary in each zone: `TZ` is process-wide.)
@Suite("DisplayZone: dates as zones show them")
struct DisplayZoneTests {
    @Test("UTC fields and name; before 1970 the seconds round down, as calendars do")
    func utc() {
        #expect(DisplayZone.utc.fields(of: Date(timeIntervalSince1970: 1_646_733_240))
                == ZonedFields(year: 2022, month: 3, day: 8, hour: 9, minute: 54, abbreviation: "UTC"))
        #expect(DisplayZone.utc.fields(of: Date(timeIntervalSince1970: -0.5)).dateAndTime == "1969-12-31 23:59")
        #expect(DisplayZone.utc.fields(of: .distantFuture).year == 4001)
    }

    @Test("A named zone gives the same digits as UTC shifted by its offset, either side of a change")
    func namedZone() throws {
        let berlin = DisplayZone.zone(try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(berlin.fields(of: Date(timeIntervalSince1970: 1_774_744_200)).time == "01:30") // before the change
        #expect(berlin.fields(of: Date(timeIntervalSince1970: 1_774_747_800)).time == "03:30") // after it
    }

    @Test("Zones known only by their offset are named GMT±h[:mm]")
    func offsetNames() {
        #expect(DisplayZone.offsetName(0) == "GMT")
        #expect(DisplayZone.offsetName(9 * 3600) == "GMT+9")
        #expect(DisplayZone.offsetName(-3 * 3600) == "GMT-3")
        #expect(DisplayZone.offsetName(5 * 3600 + 1800) == "GMT+5:30")
        #expect(DisplayZone.offsetName(-(9 * 3600 + 30 * 60)) == "GMT-9:30")
        #expect(DisplayZone.offsetName(5 * 3600 + 45 * 60) == "GMT+5:45")
    }

    @Test("Same day and clock time")
    func sameDay() {
        let morning = DisplayZone.utc.fields(of: Date(timeIntervalSince1970: 1_646_700_000))
        let evening = DisplayZone.utc.fields(of: Date(timeIntervalSince1970: 1_646_780_000))
        #expect(morning.isSameDay(as: evening))
        #expect(!morning.isSameDay(as: DisplayZone.utc.fields(of: Date(timeIntervalSince1970: 1_646_800_000))))
        #expect(morning.time == "00:40")
    }
}

/// Grouped numbers without ICU's formatter.
@Suite("NumberText: whole numbers with thousands separators")
struct NumberTextTests {
    @Test("Groups of three from the right, signs kept, every width around a boundary")
    func grouped() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1_000) == "1,000")
        #expect(NumberText.grouped(12_345) == "12,345")
        #expect(NumberText.grouped(123_456) == "123,456")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-1_234) == "-1,234")
        #expect(NumberText.grouped(-999) == "-999")
        #expect(NumberText.grouped(Int.min) == "-9,223,372,036,854,775,808")
        // The same text as Foundation's en_US formatter, which this replaced.
        for n in [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 987_654_321, -45_678] {
            #expect(NumberText.grouped(n) == n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))
        }
    }
}

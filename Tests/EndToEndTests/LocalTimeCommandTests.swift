import Foundation
import Testing
import TestSupport

/// Local time as the C library reads `TZ`: dates either side of daylight-saving changes print as Foundation's
/// named zones show them, so the reader's own zone code (which spares it ICU's zone data) agrees with them.
@Suite("Local time across daylight-saving changes")
struct LocalTimeCommandTests {
    /// Moments an hour (or, for Lord Howe, half an hour) either side of a change in one of the zones below.
    static let moments: [(title: String, seconds: TimeInterval)] = [
        ("berlinspring", 1_774_744_200), ("berlinspring", 1_774_747_800),   // 2026-03-29 00:30 / 01:30 UTC
        ("berlinautumn", 1_792_888_200), ("berlinautumn", 1_792_891_800),   // 2026-10-25 00:30 / 01:30 UTC
        ("newyorkautumn", 1_793_511_000), ("newyorkautumn", 1_793_514_600), // 2026-11-01 05:30 / 06:30 UTC
        ("lordhowe", 1_791_039_600), ("lordhowe", 1_791_043_200),           // 2026-10-03 15:00 / 16:00 UTC
        ("winter", 1_767_225_600),                                          // 2026-01-01 00:00 UTC
    ]

    static func feed() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var items = ""
        for (index, moment) in moments.enumerated() {
            let date = formatter.string(from: Date(timeIntervalSince1970: moment.seconds))
            items += "<item><title>clocktest \(moment.title) n\(index)</title><guid>t\(index)</guid>"
                + "<link>http://example.org/\(index)</link><pubDate>\(date)</pubDate></item>\n"
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Clocks</title>\n\(items)</channel></rss>"
    }

    @Test("gazette search prints each story's time as Foundation's zone of the same name does",
          arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"])
    func searchDates(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let body = Self.feed()
        let server = try LoopbackServer { _ in LoopbackServer.Reply(contentType: "application/rss+xml", body: body) }
        defer { server.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("\(server.baseURL)/clocks.rss\n".utf8).write(to: config.appendingPathComponent("urls"))
        let folders = ["--config-dir", config.path, "--data-dir", root.appendingPathComponent("data").path]
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = zoneName
        let binary = try GazetteBinary.path()
        let refreshed = try ProcessRunner.run(binary, ["refresh", "--quiet"] + folders, environment: environment)
        #expect(refreshed.status == 0, "\(refreshed.standardError)")
        let found = try ProcessRunner.run(binary, ["search", "clocktest", "--limit", "50"] + folders,
                                          environment: environment)
        #expect(found.status == 0, "\(found.standardError)")

        let expected = DateFormatter()
        expected.locale = Locale(identifier: "en_US_POSIX")
        expected.timeZone = zone
        expected.dateFormat = "yyyy-MM-dd HH:mm"
        let lines = found.standardOutput.split(separator: "\n")
        for (index, moment) in Self.moments.enumerated() {
            let printed = expected.string(from: Date(timeIntervalSince1970: moment.seconds))
            let line = lines.first { $0.hasSuffix(" n\(index)") }
            #expect(line?.contains("  \(printed)  ") == true, "\(zoneName) n\(index): want \(printed) in \(line ?? "nothing")")
        }
    }
}

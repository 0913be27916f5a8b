import Foundation
import ReaderApp
import Testing
@testable import gazette

/// How the reader command wires refreshing for each kind of session.
@Suite("The reader's refresh wiring")
@MainActor
struct ReaderRefreshWiringTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-wiring-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "http://127.0.0.1:9/feed.xml\n".write(toFile: dir + "/urls", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("the user's cache gets a refresher and the configured interval")
    func writable() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        var settings = Settings()
        settings.refreshIntervalMinutes = 15
        let options = ReaderCommand.refreshOptions(session, settings)
        #expect(options.refresher != nil)
        #expect(options.intervalMinutes == 15)
        #expect(options.unavailableReason == nil)
    }

    @Test("opening leaves the cache's feeds alone; the reader applies the urls file after its first frame")
    func subscriptionsAfterOpening() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        let store: any ReaderStore = session.cache
        #expect(try await store.feeds().isEmpty)
        let apply = try #require(ReaderCommand.refreshOptions(session, Settings()).applyOnStart)
        #expect(try apply())
        #expect(try await store.feeds().map(\.url) == ["http://127.0.0.1:9/feed.xml"])
        #expect(try apply() == false, "an unchanged file writes nothing")
    }

    @Test("reader mode: extract:MODE in the urls file sets a feed's mode; config.toml's [extract] names win")
    func extractModes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            http://127.0.0.1:9/summary.xml extract:always
            http://127.0.0.1:9/both.xml extract:never
            http://127.0.0.1:9/plain.xml
            """.write(toFile: dir + "/urls", atomically: true, encoding: .utf8)
        let session = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        let (settings, warnings) = try SettingsFile.parse("""
            [extract]
            default = "auto"
            "http://127.0.0.1:9/both.xml" = "always"
            """, path: "config.toml")
        #expect(warnings.isEmpty)
        let policy = ReaderCommand.extractionOptions(session, settings).policy
        #expect(policy.mode(forFeedURL: "http://127.0.0.1:9/summary.xml") == .always)
        #expect(policy.mode(forFeedURL: "http://127.0.0.1:9/both.xml") == .always)
        #expect(policy.mode(forFeedURL: "http://127.0.0.1:9/plain.xml") == .auto)
        #expect(policy.prefetches)
    }

    @Test("a second session beside the first is a full reader: it can refresh and write")
    func secondSession() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        try withExtendedLifetime(first) {
            let second = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
            #expect(second.cache.access == .readWrite)
            #expect(second.hint == nil)
            let options = ReaderCommand.refreshOptions(second, Settings())
            #expect(options.refresher != nil)
            #expect(options.unavailableReason == nil)
        }
    }

    @Test("a read-only data folder opens for reading, says what to do, and cannot refresh")
    func readOnlyFolder() throws {
        let dir = try Self.folder()
        defer {
            chmod(dir + "/data", 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        do { _ = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/data/cache.sqlite") }
        chmod(dir + "/data", 0o555)
        let session = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/data/cache.sqlite")
        #expect(session.cache.access == .readOnly)
        #expect(session.hint?.contains("chmod u+w") == true)
        let options = ReaderCommand.refreshOptions(session, Settings())
        #expect(options.refresher == nil)
        #expect(options.unavailableReason?.contains("read-only") == true)
    }

    @Test("the sample edition has nothing to refresh")
    func sample() throws {
        let session = try ReaderSession.open(demo: true, urlsFile: "/nonexistent/urls", cacheFile: "/nonexistent/c")
        defer { session.close() }
        let options = ReaderCommand.refreshOptions(session, Settings())
        #expect(options.refresher == nil)
        #expect(options.unavailableReason == "the sample edition has nothing to refresh — add feeds with gazette add URL")
    }
}
